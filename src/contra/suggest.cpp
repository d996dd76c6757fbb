#include "contra/suggest.hpp"

#include "contra/terminal_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra {
namespace {

// Names longer than any name a pack declares are not typos of one: no suggestion is looked for,
// which also keeps a hostile input's long unknown names from costing quadratic time.
constexpr std::size_t k_max_name_length = 80;

// Optimal string alignment distance: Levenshtein plus adjacent transpositions ("wamrth").
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * width);
    const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
    for (std::size_t i = 0; i <= a.size(); ++i) {
        at(i, 0) = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        at(0, j) = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
            }
        }
    }
    return at(a.size(), b.size());
}

} // namespace

std::optional<std::string> nearest_name(std::string_view name,
                                        const std::vector<std::string>& candidates) {
    if (name.size() > k_max_name_length) {
        return std::nullopt;
    }
    const std::size_t limit = std::max<std::size_t>(2, name.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& candidate : candidates) {
        // The distance is at least the difference in length.
        const std::size_t length_gap = name.size() > candidate.size()
                                           ? name.size() - candidate.size()
                                           : candidate.size() - name.size();
        if (length_gap >= best_distance) {
            continue;
        }
        const std::size_t distance = edit_distance(name, candidate);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    const std::optional<std::string> nearest = nearest_name(name, candidates);
    // The suggestion is a name from a pack or a profile: it may be shown outside a diagnostic.
    return nearest ? fmt::format("; did you mean '{}'?", escape_controls(*nearest)) : std::string{};
}

} // namespace contra

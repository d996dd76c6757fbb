#include "util/suggest.hpp"

#include "util/terminal_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace contra {
namespace {

// Names longer than any name a pack declares are not typos of one: no suggestion is looked for,
// which also keeps a hostile input's long unknown names from costing quadratic time.
constexpr std::size_t k_max_name_length = 80;

// More equally good candidates than this is a guess, not a suggestion.
constexpr std::size_t k_max_suggestions = 3;

// Words of opposite meaning: a name holding one is never matched to a name holding the other,
// however few letters apart ("one" and "none", "yes" and "no").
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> k_antonyms{{
    {"none", "one"},
    {"none", "both"},
    {"one", "both"},
    {"yes", "no"},
    {"true", "false"},
    {"left", "right"},
    {"front", "back"},
    {"upper", "lower"},
    {"inner", "outer"},
}};

// How well a candidate matches, best first.
enum class Match { same, begins, has_words, typo };

struct Words {
    std::string text; ///< lower case, separators as '_'
    std::vector<std::string_view> words;
};

Words split(std::string_view name) {
    Words result;
    result.text.reserve(name.size());
    for (const char c : name) {
        const bool separator = c == ' ' || c == '-' || c == '_' || c == '\t';
        result.text +=
            separator ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string_view rest = result.text;
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('_'), rest.size());
        if (end > 0) {
            result.words.push_back(rest.substr(0, end));
        }
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    return result;
}

bool has_word(const Words& name, std::string_view word) {
    return std::find(name.words.begin(), name.words.end(), word) != name.words.end();
}

bool opposite(const Words& name, const Words& candidate) {
    return std::any_of(k_antonyms.begin(), k_antonyms.end(), [&](const auto& pair) {
        const auto one_way = [&](std::string_view a, std::string_view b) {
            return has_word(name, a) && has_word(candidate, b) && !has_word(name, b) &&
                   !has_word(candidate, a);
        };
        return one_way(pair.first, pair.second) || one_way(pair.second, pair.first);
    });
}

// Every word of the name is a word of the candidate, or begins one (three letters at least).
bool words_within(const Words& name, const Words& candidate) {
    return !name.words.empty() &&
           std::all_of(name.words.begin(), name.words.end(), [&](std::string_view word) {
               return std::any_of(
                   candidate.words.begin(), candidate.words.end(), [&](std::string_view other) {
                       return other == word ||
                              (word.size() >= 3 && other.substr(0, word.size()) == word);
                   });
           });
}

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

// A short name allows one slip, a longer one about one in three letters.
std::size_t typo_threshold(std::size_t length) {
    return length <= 4 ? 1 : std::max<std::size_t>(2, length / 3);
}

// The edit distance, plus one when the first letters differ: people rarely mistype the first
// letter, and 'shin' is not a typo of 'chin'.
std::size_t typo_cost(const Words& name, const Words& candidate) {
    const std::size_t distance = edit_distance(name.text, candidate.text);
    const bool same_start = !name.words.empty() && !candidate.words.empty() &&
                            name.words.front().front() == candidate.words.front().front();
    return distance + (same_start ? 0 : 1);
}

} // namespace

std::vector<std::string> suggestions(std::string_view name,
                                     const std::vector<std::string>& candidates) {
    if (name.size() > k_max_name_length) {
        return {};
    }
    const Words typed = split(name);
    const std::size_t threshold = typo_threshold(typed.text.size());
    // (match, typo cost) of the best candidates so far
    std::pair<Match, std::size_t> best{Match::typo, threshold};
    std::vector<std::string> found;
    for (const std::string& candidate : candidates) {
        const Words other = split(candidate);
        if (opposite(typed, other)) {
            continue;
        }
        std::pair<Match, std::size_t> score{Match::typo, 0};
        if (other.text == typed.text) {
            score.first = Match::same;
        } else if (typed.text.size() >= 2 && other.text.rfind(typed.text, 0) == 0) {
            score.first = Match::begins;
        } else if (words_within(typed, other)) {
            score.first = Match::has_words;
        } else {
            // The distance is at least the difference in length.
            const std::size_t gap = typed.text.size() > other.text.size()
                                        ? typed.text.size() - other.text.size()
                                        : other.text.size() - typed.text.size();
            if (best.first != Match::typo || gap > best.second) {
                continue;
            }
            score.second = typo_cost(typed, other);
            if (score.second > threshold) {
                continue;
            }
        }
        if (score < best) {
            best = score;
            found.clear();
        }
        if (score == best && std::find(found.begin(), found.end(), candidate) == found.end()) {
            found.push_back(candidate);
        }
    }
    if (found.size() > k_max_suggestions) {
        return {};
    }
    return found;
}

std::optional<std::string> nearest_name(std::string_view name,
                                        const std::vector<std::string>& candidates) {
    std::vector<std::string> found = suggestions(name, candidates);
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    const std::vector<std::string> found = suggestions(name, candidates);
    if (found.empty()) {
        return {};
    }
    // The suggestions are names from a pack or a profile: they may be shown outside a diagnostic.
    std::string quoted = fmt::format("'{}'", escape_controls(found.front()));
    for (std::size_t i = 1; i < found.size(); ++i) {
        quoted +=
            fmt::format("{}'{}'", i + 1 == found.size() ? " or " : ", ", escape_controls(found[i]));
    }
    return fmt::format("; did you mean {}?", quoted);
}

} // namespace contra

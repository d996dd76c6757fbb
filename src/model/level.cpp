#include "model/level.hpp"

#include <array>

namespace contra {
namespace {

constexpr std::array<std::string_view, 6> k_verdict_names{"proceed",
                                                          "proceed_with_precautions",
                                                          "postpone_and_refer",
                                                          "do_not_massage",
                                                          "emergency",
                                                          "incomplete"};

} // namespace

std::string_view to_string(Level level) {
    return k_verdict_names.at(static_cast<std::size_t>(level));
}

std::string_view to_string(Verdict verdict) {
    return k_verdict_names.at(static_cast<std::size_t>(verdict));
}

std::optional<Level> level_from_string(std::string_view text) {
    for (std::size_t i = 0; i <= static_cast<std::size_t>(Level::emergency); ++i) {
        if (k_verdict_names[i] == text) {
            return static_cast<Level>(i);
        }
    }
    return std::nullopt;
}

std::optional<Verdict> verdict_from_string(std::string_view text) {
    for (std::size_t i = 0; i < k_verdict_names.size(); ++i) {
        if (k_verdict_names[i] == text) {
            return static_cast<Verdict>(i);
        }
    }
    return std::nullopt;
}

Verdict to_verdict(Level level) {
    return static_cast<Verdict>(level);
}

int exit_code(Verdict verdict) {
    return static_cast<int>(verdict);
}

} // namespace contra

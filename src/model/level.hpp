#pragma once

#include <optional>
#include <string_view>

namespace contra {

/// The severity ladder of rules/REFERENCE.md section 1, lowest first. The most severe fired rule
/// wins.
enum class Level {
    proceed,
    proceed_with_precautions,
    postpone_and_refer,
    do_not_massage,
    emergency
};

/// A verdict is a level, or `incomplete`: the answers would allow treatment today, but an
/// unanswered question could change that.
enum class Verdict {
    proceed,
    proceed_with_precautions,
    postpone_and_refer,
    do_not_massage,
    emergency,
    incomplete
};

std::string_view to_string(Level level);
std::string_view to_string(Verdict verdict);
std::optional<Level> level_from_string(std::string_view text);
std::optional<Verdict> verdict_from_string(std::string_view text);
Verdict to_verdict(Level level);

/// The process exit code of docs/contract.md for a verdict (0..5).
int exit_code(Verdict verdict);

} // namespace contra

#pragma once

// The dates of a run's answers: --today (the day the answers are checked on) and
// --answered-on (the day they were given), and the check that no answer is dated after today.

#include "cli/exit_codes.hpp"
#include "model/profile.hpp"
#include "model/rule_pack.hpp"
#include "util/calendar_date.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <optional>

namespace contra::cli {

/// Adds `--today YYYY-MM-DD` (default: the local date): answers older than their shelf life on
/// that day are asked again.
void add_today_option(CLI::App& command, std::optional<CalendarDate>& today);

/// Adds `--answered-on YYYY-MM-DD`: the day the profile's answers were given, over the file's
/// `answered_on` (answers dated one by one keep their dates).
void add_answered_on_option(CLI::App& command, std::optional<CalendarDate>& answered_on);

/// `today`, or the local date.
CalendarDate today_or_local(const std::optional<CalendarDate>& today);

/// Applies --answered-on over `profile`, then refuses an answer dated after `today`: 65 after
/// reporting it (located) to `err`.
std::optional<ExitCode> date_answers(const RulePack& pack,
                                     const std::optional<CalendarDate>& answered_on,
                                     CalendarDate today,
                                     Profile& profile,
                                     std::ostream& err);

} // namespace contra::cli

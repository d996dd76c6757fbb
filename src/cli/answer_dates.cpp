#include "cli/answer_dates.hpp"

#include "cli/error_report.hpp"
#include "engine/shelf_life.hpp"

#include <fmt/ostream.h>

namespace contra::cli {
namespace {

void add_date_option(CLI::App& command,
                     const std::string& name,
                     std::optional<CalendarDate>& date,
                     const std::string& description) {
    command
        .add_option_function<std::string>(
            name,
            [&date, name](const std::string& text) {
                date = parse_calendar_date(text);
                if (!date) {
                    throw CLI::ValidationError(
                        fmt::format("{} {}: expected a date written YYYY-MM-DD", name, text));
                }
            },
            description)
        ->type_name("YYYY-MM-DD");
}

} // namespace

void add_today_option(CLI::App& command, std::optional<CalendarDate>& today) {
    add_date_option(command,
                    "--today",
                    today,
                    "The day the answers are checked on (default: the local date): an answer "
                    "older than its question's shelf life is asked again");
}

void add_answered_on_option(CLI::App& command, std::optional<CalendarDate>& answered_on) {
    add_date_option(command,
                    "--answered-on",
                    answered_on,
                    "The day the profile's answers were given (over its 'answered_on'; answers "
                    "dated one by one keep their dates)");
}

CalendarDate today_or_local(const std::optional<CalendarDate>& today) {
    return today ? *today : local_today();
}

std::optional<ExitCode> date_answers(const RulePack& pack,
                                     const std::optional<CalendarDate>& answered_on,
                                     CalendarDate today,
                                     Profile& profile,
                                     std::ostream& err) {
    if (answered_on) {
        profile.answered_on = AnswerDate{*answered_on, {"--answered-on", 0, 0}};
    }
    if (auto error = answer_dated_after(pack, profile, today)) {
        Diagnostics diagnostics;
        diagnostics.add(std::move(*error));
        report_diagnostics(err, diagnostics);
        fmt::print(err, "contra: error: the profile is invalid; no verdict was given\n");
        return ExitCode::bad_profile;
    }
    return std::nullopt;
}

} // namespace contra::cli

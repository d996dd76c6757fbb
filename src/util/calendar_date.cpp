#include "util/calendar_date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ctime>

namespace contra {
namespace {

constexpr int k_first_year = 1900;
constexpr int k_last_year = 9999;

std::optional<int> digits(std::string_view text) {
    if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c)) != 0;
        })) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : text) {
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

std::optional<CalendarDate> parse_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto year = digits(text.substr(0, 4));
    const auto month = digits(text.substr(5, 2));
    const auto day = digits(text.substr(8, 2));
    if (!year || !month || !day || *year < k_first_year || *year > k_last_year) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{*year},
                                           std::chrono::month{static_cast<unsigned>(*month)},
                                           std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return CalendarDate{std::chrono::sys_days{date}};
}

std::string to_string(CalendarDate date) {
    const std::chrono::year_month_day ymd{date.day};
    return fmt::format("{:04}-{:02}-{:02}",
                       static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

int days_between(CalendarDate from, CalendarDate to) {
    return static_cast<int>((to.day - from.day).count());
}

int whole_years_between(CalendarDate from, CalendarDate to) {
    if (to < from) {
        return 0;
    }
    const std::chrono::year_month_day start{from.day};
    const std::chrono::year_month_day end{to.day};
    int years = static_cast<int>(end.year()) - static_cast<int>(start.year());
    const std::chrono::year anniversary_year = start.year() + std::chrono::years{years};
    const std::chrono::year_month_day anniversary{anniversary_year, start.month(), start.day()};
    // An anniversary that does not exist that year (29 February) falls on the day after.
    const std::chrono::sys_days anniversary_day =
        anniversary.ok() ? std::chrono::sys_days{anniversary}
                         : std::chrono::sys_days{std::chrono::year_month_day_last{
                               anniversary_year, std::chrono::month_day_last{start.month()}}} +
                               std::chrono::days{1};
    if (to.day < anniversary_day) {
        --years;
    }
    return years;
}

CalendarDate local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const std::chrono::year_month_day date{
        std::chrono::year{local.tm_year + k_first_year},
        std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
        std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
    return CalendarDate{std::chrono::sys_days{date}};
}

} // namespace contra

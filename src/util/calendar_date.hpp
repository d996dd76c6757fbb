#pragma once

// A day of the Gregorian calendar, as people write it (YYYY-MM-DD): std::chrono does the
// calendar.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace contra {

struct CalendarDate {
    std::chrono::sys_days day;

    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
    friend bool operator<(const CalendarDate& a, const CalendarDate& b) { return a.day < b.day; }
    friend bool operator>(const CalendarDate& a, const CalendarDate& b) { return b < a; }
};

/// `YYYY-MM-DD` exactly (four-digit year from 1900, two-digit month and day, a real date);
/// nullopt for anything else, including times and surrounding spaces.
std::optional<CalendarDate> parse_calendar_date(std::string_view text);

/// `YYYY-MM-DD`.
std::string to_string(CalendarDate date);

/// Days from `from` to `to`: negative when `to` is earlier.
int days_between(CalendarDate from, CalendarDate to);

/// Whole calendar years from `from` to `to` (a birthday on 29 February counts on 1 March);
/// 0 when `to` is earlier.
int whole_years_between(CalendarDate from, CalendarDate to);

/// Today in the local time zone.
CalendarDate local_today();

} // namespace contra

#include "util/calendar_date.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

CalendarDate date(std::string_view text) {
    const auto parsed = parse_calendar_date(text);
    EXPECT_TRUE(parsed) << text;
    return parsed.value_or(CalendarDate{});
}

TEST(CalendarDate, ReadsAndWritesYearMonthDay) {
    EXPECT_EQ(to_string(date("2026-11-02")), "2026-11-02");
    EXPECT_EQ(to_string(date("2024-02-29")), "2024-02-29");
}

TEST(CalendarDate, RefusesAnythingButARealYearMonthDay) {
    for (const char* text : {"2026-2-3",
                             "2026-02-30",
                             "2025-02-29",
                             "2026-13-01",
                             "2026-00-10",
                             "26-11-02",
                             "2026/11/02",
                             " 2026-11-02",
                             "2026-11-02T10:00:00Z",
                             "2026-11-0x",
                             "+026-11-02",
                             "0000-01-01",
                             "yesterday",
                             ""}) {
        EXPECT_FALSE(parse_calendar_date(text)) << text;
    }
}

TEST(CalendarDate, CountsDaysAcrossMonthsYearsAndLeapDays) {
    EXPECT_EQ(days_between(date("2026-11-02"), date("2026-11-03")), 1);
    EXPECT_EQ(days_between(date("2026-11-03"), date("2026-11-02")), -1);
    EXPECT_EQ(days_between(date("2024-02-28"), date("2024-03-01")), 2);
    EXPECT_EQ(days_between(date("2026-12-31"), date("2027-01-01")), 1);
    EXPECT_EQ(days_between(date("2026-01-01"), date("2027-01-01")), 365);
}

TEST(CalendarDate, CountsWholeYearsByTheCalendar) {
    EXPECT_EQ(whole_years_between(date("2000-06-15"), date("2026-06-14")), 25);
    EXPECT_EQ(whole_years_between(date("2000-06-15"), date("2026-06-15")), 26);
    EXPECT_EQ(whole_years_between(date("2024-02-29"), date("2025-02-28")), 0);
    EXPECT_EQ(whole_years_between(date("2024-02-29"), date("2025-03-01")), 1);
    EXPECT_EQ(whole_years_between(date("2026-06-15"), date("2025-06-15")), 0);
}

} // namespace
} // namespace contra

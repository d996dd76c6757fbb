#include "engine/shelf_life.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

using testing::bundled_pack;

Profile bundled_profile(const std::string& yaml) {
    ProfileResult result = read_profile(bundled_pack(), yaml, "visit.yaml");
    EXPECT_TRUE(result.profile) << result.diagnostics.format();
    return result.profile.value_or(empty_profile(bundled_pack()));
}

CalendarDate day(std::string_view text) {
    return parse_calendar_date(text).value_or(CalendarDate{});
}

std::uint32_t fact(std::string_view id) {
    return bundled_pack().find_fact(id).value_or(0);
}

std::vector<std::string> expired_ids(const CurrentAnswers& current) {
    std::vector<std::string> ids;
    for (const ExpiredAnswer& expired : current.expired) {
        ids.push_back(bundled_pack().facts[expired.fact].id);
    }
    return ids;
}

TEST(ShelfLife, AVisitAnswerHoldsOnItsDayOnly) {
    const Profile profile = bundled_profile("answered_on: 2026-11-01\nleg_warmth: no\n");
    EXPECT_TRUE(answers_on(bundled_pack(), profile, day("2026-11-01")).expired.empty());
    const CurrentAnswers next_day = answers_on(bundled_pack(), profile, day("2026-11-02"));
    EXPECT_EQ(expired_ids(next_day), std::vector<std::string>{"leg_warmth"});
    EXPECT_EQ(next_day.expired.front().answered_on, day("2026-11-01"));
    EXPECT_TRUE(next_day.profile.answers[fact("leg_warmth")].is_unknown());
}

TEST(ShelfLife, ADaysAnswerHoldsForThatManyDays) {
    const Profile profile = bundled_profile("answered_on: 2026-11-01\nrecent_long_journey: no\n");
    EXPECT_TRUE(answers_on(bundled_pack(), profile, day("2026-11-28")).expired.empty()); // day 27
    EXPECT_EQ(expired_ids(answers_on(bundled_pack(), profile, day("2026-11-29"))),       // day 28
              std::vector<std::string>{"recent_long_journey"});
}

TEST(ShelfLife, HistoryHoldsAlways) {
    const Profile profile = bundled_profile("answered_on: 2016-11-01\nprevious_dvt_or_pe: no\n");
    EXPECT_TRUE(answers_on(bundled_pack(), profile, day("2026-11-01")).expired.empty());
}

TEST(ShelfLife, UndatedAnswersAreTodays) {
    const Profile profile = bundled_profile("leg_warmth: no\n");
    const CurrentAnswers current = answers_on(bundled_pack(), profile, day("2030-01-01"));
    EXPECT_TRUE(current.expired.empty());
    EXPECT_EQ(current.profile.answers, profile.answers);
}

TEST(ShelfLife, AnAnswersOwnDateWinsOverTheProfiles) {
    const Profile profile = bundled_profile("answered_on: 2026-11-01\n"
                                            "answer_dates: {leg_warmth: 2026-11-02}\n"
                                            "leg_warmth: no\nfever: no\n");
    EXPECT_EQ(expired_ids(answers_on(bundled_pack(), profile, day("2026-11-02"))),
              std::vector<std::string>{"fever"});
}

TEST(ShelfLife, NumbersThatCountWeeksAdvanceByWholeWeeksElapsed) {
    const Profile profile =
        bundled_profile("answered_on: 2026-11-01\nweeks_since_major_surgery: 4\n");
    const CurrentAnswers current = answers_on(bundled_pack(), profile, day("2026-11-21"));
    ASSERT_EQ(current.aged.size(), 1U);
    EXPECT_EQ(current.aged.front().given, 4);
    EXPECT_EQ(current.aged.front().used, 6); // 20 days: 2 whole weeks
    EXPECT_EQ(current.profile.answers[fact("weeks_since_major_surgery")].number, 6);
    EXPECT_TRUE(current.expired.empty()); // a number that ages never expires
}

TEST(ShelfLife, NoneToANumberThatAgesExpiresLikeAnyAnswer) {
    const Profile profile =
        bundled_profile("answered_on: 2026-11-01\nweeks_since_major_surgery: none\n");
    EXPECT_EQ(expired_ids(answers_on(bundled_pack(), profile, day("2026-12-01"))),
              std::vector<std::string>{"weeks_since_major_surgery"});
}

TEST(ShelfLife, AgeAdvancesByCalendarYearsAndStopsAtTheMaximum) {
    const Profile profile = bundled_profile("answered_on: 2024-06-15\nage_years: 59\n"
                                            "weeks_since_facial_procedure: 50\n");
    const CurrentAnswers current = answers_on(bundled_pack(), profile, day("2026-06-14"));
    EXPECT_EQ(current.profile.answers[fact("age_years")].number, 60);
    EXPECT_EQ(current.profile.answers[fact("weeks_since_facial_procedure")].number, 52);
}

TEST(ShelfLife, AnAnswerDatedAfterTodayIsLocated) {
    const Profile profile = bundled_profile("leg_warmth: no\nanswered_on: 2026-12-01\n");
    const auto error = answer_dated_after(bundled_pack(), profile, day("2026-11-30"));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->where, (SourceLocation{"visit.yaml", 2, 14}));
    EXPECT_EQ(error->field, "answered_on");
    EXPECT_FALSE(answer_dated_after(bundled_pack(), profile, day("2026-12-01")));
}

TEST(ShelfLife, AQuestionThatChangedSinceItWasAnsweredIsNamed) {
    const std::string digest = question_digest(bundled_pack().facts[fact("fever")]);
    const Profile same = bundled_profile("fever: no\nquestion_digests: {fever: " + digest + "}\n");
    EXPECT_TRUE(changed_questions(bundled_pack(), same).empty());
    const Profile changed = bundled_profile("fever: no\nquestion_digests: {fever: 0123abcd}\n");
    EXPECT_EQ(changed_questions(bundled_pack(), changed),
              std::vector<std::uint32_t>{fact("fever")});
}

TEST(ShelfLife, EvaluatingOnADayReportsWhatExpiredAndStaysIncomplete) {
    const Profile profile = bundled_profile("answered_on: 2026-11-01\nsudden_breathlessness: no\n");
    const Report report = evaluate_on(bundled_pack(), profile, day("2026-11-02"), nullptr);
    ASSERT_EQ(report.expired.size(), 1U);
    EXPECT_NE(std::find_if(report.unanswered.begin(),
                           report.unanswered.end(),
                           [](const Unanswered& open) {
                               return open.fact == fact("sudden_breathlessness");
                           }),
              report.unanswered.end());
}

} // namespace
} // namespace contra

// The fail-closed property of the bundled pack, over generated profiles: an unanswered question
// never hides a more severe verdict, answering never brings `incomplete` back, and medical
// clearance never lowers a verdict above postpone_and_refer nor hides an open question, and each
// finding lists every assumption it needs. A fixed seed keeps it repeatable;
// bench/fail_closed_bench runs the same checks on many more profiles.
#include "cli/bundled_pack.hpp"
#include "engine/evaluator.hpp"
#include "engine/shelf_life.hpp"
#include "fail_closed.hpp"
#include "pack/pack_codec.hpp"
#include "profile_generator.hpp"

#include <gtest/gtest.h>

#include <array>

namespace contra::testing {
namespace {

const RulePack& bundled() {
    static const RulePack pack = *decode_pack(cli::bundled_pack_bytes());
    return pack;
}

constexpr std::uint32_t k_seed = 20261122;
constexpr std::size_t k_profiles = 600;

const FailClosedSummary& summary() {
    static const FailClosedSummary checked = check_fail_closed(bundled(), k_seed, k_profiles);
    return checked;
}

TEST(FailClosed, NoAnswerToAnOpenQuestionGivesAMoreSevereVerdict) {
    EXPECT_EQ(summary().violations, std::vector<std::string>{});
    // The property must have been put to the test, not passed vacuously.
    EXPECT_GE(summary().clear_profiles_with_open_questions, k_profiles / 10);
    EXPECT_GE(summary().completions_checked, 20 * summary().clear_profiles_with_open_questions);
}

TEST(FailClosed, AnsweringNeverBringsIncompleteBack) {
    EXPECT_EQ(summary().incomplete_returned, std::vector<std::string>{});
    EXPECT_GE(summary().single_answers_checked, k_profiles);
}

TEST(FailClosed, ClearanceNeverLowersAVerdictAbovePostponeAndRefer) {
    EXPECT_EQ(summary().clearance_lowered, std::vector<std::string>{});
    EXPECT_GE(summary().severe_profiles_cleared, k_profiles / 10);
}

TEST(FailClosed, ClearanceNeverHidesAnUnansweredQuestionThatCouldRaiseTheVerdict) {
    EXPECT_EQ(summary().clearance_hid, std::vector<std::string>{});
    EXPECT_GE(summary().profiles_given_clearance, k_profiles / 2);
}

TEST(FailClosed, AFindingStaysWhenAnAssumptionItDoesNotListIsAnswered) {
    EXPECT_EQ(summary().assumed_facts_wrong, std::vector<std::string>{});
    EXPECT_GE(summary().assumptions_answered, k_profiles);
}

// evaluate() does not compute the verdict on the answers alone when it can tell that verdict is
// open too (a rule that could fire would raise the level): `verdict_rests_on_assumptions` must
// still be exactly what computing it gives, from intake forms barely begun to nearly complete.
TEST(FailClosed, TheVerdictRestsOnAssumptionsExactlyWhenTheAnswersAloneGiveAnother) {
    const RulePack& pack = bundled();
    ProfileGenerator generator(pack, k_seed);
    std::size_t rests = 0;
    std::size_t open_on_both = 0;
    for (std::size_t i = 0; i < 4 * k_profiles; ++i) {
        const Profile profile = generator.partial_profile(std::array{0.3, 0.6, 0.9, 1.0}[i % 4]);
        const Report report = evaluate(pack, profile);
        const Verdict alone = detail::verdict_on_the_answers_alone(pack, profile);
        EXPECT_EQ(report.verdict_rests_on_assumptions, alone != report.verdict)
            << i << ": " << to_string(report.verdict) << " / " << to_string(alone);
        rests += report.verdict_rests_on_assumptions ? 1 : 0;
        open_on_both += report.verdict == Verdict::incomplete && alone == Verdict::incomplete;
    }
    // Both outcomes, and the case evaluate() shortens, must have been put to the test.
    EXPECT_GE(rests, 10U); // 21 of these 2,400 profiles
    EXPECT_GE(open_on_both, k_profiles);
}

// An expired answer is an unanswered question: the profile checked on a later day gives exactly
// what the same profile without the expired answers gives, so a stale "no" never clears
// anything. Each answer is dated one of a few days back, so every kind of shelf life expires in
// some profiles and holds in others.
TEST(FailClosed, AnExpiredAnswerNeverClearsWhatTheProfileWithoutItWouldNot) {
    const RulePack& pack = bundled();
    ProfileGenerator generator(pack, k_seed);
    const CalendarDate today = *parse_calendar_date("2026-12-04");
    std::size_t expired = 0;
    for (std::size_t i = 0; i < k_profiles; ++i) {
        Profile dated = generator.partial_profile(0.3);
        for (std::uint32_t fact = 0; fact < pack.facts.size(); ++fact) {
            const int days_back = std::array{0, 1, 27, 29, 400}[generator.random()() % 5];
            dated.answer_dates[fact] = AnswerDate{{today.day - std::chrono::days{days_back}}, {}};
        }
        Profile without = dated;
        const Report on_the_day = evaluate_on(pack, dated, today, nullptr);
        for (const ExpiredAnswer& answer : on_the_day.expired) {
            without.answers[answer.fact] = Value{};
        }
        for (const AgedAnswer& answer : on_the_day.aged) {
            without.answers[answer.fact].number = answer.used;
        }
        const Report reference = evaluate(pack, without);
        expired += on_the_day.expired.size();
        ASSERT_EQ(on_the_day.verdict, reference.verdict) << "profile " << i;
        ASSERT_EQ(on_the_day.avoid, reference.avoid) << "profile " << i;
        ASSERT_EQ(on_the_day.no_pressure, reference.no_pressure) << "profile " << i;
        ASSERT_EQ(on_the_day.unanswered.size(), reference.unanswered.size()) << "profile " << i;
    }
    EXPECT_GE(expired, k_profiles * 10); // put to the test, not passed vacuously
}

} // namespace
} // namespace contra::testing

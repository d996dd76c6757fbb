// The fail-closed property of the bundled pack, over generated profiles: an unanswered question
// never hides a more severe verdict, answering never brings `incomplete` back, and medical
// clearance never lowers a verdict above postpone_and_refer nor hides an open question, and each
// finding lists every assumption it needs. A fixed seed keeps it repeatable;
// bench/fail_closed_bench runs the same checks on many more profiles.
#include "cli/bundled_pack.hpp"
#include "fail_closed.hpp"
#include "pack/pack_codec.hpp"

#include <gtest/gtest.h>

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

} // namespace
} // namespace contra::testing

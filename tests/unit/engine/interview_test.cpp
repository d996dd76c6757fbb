// The interview's logic without a terminal: which question comes next, gates, screening
// questions, going back; and the pack's screening section as the loader checks it.

#include "engine/interview.hpp"
#include "engine/interview_order.hpp"
#include "model/fact_value.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace contra {
namespace {

using testing::bundled_pack;

Interview start(const std::string& modality) {
    const RulePack& pack = bundled_pack();
    Profile profile = empty_profile(pack);
    const std::uint32_t fact = pack.modality_fact;
    const auto& values = pack.facts[fact].values;
    profile.answers[fact] = Value::of_choice(static_cast<std::uint8_t>(
        std::find(values.begin(), values.end(), modality) - values.begin()));
    return Interview(pack, std::move(profile));
}

// Answers like a healthy 40-year-old: no or none to everything; `visit` sees each question.
template <typename Visit> int answer_healthy(Interview& interview, Visit&& visit) {
    const RulePack& pack = bundled_pack();
    int asked = 0;
    while (const auto question = interview.next_question()) {
        ++asked;
        if (visit(*question)) {
            continue; // answered by the visitor
        }
        if (question->is_screening) {
            interview.screen_no(question->index);
        } else if (pack.facts[question->index].id == "age_years") {
            interview.answer(question->index, Value::of_number(40));
        } else if (const auto no = no_answer(pack.facts[question->index])) {
            interview.answer(question->index, *no);
        } else {
            interview.skip(question->index);
        }
        EXPECT_LT(asked, 100);
        if (asked >= 100) {
            break;
        }
    }
    return asked;
}

TEST(Interview, AHealthyClientReachesProceedWithinFifteenQuestionsInEveryModality) {
    for (const std::string& modality : bundled_pack().facts[bundled_pack().modality_fact].values) {
        Interview interview = start(modality);
        const int asked = answer_healthy(interview, [](const InterviewQuestion&) { return false; });
        EXPECT_EQ(interview.report().verdict, Verdict::proceed) << modality;
        EXPECT_TRUE(interview.report().findings.empty()) << modality;
        EXPECT_LE(asked, 15) << modality;
    }
}

TEST(Interview, AnAssumptionThatDecidesAFindingIsAsked) {
    // Blood thinners are assumed (anticoagulant) and that alone adds a precaution: ask it.
    Interview interview = start("vascular_leg_massage");
    bool asked = false;
    answer_healthy(interview, [&](const InterviewQuestion& question) {
        if (question.is_screening && bundled_pack().screening[question.index].id == "medicines") {
            asked = true;
        }
        return false;
    });
    EXPECT_TRUE(asked);
}

TEST(Interview, UnknownToBloodThinnersKeepsTheAssumptionAndItsPrecaution) {
    const RulePack& pack = bundled_pack();
    Interview interview = start("vascular_leg_massage");
    const std::uint32_t anticoagulant = *pack.find_fact("anticoagulant");
    answer_healthy(interview, [&](const InterviewQuestion& question) {
        if (question.is_screening && pack.screening[question.index].id == "medicines") {
            interview.screen_yes(question.index);
            return true;
        }
        if (!question.is_screening && question.index == anticoagulant) {
            interview.skip(anticoagulant);
            return true;
        }
        return false;
    });
    EXPECT_EQ(interview.report().verdict, Verdict::proceed_with_precautions);
    EXPECT_TRUE(interview.skipped(anticoagulant));
}

TEST(Interview, PregnancyComesBeforeItsFollowUps) {
    const RulePack& pack = bundled_pack();
    Interview interview = start("mld_body");
    const std::uint32_t pregnancy = *pack.find_fact("pregnancy_status");
    std::vector<std::string> order;
    answer_healthy(interview, [&](const InterviewQuestion& question) {
        if (!question.is_screening) {
            order.push_back(pack.facts[question.index].id);
        }
        if (!question.is_screening && question.index == pregnancy) {
            interview.answer(pregnancy, Value::of_choice(2)); // trimester_2
            return true;
        }
        return false;
    });
    const auto position = [&](const std::string& id) {
        return std::find(order.begin(), order.end(), id) - order.begin();
    };
    ASSERT_LT(position("pregnancy_status"), static_cast<long>(order.size()));
    ASSERT_LT(position("preeclampsia_signs"), static_cast<long>(order.size()));
    EXPECT_LT(position("pregnancy_status"), position("preeclampsia_signs"));
    EXPECT_LT(position("pregnancy_status"), position("high_risk_pregnancy"));
}

TEST(Interview, VaricoseVeinsOnTheCalfLeadToTwistedOrBulging) {
    const RulePack& pack = bundled_pack();
    Interview interview = start("vascular_leg_massage");
    const std::uint32_t veins = *pack.find_fact("varicose_vein_sites");
    const std::uint32_t twisted = *pack.find_fact("varicose_twisted_bulging");
    bool asked = false;
    answer_healthy(interview, [&](const InterviewQuestion& question) {
        if (question.is_screening && pack.screening[question.index].id == "vein_problems") {
            interview.screen_yes(question.index);
            return true;
        }
        if (!question.is_screening && question.index == veins) {
            interview.answer(veins, Value::of_sites(*pack.sites.expand("calf_left")));
            return true;
        }
        asked = asked || (!question.is_screening && question.index == twisted);
        return false;
    });
    EXPECT_TRUE(asked);
    EXPECT_TRUE(interview.report().avoid.empty()); // not twisted: nothing below is avoided
}

TEST(Interview, BackTakesAScreeningAnswerBackAndTheNumberWithIt) {
    Interview interview = start("mld_legs");
    const auto first = interview.next_question();
    ASSERT_TRUE(first && first->is_screening);
    EXPECT_EQ(interview.question_number(), 1U);
    interview.screen_no(first->index);
    EXPECT_EQ(interview.question_number(), 2U);
    for (const std::uint32_t fact : bundled_pack().screening[first->index].facts) {
        EXPECT_EQ(interview.profile().answers[fact], Value::of_choice(k_no));
    }
    ASSERT_TRUE(interview.back());
    EXPECT_EQ(interview.question_number(), 1U);
    EXPECT_EQ(interview.next_question()->index, first->index);
    for (const std::uint32_t fact : bundled_pack().screening[first->index].facts) {
        EXPECT_TRUE(interview.profile().answers[fact].is_unknown());
    }
    EXPECT_FALSE(interview.back());
}

TEST(ScreeningSection, UnknownFactDuplicateMembershipAndSingleMemberAreLocatedErrors) {
    const PackLoadResult result = testing::load_test_pack_text(testing::k_test_pack + R"(
screening:
  - id: first
    question: Any of these?
    facts: [breathless, breathlesss]
  - id: second
    question: Or these?
    facts: [breathless, modality]
  - id: lonely
    question: Just one?
    facts: [medical_clearance]
)");
    EXPECT_FALSE(result.pack);
    const std::string text = result.diagnostics.format();
    EXPECT_NE(text.find("unknown fact 'breathlesss'"), std::string::npos) << text;
    EXPECT_NE(text.find("already in screening question 'first'"), std::string::npos) << text;
    EXPECT_NE(text.find("'modality' cannot be in a screening question"), std::string::npos);
    EXPECT_NE(text.find("has 1 fact; expected at least 2"), std::string::npos) << text;
    EXPECT_NE(text.find("pack-body.yaml:"), std::string::npos) << text;
}

} // namespace
} // namespace contra

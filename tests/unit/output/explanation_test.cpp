#include "output/explanation.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace contra {
namespace {

using testing::healthy_with;
using testing::test_pack;

const RuleExplanation* find(const std::vector<RuleExplanation>& explanations, const char* id) {
    for (const RuleExplanation& explanation : explanations) {
        if (test_pack().rules[explanation.rule].id == id) {
            return &explanation;
        }
    }
    return nullptr;
}

TEST(Explanation, MarksEachPartOfTheConditionWithTheAnswerThatDecidedIt) {
    const auto explanations = explain(test_pack(), healthy_with("leg_warmth: yes\n"), false);
    ASSERT_EQ(explanations.size(), 1U);
    const RuleExplanation& clot = explanations.front();
    EXPECT_EQ(test_pack().rules[clot.rule].id, "D1");
    EXPECT_EQ(clot.fires, Tri::yes);
    const ExplainedNode& predicate = clot.condition;
    EXPECT_EQ(predicate.text, "A clot sign");
    const ExplainedNode& any = predicate.children.at(0);
    EXPECT_EQ(any.text, "any of these");
    const ExplainedNode& warmth = any.children.at(0);
    EXPECT_EQ(warmth.text, "leg warmth is yes");
    EXPECT_EQ(warmth.value, Tri::yes);
    EXPECT_EQ(warmth.answer, "yes");
    EXPECT_EQ(any.children.at(1).value, Tri::no); // swelling: none
}

TEST(Explanation, AnUnansweredQuestionIsMarkedUnknownAndTheRuleCouldFire) {
    const auto explanations = explain(test_pack(), healthy_with("leg_warmth: unknown\n"), false);
    const RuleExplanation* clot = find(explanations, "D1");
    ASSERT_NE(clot, nullptr);
    EXPECT_EQ(clot->fires, Tri::unknown);
    const ExplainedNode& warmth = clot->condition.children.at(0).children.at(0);
    EXPECT_EQ(warmth.value, Tri::unknown);
    EXPECT_EQ(warmth.answer, "unanswered");
}

TEST(Explanation, AllRulesOnRequestWithAssumptionsNamed) {
    const auto explanations = explain(test_pack(), healthy_with("age_years: unknown\n"), true);
    EXPECT_EQ(explanations.size(), test_pack().rules.size());
    const RuleExplanation* older = find(explanations, "C3");
    ASSERT_NE(older, nullptr);
    const ExplainedNode& age = older->condition.children.at(1);
    EXPECT_EQ(age.text, "age years is more than 60 years");
    EXPECT_EQ(age.answer, "61 years (assumed)");
}

TEST(Explanation, TextShowsTheTreeForAPerson) {
    std::ostringstream out;
    render_explanation_text(
        test_pack(), explain(test_pack(), healthy_with("leg_warmth: yes\n"), false), 80, out);
    EXPECT_EQ(out.str(),
              "D1 Possible clot: fires (do_not_massage)\n"
              "  [yes] A clot sign\n"
              "    [yes] any of these\n"
              "      [yes] leg warmth is yes -- answer: yes\n"
              "      [no ] all of these\n"
              "        [no ] swelling is one_leg -- answer: none\n"
              "        [yes] swelling onset is not longstanding -- answer: not answered\n");
}

TEST(Explanation, TextWrapsToTheWidthUnderEachNodesTextWithoutBreakingWords) {
    std::ostringstream out;
    render_explanation_text(
        test_pack(), explain(test_pack(), healthy_with("leg_warmth: yes\n"), false), 30, out);
    EXPECT_EQ(out.str(),
              "D1 Possible clot: fires\n"
              "    (do_not_massage)\n"
              "  [yes] A clot sign\n"
              "    [yes] any of these\n"
              "      [yes] leg warmth is yes\n"
              "            -- answer: yes\n"
              "      [no ] all of these\n"
              "        [no ] swelling is\n"
              "              one_leg --\n"
              "              answer: none\n"
              "        [yes] swelling onset\n"
              "              is not\n"
              "              longstanding --\n"
              "              answer: not\n"
              "              answered\n");
}

} // namespace
} // namespace contra

// Answers typed at an interview prompt: the single keys and short forms a practitioner types,
// and what is said when a key is no answer to the question.

#include "model/typed_answer.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

const Fact& fact(const std::string& id) {
    return testing::test_pack().facts[*testing::test_pack().find_fact(id)];
}

// How the typed answer reads back, or its error.
std::string typed(const std::string& id, const std::string& text) {
    const ParsedAnswer answer = parse_typed_answer(testing::test_pack().sites, fact(id), text);
    if (!answer.value) {
        return "error: " + answer.error;
    }
    return describe_value(testing::test_pack().sites, fact(id), *answer.value);
}

TEST(TypedAnswer, YAndNAnswerAYesNoQuestion) {
    EXPECT_EQ(typed("leg_warmth", "y"), "yes");
    EXPECT_EQ(typed("leg_warmth", "n"), "no");
    EXPECT_EQ(typed("leg_warmth", "yes"), "yes");
}

TEST(TypedAnswer, AChoiceIsTakenByNumberOrByTheOneNameItBegins) {
    EXPECT_EQ(typed("swelling", "2"), "one_leg");
    EXPECT_EQ(typed("swelling", "b"), "both_legs");
    EXPECT_EQ(typed("swelling", "n"), "none"); // the choice has a `none`
    EXPECT_EQ(typed("swelling_onset", "long"), "longstanding");
}

TEST(TypedAnswer, AChoiceOutOfRangeOrAmbiguousIsAnErrorNotAGuess) {
    EXPECT_TRUE(typed("swelling", "4").starts_with("error: ")) << typed("swelling", "4");
    EXPECT_TRUE(typed("swelling", "0").starts_with("error: ")) << typed("swelling", "0");
    EXPECT_EQ(typed("modality", "leg"), "leg_massage");
    EXPECT_TRUE(typed("modality", "x").starts_with("error: "));
}

TEST(TypedAnswer, NIsNoAnswerToAChoiceWithoutNoneOrToANumberWithoutNone) {
    EXPECT_EQ(typed("swelling_onset", "n"),
              "error: 'n' is no answer to this question: choose one of new, longstanding (by "
              "number or name), or u if it is not known");
    EXPECT_EQ(typed("age_years", "n"),
              "error: 'n' is no answer to this question: type a number from 16 to 110, or u if "
              "it is not known");
}

TEST(TypedAnswer, NIsNoneForASiteListOrANumberThatAllowsIt) {
    EXPECT_EQ(typed("varicose_sites", "n"), "none");
    EXPECT_EQ(typed("weeks_since_surgery", "n"), "none");
    EXPECT_EQ(typed("age_years", "40"), "40 years");
    EXPECT_EQ(typed("varicose_sites", "calf_left"), "calf_left");
}

} // namespace
} // namespace contra

#include "util/suggest.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

const std::vector<std::string> k_names{"leg_warmth", "leg_swelling", "leg_swelling_onset", "fever"};

TEST(Suggest, TyposFindTheIntendedName) {
    EXPECT_EQ(nearest_name("leg_wamrth", k_names), "leg_warmth"); // transposition
    EXPECT_EQ(nearest_name("leg_swelling_onst", k_names), "leg_swelling_onset");
    EXPECT_EQ(nearest_name("fver", k_names), "fever");
}

TEST(Suggest, NothingCloseMeansNoSuggestion) {
    EXPECT_EQ(nearest_name("pregnancy", k_names), std::nullopt);
    EXPECT_EQ(did_you_mean("pregnancy", k_names), "");
    EXPECT_EQ(did_you_mean("fevr", k_names), "; did you mean 'fever'?");
}

TEST(Suggest, NamesLongerThanAnyNameGetNoSuggestion) {
    EXPECT_EQ(nearest_name(std::string(81, 'f'), k_names), std::nullopt);
    EXPECT_EQ(nearest_name("leg_warmth" + std::string(71, ' '), k_names), std::nullopt);
}

} // namespace
} // namespace contra

namespace contra {
namespace {

const std::vector<std::string> k_swelling{"none", "one_leg", "both_legs"};
// The bundled pack's sites around the face and lower legs.
const std::vector<std::string> k_sites{"forehead",
                                       "nose",
                                       "chin",
                                       "scalp",
                                       "neck_front",
                                       "shin_left",
                                       "shin_right",
                                       "calf_left",
                                       "calf_right",
                                       "ankle_left",
                                       "ankle_right",
                                       "lower_leg_left",
                                       "lower_leg_right"};

TEST(SuggestScoring, AWordThatBeginsAValueBeatsAOneLetterTypoOfItsOpposite) {
    EXPECT_EQ(nearest_name("one", k_swelling), "one_leg");
    EXPECT_EQ(did_you_mean("one", k_swelling), "; did you mean 'one_leg'?");
    EXPECT_EQ(suggestions("one", {"none"}), std::vector<std::string>{});
    EXPECT_EQ(suggestions("none", {"one"}), std::vector<std::string>{});
    EXPECT_EQ(suggestions("one_legs", k_swelling), std::vector<std::string>{"one_leg"});
    EXPECT_EQ(suggestions("both", k_swelling), std::vector<std::string>{"both_legs"});
}

TEST(SuggestScoring, NeverAcrossYesAndNo) {
    EXPECT_EQ(suggestions("yes", {"no"}), std::vector<std::string>{});
    EXPECT_EQ(suggestions("no", {"yes"}), std::vector<std::string>{});
    EXPECT_EQ(suggestions("true", {"false"}), std::vector<std::string>{});
    EXPECT_EQ(suggestions("yse", {"yes", "no"}), std::vector<std::string>{"yes"});
    EXPECT_EQ(suggestions("noo", {"yes", "no"}), std::vector<std::string>{"no"});
}

TEST(SuggestScoring, NeverAcrossSides) {
    EXPECT_EQ(suggestions("calf_left", {"calf_right"}), std::vector<std::string>{});
    EXPECT_EQ(suggestions("calf_rigth", k_sites), std::vector<std::string>{"calf_right"});
    EXPECT_EQ(suggestions("thigh_front", {"thigh_back"}), std::vector<std::string>{});
}

TEST(SuggestScoring, CalfIsNotScalpAndShinIsNotChin) {
    EXPECT_EQ(suggestions("calf", k_sites), (std::vector<std::string>{"calf_left", "calf_right"}));
    EXPECT_EQ(suggestions("shin", k_sites), (std::vector<std::string>{"shin_left", "shin_right"}));
    // Even with no calf or shin to offer, a different first letter is not a typo of 4 letters.
    EXPECT_EQ(suggestions("calf", {"scalp", "chin"}), std::vector<std::string>{});
    EXPECT_EQ(suggestions("shin", {"scalp", "chin"}), std::vector<std::string>{});
    EXPECT_EQ(suggestions("chn", {"chin", "shin_left"}), std::vector<std::string>{"chin"});
}

TEST(SuggestScoring, PartsOfANameBeforeEditDistance) {
    EXPECT_EQ(nearest_name("warmth", k_names), "leg_warmth");
    EXPECT_EQ(nearest_name("swelling_onset", k_names), "leg_swelling_onset");
    EXPECT_EQ(nearest_name("lower_leg_lft", k_sites), "lower_leg_left");
}

TEST(SuggestScoring, CaseAndSeparatorsDoNotCount) {
    EXPECT_EQ(nearest_name("Leg-Warmth", k_names), "leg_warmth");
    EXPECT_EQ(nearest_name("LEG WARMTH", k_names), "leg_warmth");
}

TEST(SuggestScoring, EqualCandidatesAreAllNamedUpToThree) {
    EXPECT_EQ(did_you_mean("calf", k_sites), "; did you mean 'calf_left' or 'calf_right'?");
    EXPECT_EQ(did_you_mean("l", {"leg_a", "leg_b", "leg_c", "leg_d"}), "");
    EXPECT_EQ(did_you_mean("leg", {"leg_a", "leg_b", "leg_c", "leg_d"}), "");
    EXPECT_EQ(did_you_mean("leg", {"leg_a", "leg_b", "leg_c"}),
              "; did you mean 'leg_a', 'leg_b' or 'leg_c'?");
}

TEST(SuggestScoring, TypoThresholdGrowsWithLength) {
    EXPECT_EQ(nearest_name("fevr", k_names), "fever");           // 1 edit in a short name
    EXPECT_EQ(nearest_name("fvr", k_names), std::nullopt);       // 2 edits in a short name
    EXPECT_EQ(nearest_name("leg_wrmht", k_names), "leg_warmth"); // 2 edits in a long one
}

} // namespace
} // namespace contra

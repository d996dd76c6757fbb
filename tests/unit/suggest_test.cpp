#include "contra/suggest.hpp"

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
    EXPECT_EQ(nearest_name("leg_warmth" + std::string(70, ' '), k_names), std::nullopt);
}

} // namespace
} // namespace contra

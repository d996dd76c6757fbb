// Sites as people write them, against the bundled pack's sites and aliases.

#include "model/fact_value.hpp"
#include "model/site_spelling.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

const BodySites& bundled_sites() {
    return testing::bundled_pack().sites;
}

std::string id_of(std::string_view text) {
    const SiteReading reading = read_site(bundled_sites(), text);
    return reading.sites ? reading.id : "(not read) " + reading.hint;
}

std::string error_of(std::string_view text) {
    SiteSet set;
    return add_site(bundled_sites(), text, set, "varicose_vein_sites").value_or("(no error)");
}

TEST(SiteSpelling, AnyCaseSeparatorAndSideOrder) {
    for (const char* spelling : {"calf_left",
                                 "left calf",
                                 "Calf Left",
                                 "calf-left",
                                 "left_calf",
                                 "LEFT-CALF",
                                 "  left   calf ",
                                 "Left_Calf"}) {
        EXPECT_EQ(id_of(spelling), "calf_left") << spelling;
    }
    EXPECT_EQ(id_of("right thigh"), "thigh_right");
    EXPECT_EQ(id_of("Lower Leg Right"), "lower_leg_right");
    EXPECT_EQ(id_of("right thigh front"), "thigh_front_right");
    EXPECT_EQ(id_of("Whole Body"), "whole_body");
    EXPECT_EQ(id_of("Legs"), "legs");
}

TEST(SiteSpelling, AliasesFromThePack) {
    EXPECT_EQ(id_of("left armpit"), "axilla_left");
    EXPECT_EQ(id_of("Back of Knee Right"), "popliteal_right");
    EXPECT_EQ(id_of("belly"), "abdomen");
    EXPECT_EQ(id_of("both legs"), "legs");
    EXPECT_EQ(id_of("right collarbone"), "supraclavicular_right");
}

TEST(SiteSpelling, APairedPartWithoutASideIsNeverGuessed) {
    EXPECT_EQ(error_of("calf"),
              "body site 'calf' in 'varicose_vein_sites' has no side: did you mean calf_left, "
              "calf_right or both (calf_left,calf_right)? (the whole lower leg: lower_leg_left, "
              "lower_leg_right)");
    EXPECT_EQ(error_of("Ankle"),
              "body site 'Ankle' in 'varicose_vein_sites' has no side: did you mean ankle_left, "
              "ankle_right or both (ankle_left,ankle_right)? (the whole lower leg: "
              "lower_leg_left, lower_leg_right)");
    EXPECT_EQ(error_of("leg"),
              "body site 'leg' in 'varicose_vein_sites' has no side: did you mean leg_left, "
              "leg_right or legs (both)?");
    EXPECT_EQ(error_of("armpit"),
              "body site 'armpit' in 'varicose_vein_sites' has no side: did you mean "
              "axilla_left, axilla_right or both (axilla_left,axilla_right)?");
    EXPECT_TRUE(read_site(bundled_sites(), "shin").needs_side);
}

TEST(SiteSpelling, TyposSuggestTheSiteMeant) {
    EXPECT_EQ(error_of("calf_lft"),
              "unknown body site 'calf_lft' in 'varicose_vein_sites'; did you mean 'calf_left'?");
    EXPECT_EQ(error_of("left calff"),
              "unknown body site 'left calff' in 'varicose_vein_sites'; did you mean "
              "'calf_left'?");
    EXPECT_EQ(error_of("armpt"),
              "unknown body site 'armpt' in 'varicose_vein_sites'; did you mean 'armpit'?");
    EXPECT_EQ(error_of("middle toe"), "unknown body site 'middle toe' in 'varicose_vein_sites'");
}

TEST(SiteSpelling, ThePacksOwnFilesTakeExactIdsOnly) {
    SiteSet set;
    EXPECT_FALSE(add_site_id(bundled_sites(), "calf_left", set).has_value());
    EXPECT_TRUE(add_site_id(bundled_sites(), "left calf", set).has_value());
    EXPECT_TRUE(add_site_id(bundled_sites(), "armpit", set).has_value());
}

} // namespace
} // namespace contra

namespace contra {
namespace {

TEST(SiteSpelling, NoneInAnyCaseIsNoSites) {
    Fact fact;
    fact.id = "varicose_vein_sites";
    fact.type = FactType::site_list;
    for (const char* none : {"none", "None", "NONE"}) {
        const ParsedAnswer answer = parse_answer(bundled_sites(), fact, none);
        ASSERT_TRUE(answer.value.has_value()) << none << ": " << answer.error;
        EXPECT_TRUE(answer.value->sites.empty());
    }
    EXPECT_EQ(error_of("Nnoe"),
              "unknown body site 'Nnoe' in 'varicose_vein_sites'; did you mean 'none'?");
}

} // namespace
} // namespace contra

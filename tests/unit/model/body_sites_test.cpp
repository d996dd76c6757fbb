#include "model/body_sites.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

const BodySites& sites() {
    return testing::test_pack().sites;
}

SiteSet set_of(std::initializer_list<const char*> ids) {
    SiteSet set;
    for (const char* id : ids) {
        set |= sites().expand(id).value();
    }
    return set;
}

TEST(BodySites, GroupsExpandToTheirLeaves) {
    EXPECT_EQ(sites().leaf_ids(*sites().expand("legs")).size(), 8U);
    EXPECT_EQ(sites().leaf_ids(*sites().expand("leg_left")),
              (std::vector<std::string>{"thigh_left", "calf_left", "ankle_left", "foot_left"}));
    EXPECT_FALSE(sites().expand("leg_middle").has_value());
}

TEST(BodySites, DistalIsTheSameLimbAtAStrictlyHigherLevel) {
    EXPECT_EQ(sites().leaf_ids(sites().with_distal(set_of({"calf_left"}))),
              (std::vector<std::string>{"calf_left", "ankle_left", "foot_left"}));
    EXPECT_EQ(sites().leaf_ids(sites().with_distal(set_of({"foot_right"}))),
              (std::vector<std::string>{"foot_right"}));
    EXPECT_EQ(sites().leaf_ids(sites().with_distal(set_of({"face"}))),
              (std::vector<std::string>{"face"}));
}

TEST(BodySites, WholeLimbsOfSitesOnBothSides) {
    EXPECT_EQ(sites().whole_limbs_of(set_of({"ankle_left"})), set_of({"leg_left"}));
    EXPECT_EQ(sites().whole_limbs_of(set_of({"ankle_left", "thigh_right"})), set_of({"legs"}));
    EXPECT_TRUE(sites().whole_limbs_of(set_of({"face"})).empty());
}

TEST(BodySites, DescriptionsNameWholeGroupsForPeople) {
    EXPECT_EQ(sites().describe(set_of({"legs", "face"})),
              (std::vector<std::string>{"legs", "face"}));
    EXPECT_EQ(sites().describe(set_of({"leg_left", "calf_right"})),
              (std::vector<std::string>{"leg_left", "calf_right"}));
}

} // namespace
} // namespace contra

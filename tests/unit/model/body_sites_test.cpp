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

// What the definitions say, leaf by leaf: the limb group holding the leaf; the leaf and every
// leaf of its limb at a strictly higher level.
SiteSet limb_by_definition(std::size_t leaf) {
    for (const SiteGroup& group : sites().groups()) {
        if (group.is_limb && group.leaves.contains(leaf)) {
            return group.leaves;
        }
    }
    return {};
}

SiteSet distal_by_definition(std::size_t leaf) {
    SiteSet result = SiteSet::of(leaf);
    const int level = sites().leaves()[leaf].level;
    limb_by_definition(leaf).for_each([&](std::size_t other) {
        if (level >= 0 && sites().leaves()[other].level > level) {
            result.insert(other);
        }
    });
    return result;
}

TEST(BodySites, LimbAndDistalTablesMatchTheDefinitionsForEverySite) {
    SiteSet every_limb;
    SiteSet everything_distal;
    for (std::size_t leaf = 0; leaf < sites().leaves().size(); ++leaf) {
        SCOPED_TRACE(sites().leaves()[leaf].id);
        EXPECT_EQ(sites().whole_limbs_of(SiteSet::of(leaf)), limb_by_definition(leaf));
        EXPECT_EQ(sites().with_distal(SiteSet::of(leaf)), distal_by_definition(leaf));
        every_limb |= limb_by_definition(leaf);
        everything_distal |= distal_by_definition(leaf);
    }
    EXPECT_EQ(sites().whole_limbs_of(sites().all()), every_limb);
    EXPECT_EQ(sites().with_distal(sites().all()), everything_distal);
    EXPECT_TRUE(sites().whole_limbs_of({}).empty());
    EXPECT_TRUE(sites().with_distal({}).empty());
}

TEST(BodySites, LimbAndDistalOfASetAreTheUnionOverItsSites) {
    const std::size_t leaves = sites().leaves().size();
    for (std::size_t step = 1; step < leaves; step += 3) {
        SiteSet set;
        SiteSet limbs;
        SiteSet distal;
        for (std::size_t leaf = step % 5; leaf < leaves; leaf += step) {
            set.insert(leaf);
            limbs |= limb_by_definition(leaf);
            distal |= distal_by_definition(leaf);
        }
        EXPECT_EQ(sites().whole_limbs_of(set), limbs) << "every " << step << " leaves";
        EXPECT_EQ(sites().with_distal(set), distal) << "every " << step << " leaves";
    }
}

TEST(BodySites, DescriptionsNameWholeGroupsForPeople) {
    EXPECT_EQ(sites().describe(set_of({"legs", "face"})),
              (std::vector<std::string>{"legs", "face"}));
    EXPECT_EQ(sites().describe(set_of({"leg_left", "calf_right"})),
              (std::vector<std::string>{"leg_left", "calf_right"}));
}

} // namespace
} // namespace contra

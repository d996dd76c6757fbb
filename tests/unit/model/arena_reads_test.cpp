#include "model/arena_reads.hpp"
#include "model/condition_facts.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <set>

namespace contra {
namespace {

using testing::test_pack;

std::set<std::uint32_t> facts_in(const RulePack& pack, const std::uint64_t* bits) {
    std::set<std::uint32_t> facts;
    for (std::uint32_t fact = 0; fact < pack.facts.size(); ++fact) {
        if (((bits[fact / 64] >> (fact % 64)) & 1U) != 0) {
            facts.insert(fact);
        }
    }
    return facts;
}

// What a node may read is what the authoring tools say it reads (through predicates and site
// expressions), plus the treatment area for a site expression that depends on it.
TEST(ArenaReads, EachNodeReadsTheFactsOfItsWholeExpression) {
    const RulePack& pack = test_pack();
    const ArenaReads& reads = pack.reads;
    ASSERT_EQ(reads.words, 1U);
    ASSERT_EQ(reads.conditions.size(), pack.conditions.size());
    std::size_t reading_the_area = 0;
    for (std::uint32_t i = 0; i < pack.conditions.size(); ++i) {
        std::set<std::uint32_t> expected;
        facts_of_condition(pack, i, expected);
        std::set<std::uint32_t> got = facts_in(pack, &reads.conditions[i]);
        if (got.erase(pack.area_fact) != 0) {
            ++reading_the_area;
            EXPECT_TRUE(expected.count(pack.modality_fact) != 0) << i;
        }
        expected.erase(pack.area_fact);
        EXPECT_EQ(got, expected) << "condition " << i;
    }
    for (std::uint32_t i = 0; i < pack.site_exprs.size(); ++i) {
        std::set<std::uint32_t> expected;
        facts_of_sites(pack, i, expected);
        std::set<std::uint32_t> got = facts_in(pack, &reads.sites[i]);
        got.erase(pack.area_fact);
        expected.erase(pack.area_fact);
        EXPECT_EQ(got, expected) << "site expression " << i;
    }
    EXPECT_GT(reading_the_area, 0U);
}

TEST(ArenaReads, OverlapIsTestedWordByWord) {
    ArenaReads reads;
    reads.words = 3;
    reads.conditions = {0, 0, std::uint64_t{1} << 1}; // fact 129
    const std::uint64_t fact_129[3] = {0, 0, std::uint64_t{1} << 1};
    const std::uint64_t fact_1[3] = {2, 0, 0};
    EXPECT_TRUE(reads.condition_reads_any(0, fact_129));
    EXPECT_FALSE(reads.condition_reads_any(0, fact_1));
}

} // namespace
} // namespace contra

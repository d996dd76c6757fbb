#include "output/evidence_table.hpp"
#include "pack/pack_codec.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace contra {
namespace {

using testing::k_test_pack;
using testing::load_test_pack_text;

const std::string k_sources = R"(sources:
  - id: nice_ng158
    type: guideline
    authors: NICE
    title: Venous thromboembolic diseases (NG158)
    year: "2020"
    url: https://www.nice.org.uk/guidance/ng158
  - {id: blog, type: practitioner_article, authors: A clinic, title: Our list}
  - {id: seed_003, type: seed, authors: seed document 003, title: clots and massage}
)";

// The test pack with a sources section: every rule cites `citation` instead of its free text.
std::string typed_pack(const std::string& citation = "[seed_003]") {
    const std::string text = std::regex_replace(
        k_test_pack, std::regex(R"(sources: \[[^\]]*\])"), "sources: " + citation);
    return text + k_sources;
}

TEST(EvidenceSources, RulesCiteTypedSourcesById) {
    const auto result =
        load_test_pack_text(typed_pack(R"([{source: nice_ng158, detail: "1.1.1"}, seed_003])"));
    ASSERT_TRUE(result.pack) << result.diagnostics.format();
    const RulePack& pack = *result.pack;
    ASSERT_EQ(pack.evidence.size(), 3U);
    EXPECT_EQ(pack.evidence[0].type, SourceType::guideline);
    const Rule& rule = pack.rules.front();
    ASSERT_EQ(rule.citations.size(), 2U);
    EXPECT_EQ(rule.citations[0].detail, "1.1.1");
    EXPECT_EQ(rule.sources[0],
              "NICE. Venous thromboembolic diseases (NG158). 2020. "
              "https://www.nice.org.uk/guidance/ng158 [1.1.1]");
    EXPECT_EQ(evidence_basis(pack, rule), "guideline, seed");
    EXPECT_EQ(decode_pack(encode_pack(pack)), pack);
}

TEST(EvidenceSources, AnUnknownSourceIsALocatedErrorWithASuggestion) {
    const auto result = load_test_pack_text(typed_pack("[nice_ng185]"));
    ASSERT_FALSE(result.pack);
    const std::string first = format_diagnostic(result.diagnostics.items().front());
    EXPECT_NE(first.find("test/pack-body.yaml:"), std::string::npos) << first;
    EXPECT_NE(first.find("cites source 'nice_ng185', which the pack's 'sources' section does not "
                         "define; did you mean 'nice_ng158'? [unknown-name]"),
              std::string::npos)
        << first;
}

TEST(EvidenceSources, AnUnknownTypeIsRefused) {
    std::string text = typed_pack();
    text.replace(text.find("type: guideline"), 15, "type: guidline");
    const auto result = load_test_pack_text(text);
    ASSERT_FALSE(result.pack);
    EXPECT_NE(result.diagnostics.format().find("did you mean 'guideline'?"), std::string::npos)
        << result.diagnostics.format();
}

TEST(EvidenceSources, PractitionerArticlesAloneAreSaidSoInTheTable) {
    const auto result = load_test_pack_text(typed_pack("[blog]"));
    ASSERT_TRUE(result.pack) << result.diagnostics.format();
    EXPECT_EQ(evidence_basis(*result.pack, result.pack->rules.front()),
              "practitioner articles only");
    std::ostringstream table;
    render_evidence_markdown(*result.pack, table);
    EXPECT_NE(table.str().find("| Evidence | practitioner articles only |"), std::string::npos);
    EXPECT_NE(table.str().find("| Fires when | breathless is yes |"), std::string::npos)
        << table.str();
}

TEST(EvidenceSources, AFreeTextPackKeepsItsCitations) {
    const auto result = load_test_pack_text(k_test_pack);
    ASSERT_TRUE(result.pack);
    EXPECT_TRUE(result.pack->evidence.empty());
    EXPECT_EQ(result.pack->rules.front().sources, std::vector<std::string>{"seed 003"});
    EXPECT_EQ(evidence_basis(*result.pack, result.pack->rules.front()), "free-text citations");
}

} // namespace
} // namespace contra

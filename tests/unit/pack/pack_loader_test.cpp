#include "pack/pack_loader.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

using testing::k_test_pack;
using testing::load_test_pack_text;
using testing::test_pack_with;

std::string first_diagnostic(const std::string& body) {
    const PackLoadResult result = load_test_pack_text(body);
    EXPECT_FALSE(result.pack.has_value());
    if (result.diagnostics.items().empty()) {
        return "(no diagnostic)";
    }
    return format_diagnostic(result.diagnostics.items().front());
}

TEST(PackLoader, TheTestPackLoadsCleanWithItsHash) {
    const PackLoadResult result = load_test_pack_text(k_test_pack);
    ASSERT_TRUE(result.pack) << result.diagnostics.format();
    EXPECT_EQ(result.pack->info.name, "test-pack");
    EXPECT_EQ(result.pack->info.version, "1.2.3");
    EXPECT_EQ(result.pack->info.sha256.size(), 64U);
    EXPECT_EQ(result.pack->rules.size(), 8U);
}

TEST(PackLoader, TheHashChangesWithTheContent) {
    const auto a = load_test_pack_text(k_test_pack);
    const auto b = load_test_pack_text(test_pack_with("Call emergency services.", "Call 999."));
    ASSERT_TRUE(a.pack && b.pack);
    EXPECT_NE(a.pack->info.sha256, b.pack->info.sha256);
}

struct BadPack {
    const char* name;
    const char* from;
    const char* to;
    const char* diagnostic;
};

class PackLoaderErrors : public ::testing::TestWithParam<BadPack> {};

TEST_P(PackLoaderErrors, ReportTheWholeLocatedLine) {
    const BadPack& bad = GetParam();
    EXPECT_EQ(first_diagnostic(test_pack_with(bad.from, bad.to)), bad.diagnostic);
}

INSTANTIATE_TEST_SUITE_P(
    Diagnostics,
    PackLoaderErrors,
    ::testing::Values(
        BadPack{"misspelt_key",
                "    level: emergency",
                "    levle: emergency",
                "test/pack-body.yaml:56:5: error: unknown key 'levle' in rule 'E1'; did you mean "
                "'level'? [unknown-key]\n      levle: emergency\n      ^\n"},
        BadPack{"unknown_fact_in_condition",
                "{fact: breathless, eq: \"yes\"}",
                "{fact: breathles, eq: \"yes\"}",
                "test/pack-body.yaml:57:18: error: unknown fact 'breathles'; did you mean "
                "'breathless'? [unknown-name]\n      when: {fact: breathles, eq: \"yes\"}\n"
                "                   ^\n"},
        BadPack{
            "value_outside_enum",
            "{fact: swelling, eq: one_leg}",
            "{fact: swelling, eq: one_lge}",
            "test/pack-body.yaml:51:38: error: 'one_lge' is not a value of 'swelling' (expected "
            "one of: none, one_leg, both_legs); did you mean 'one_leg'? [bad-value]\n"
            "          - all: [{fact: swelling, eq: one_lge}, {fact: swelling_onset, ne: "
            "longstanding}]\n"
            "                                       ^\n"},
        BadPack{"unknown_site",
                "default_area: [face]",
                "default_area: [fase]",
                "test/pack-body.yaml:41:48: error: unknown body site 'fase'; did you mean 'face'? "
                "[unknown-name]\n    - {id: facial, title: Facial, default_area: [fase]}\n"
                "                                                 ^\n"},
        BadPack{"duplicate_rule_id",
                "  - id: P2\n",
                "  - id: P1\n",
                "test/pack-body.yaml:83:9: error: rule id 'P1' is used twice (first at "
                "test/pack-body.yaml:73) [duplicate-id]\n    - id: P1\n          ^\n"},
        BadPack{"clearable_above_refer",
                "    level: emergency\n",
                "    level: emergency\n    clearable: true\n",
                "test/pack-body.yaml:57:16: error: only postpone_and_refer rules can be clearable; "
                "'E1' is emergency [bad-value]\n      clearable: true\n                 ^\n"},
        BadPack{"unknown_in_condition",
                "{fact: twisted, eq: \"yes\"}",
                "{fact: twisted, eq: unknown}",
                "test/pack-body.yaml:98:31: error: a condition cannot test for unknown; declare an "
                "assumption for the fact instead (unknown: {assume: VALUE}) [bad-value]\n"
                "          - {fact: twisted, eq: unknown}\n                                ^\n"},
        BadPack{"number_outside_range",
                "{fact: weeks_since_surgery, lte: 12}",
                "{fact: weeks_since_surgery, lte: 600}",
                "test/pack-body.yaml:69:48: error: 600 weeks is outside the range of "
                "'weeks_since_surgery' (0 to 520 weeks) [bad-value]\n"
                "        - when: {fact: weeks_since_surgery, lte: 600}\n"
                "                                                 ^\n"},
        BadPack{
            "predicate_used_before_definition",
            "{predicate: dvt_sign}",
            "{predicate: dvt_sing}",
            "test/pack-body.yaml:65:23: error: unknown predicate 'dvt_sing' (a predicate can use "
            "only those defined above it); did you mean 'dvt_sign'? [unknown-name]\n"
            "      when: {predicate: dvt_sing}\n                        ^\n"},
        BadPack{
            "duplicate_key",
            "    title: Sudden breathlessness\n",
            "    title: Sudden breathlessness\n    title: Again\n",
            "test/pack-body.yaml:56:5: error: duplicate key 'title' in rule 'E1' (first defined at "
            "line 55) [duplicate-key]\n      title: Again\n      ^\n"},
        BadPack{
            "anchor",
            "    action: Call emergency services.",
            "    action: &text Call emergency services.",
            "test/pack-body.yaml:58:13: error: YAML anchors ('&name') are not allowed "
            "[unsupported-yaml]\n      action: &text Call emergency services.\n              ^\n"},
        BadPack{"tab_indent",
                "    name: breathless",
                "\tname: breathless",
                "test/pack-body.yaml:54:1: error: illegal tab when looking for indentation (tab "
                "characters cannot indent YAML; use spaces) [yaml-syntax]\n  \tname: breathless\n  "
                "^\n"},
        BadPack{"unknown_shelf_life",
                "question: \"One warm leg?\"}",
                "question: \"One warm leg?\", valid_for: vist}",
                "test/pack-body.yaml:21:74: error: 'valid_for' must be visit, always or {days: N}, "
                "got 'vist'; did you mean 'visit'? [bad-value]\n    - {id: leg_warmth, type: "
                "yes_no, question: \"One warm leg?\", valid_for: vist}\n                           "
                "                                                ^\n"},
        BadPack{"shelf_life_of_no_days",
                "question: \"One warm leg?\"}",
                "question: \"One warm leg?\", valid_for: {days: 0}}",
                "test/pack-body.yaml:21:81: error: 'days' must be a whole number from 1 to 3650, "
                "got '0' [bad-value]\n    - {id: leg_warmth, type: yes_no, question: \"One warm "
                "leg?\", valid_for: {days: 0}}\n                                                   "
                "                               ^\n"},
        BadPack{"shelf_life_of_part_days",
                "question: \"One warm leg?\"}",
                "question: \"One warm leg?\", valid_for: {days: 1.5}}",
                "test/pack-body.yaml:21:81: error: 'days' must be a whole number from 1 to 3650, "
                "got '1.5' [bad-value]\n    - {id: leg_warmth, type: yes_no, question: \"One warm "
                "leg?\", valid_for: {days: 1.5}}\n                                                 "
                "                                 ^\n"},
        BadPack{
            "shelf_life_in_weeks",
            "question: \"One warm leg?\"}",
            "question: \"One warm leg?\", valid_for: {weeks: 4}}",
            "test/pack-body.yaml:21:75: error: unknown key 'weeks' in 'valid_for' [unknown-key]\n  "
            "  - {id: leg_warmth, type: yes_no, question: \"One warm leg?\", valid_for: {weeks: "
            "4}}\n                                                                            ^\n"},
        BadPack{"ages_of_a_yes_no_fact",
                "question: \"One warm leg?\"}",
                "question: \"One warm leg?\", ages: weeks}",
                "test/pack-body.yaml:21:63: error: 'ages' applies only to number facts, and "
                "'leg_warmth' is yes_no [unknown-key]\n    - {id: leg_warmth, type: yes_no, "
                "question: \"One warm leg?\", ages: weeks}\n                                       "
                "                         ^\n"},
        BadPack{"ages_in_months",
                "question: \"Surgery?\"}",
                "question: \"Surgery?\", ages: months}",
                "test/pack-body.yaml:32:122: error: 'ages' must be weeks or years, got 'months' "
                "[bad-value]\n    - {id: weeks_since_surgery, type: number, unit: weeks, min: 0, "
                "max: 520, allow_none: true, question: \"Surgery?\", ages: months}\n               "
                "                                                                                  "
                "                          ^\n"}),
    [](const ::testing::TestParamInfo<BadPack>& param_info) { return param_info.param.name; });

// The test pack has 10 leaf sites; `extra` more are added after its last one.
std::string test_pack_with_extra_sites(std::size_t extra) {
    std::string sites;
    for (std::size_t i = 0; i < extra; ++i) {
        sites += "  - {id: extra_site_" + std::to_string(i) + "}\n";
    }
    return test_pack_with("  - {id: foot_right, level: 4}\n",
                          "  - {id: foot_right, level: 4}\n" + sites);
}

TEST(PackLoader, APackMayDefineAtMost128LeafSites) {
    const PackLoadResult at_limit = load_test_pack_text(test_pack_with_extra_sites(118));
    ASSERT_TRUE(at_limit.pack) << at_limit.diagnostics.format();
    EXPECT_EQ(at_limit.pack->sites.leaves().size(), 128U);
    EXPECT_TRUE(at_limit.pack->sites.all().contains(127));

    EXPECT_EQ(first_diagnostic(test_pack_with_extra_sites(119)),
              "test/pack-body.yaml:130:5: error: a pack may define at most 128 leaf sites "
              "[limit-exceeded]\n    - {id: extra_site_118}\n      ^\n");
}

TEST(PackLoader, ReadsEachFactsShelfLife) {
    const PackLoadResult result = load_test_pack_text(testing::test_pack_with_all(
        {{"question: \"One warm leg?\"}", "question: \"One warm leg?\", valid_for: visit}"},
         {"question: \"Surgery?\"}", "question: \"Surgery?\", valid_for: {days: 28}, ages: weeks}"},
         {"question: \"Heart condition?\"}",
          "question: \"Heart condition?\", valid_for: always}"}}));
    ASSERT_TRUE(result.pack) << result.diagnostics.format();
    const RulePack& pack = *result.pack;
    EXPECT_EQ(pack.facts[*pack.find_fact("leg_warmth")].valid_for, ValidFor::visit);
    const Fact& surgery = pack.facts[*pack.find_fact("weeks_since_surgery")];
    EXPECT_EQ(surgery.valid_for, ValidFor::days);
    EXPECT_EQ(surgery.valid_days, 28U);
    EXPECT_EQ(surgery.ages, Ages::weeks);
    EXPECT_EQ(describe_shelf_life(surgery), "28 days (ages in weeks)");
    EXPECT_EQ(pack.facts[*pack.find_fact("heart_condition")].valid_for, ValidFor::always);
    EXPECT_EQ(pack.facts[*pack.find_fact("breathless")].valid_for, ValidFor::unset);
}

TEST(PackLoader, AFileOutsideThePackIsRefused) {
    const PackLoadResult result = load_pack(
        PackSource{"pack.yaml", "pack:\n  name: x\n  version: '1'\n  files: [../secrets.yaml]\n"},
        {},
        "p/");
    ASSERT_FALSE(result.diagnostics.items().empty());
    EXPECT_EQ(
        format_diagnostic(result.diagnostics.items().front()),
        "p/pack.yaml:4:11: error: '../secrets.yaml' is not a file of this pack: name a file in "
        "the pack's own folder, without '/' or '..' [bad-value]\n"
        "    files: [../secrets.yaml]\n            ^\n");
}

TEST(PackLoader, AMissingDirectoryIsAFileReadError) {
    const PackLoadResult result = load_pack_from_directory("/nonexistent/pack");
    ASSERT_EQ(result.diagnostics.items().size(), 1U);
    EXPECT_EQ(
        format_diagnostic(result.diagnostics.items().front()),
        "/nonexistent/pack/pack.yaml: error: cannot open /nonexistent/pack/pack.yaml: No such "
        "file or directory [file-read]\n");
}

} // namespace
} // namespace contra

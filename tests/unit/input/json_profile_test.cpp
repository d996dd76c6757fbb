#include "input/json_profile.hpp"
#include "input/profile_reader.hpp"
#include "test_pack.hpp"
#include "yaml/yaml_reader.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

using testing::test_pack;

// The same text through the located YAML path; the fast path must never disagree with it.
std::optional<Profile> through_yaml(const std::string& json) {
    Diagnostics out;
    const YamlDocument doc = YamlDocument::parse(json, "client.json", out);
    Profile profile = empty_profile(test_pack());
    if (!doc.ok() || !apply_profile_node(test_pack(), doc, doc.root(), profile, out)) {
        return std::nullopt;
    }
    return profile;
}

class JsonFastPath : public ::testing::TestWithParam<const char*> {};

TEST_P(JsonFastPath, AcceptsOnlyWhatTheYamlPathReadsTheSame) {
    const std::string json = GetParam();
    const std::optional<Profile> fast = read_json_profile_fast(test_pack(), json);
    const std::optional<Profile> located = through_yaml(json);
    if (fast) {
        ASSERT_TRUE(located) << "the fast path accepted what the YAML path refuses: " << json;
        EXPECT_EQ(fast->answers, located->answers) << json;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Profiles,
    JsonFastPath,
    ::testing::Values(
        R"({"leg_warmth": true, "age_years": 64, "swelling": "one_leg"})",
        R"({"leg_warmth": "no", "age_years": 64.5, "varicose_sites": ["calf_left", "leg_right"]})",
        R"({"leg_warmth": null, "varicose_sites": [], "weeks_since_surgery": "none"})",
        R"({"age_years": 1e2, "bruise_sites": "none", "twisted": "unknown"})",
        R"(  {"leg_warmth": false}  )",
        R"({"leg_warmth": "maybe"})",
        R"({"leg_warmth": false, "leg_warmth": true})",
        R"({"leg_wamrth": false})",
        R"({"age_years": 200})",
        R"({"age_years": "0x10"})",
        R"({"varicose_sites": ["none"]})",
        R"({"varicose_sites": [["calf_left"]]})",
        R"({"leg_warmth": [true]})",
        R"({"leg_warmth": {"value": true}})",
        R"({"leg_warmth": false} {"leg_warmth": true})",
        R"([{"leg_warmth": false}])",
        R"({"leg_warmth": false)"));

TEST(JsonFastPath, DeclinesEveryInvalidProfileSoTheYamlPathCanLocateTheError) {
    for (const char* json : {R"({"leg_warmth": "maybe"})",
                             R"({"leg_warmth": false, "leg_warmth": true})",
                             R"({"leg_wamrth": false})",
                             R"({"age_years": 200})",
                             R"({"varicose_sites": ["calf_lft"]})",
                             R"({"leg_warmth": false)",
                             // trailing text: the YAML path names where it starts
                             R"({"leg_warmth": false}{"leg_warmth": true})",
                             "{\"leg_warmth\": false}\r{\"leg_warmth\": true}",
                             R"({"leg_warmth": false}zzz)"}) {
        EXPECT_FALSE(read_json_profile_fast(test_pack(), json)) << json;
    }
}

TEST(JsonFastPath, ReadsAPlainProfile) {
    const auto profile = read_json_profile_fast(
        test_pack(), R"({"leg_warmth": true, "varicose_sites": ["leg_left"], "age_years": 64})");
    ASSERT_TRUE(profile);
    EXPECT_EQ(profile->answers[*test_pack().find_fact("leg_warmth")], Value::of_choice(k_yes));
    EXPECT_EQ(profile->answers[*test_pack().find_fact("varicose_sites")].sites.size(), 4U);
    EXPECT_EQ(profile->answers[*test_pack().find_fact("age_years")], Value::of_number(64));
}

} // namespace
} // namespace contra

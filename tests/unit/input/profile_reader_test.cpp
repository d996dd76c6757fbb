#include "input/profile_reader.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

using testing::test_pack;

std::string first_error(const std::string& yaml, const std::string& name = "client.yaml") {
    const ProfileResult result = read_profile(test_pack(), yaml, name);
    EXPECT_FALSE(result.profile.has_value());
    return result.diagnostics.items().empty()
               ? "(none)"
               : format_diagnostic(result.diagnostics.items().front());
}

const Value& answer(const Profile& profile, const char* fact) {
    return profile.answers.at(*test_pack().find_fact(fact));
}

TEST(Profile, YamlAnswersBecomeTypedValues) {
    const ProfileResult result = read_profile(
        test_pack(),
        "leg_warmth: yes\nswelling: one_leg\nage_years: 64\nvaricose_sites: [leg_left]\n"
        "weeks_since_surgery: none\nbreathless: unknown\n",
        "client.yaml");
    ASSERT_TRUE(result.profile) << result.diagnostics.format();
    EXPECT_EQ(answer(*result.profile, "leg_warmth"), Value::of_choice(k_yes));
    EXPECT_EQ(answer(*result.profile, "age_years"), Value::of_number(64));
    EXPECT_EQ(answer(*result.profile, "weeks_since_surgery"), Value::of_none());
    EXPECT_EQ(answer(*result.profile, "varicose_sites").sites.size(), 4U);
    EXPECT_TRUE(answer(*result.profile, "breathless").is_unknown());
    EXPECT_TRUE(answer(*result.profile, "heart_condition").is_unknown());
}

TEST(Profile, JsonProfilesReadTheSame) {
    const ProfileResult result = read_profile(
        test_pack(),
        "{\n\t\"leg_warmth\": false,\n\t\"age_years\": 64, \"varicose_sites\": [\"calf_left\"],\n"
        "\t\"heart_condition\": null}\n",
        "client.json");
    ASSERT_TRUE(result.profile) << result.diagnostics.format();
    EXPECT_EQ(answer(*result.profile, "leg_warmth"), Value::of_choice(k_no));
    EXPECT_TRUE(answer(*result.profile, "heart_condition").is_unknown()); // null is unanswered
}

TEST(Profile, ABlankAnswerIsUnknownNeverNo) {
    const ProfileResult result =
        read_profile(test_pack(), "leg_warmth:\nvaricose_sites: none\n", "c.yaml");
    ASSERT_TRUE(result.profile);
    EXPECT_TRUE(answer(*result.profile, "leg_warmth").is_unknown());
    EXPECT_EQ(answer(*result.profile, "varicose_sites"), Value::of_sites({}));
}

TEST(Profile, AnUnknownFactIsLocatedWithASuggestion) {
    EXPECT_EQ(first_error("leg_warmth: no\nleg_wamrth: yes\n"),
              "client.yaml:2:1: error: unknown fact 'leg_wamrth'; did you mean 'leg_warmth'? "
              "[unknown-name]\n  leg_wamrth: yes\n  ^\n");
}

TEST(Profile, AValueOutsideTheRangeIsAnError) {
    EXPECT_EQ(first_error("age_years: 200\n"),
              "client.yaml:1:12: error: 200 years is outside the range of 'age_years' (16 to 110 "
              "years) [bad-value]\n  age_years: 200\n             ^\n");
}

TEST(Profile, AMisspeltChoiceIsAnErrorWithASuggestion) {
    EXPECT_EQ(first_error("{\"swelling\": \"one_lge\"}", "client.json"),
              "client.json:1:14: error: 'one_lge' is not a value of 'swelling' (expected one of: "
              "none, one_leg, both_legs); did you mean 'one_leg'? [bad-value]\n"
              "  {\"swelling\": \"one_lge\"}\n               ^\n");
}

TEST(Profile, ADuplicateKeyIsAnError) {
    EXPECT_EQ(first_error("leg_warmth: no\nleg_warmth: yes\n"),
              "client.yaml:2:1: error: duplicate key 'leg_warmth' in the profile (first defined at "
              "line 1) [duplicate-key]\n  leg_warmth: yes\n  ^\n");
}

TEST(Profile, AnUnknownSiteIsAnError) {
    EXPECT_EQ(
        first_error("varicose_sites: [calf_lft]\n"),
        "client.yaml:1:18: error: unknown body site 'calf_lft' in 'varicose_sites'; did you "
        "mean 'calf_left'? [bad-value]\n  varicose_sites: [calf_lft]\n                   ^\n");
}

TEST(Profile, NotAMappingIsAnError) {
    EXPECT_EQ(first_error("- leg_warmth\n"),
              "client.yaml:1:1: error: expected the profile as a mapping of 'key: value', got a "
              "list [wrong-type]\n  - leg_warmth\n  ^\n");
    EXPECT_EQ(first_error(""),
              "client.yaml:1:1: error: the profile is empty; expected a mapping of fact ids to "
              "answers [wrong-type]\n");
}

TEST(Profile, HostileYamlIsRefusedWithALocation) {
    EXPECT_EQ(first_error("a: &x [1]\nb: *x\n"),
              "client.yaml:1:4: error: YAML anchors ('&name') are not allowed [unsupported-yaml]\n"
              "  a: &x [1]\n     ^\n");
    EXPECT_EQ(first_error("leg_warmth: !!python/object no\n"),
              "client.yaml:1:13: error: YAML tags ('tag:yaml.org,2002:python/object') are not "
              "allowed [unsupported-yaml]\n  leg_warmth: !!python/object no\n              ^\n");
    EXPECT_EQ(first_error("leg_warmth: no\n---\nleg_warmth: yes\n"),
              "client.yaml:2:1: error: a second YAML document ('---') is not allowed; give one "
              "document [unsupported-yaml]\n  ---\n  ^\n");
    EXPECT_EQ(first_error(std::string(100, '[') + std::string(100, ']')).substr(0, 60),
              "client.yaml:1:65: error: nesting deeper than 64 levels (limi");
    EXPECT_EQ(
        first_error(std::string("leg_warmth: n\0o\n", 16)),
        "client.yaml:1:14: error: a NUL byte is not allowed in YAML or JSON text [bad-encoding]\n"
        "  leg_warmth: n?o\n"
        "               ^\n");
}

TEST(Profile, TextAfterTheFirstDocumentIsAnErrorWhereItStarts) {
    const auto where = [](const std::string& text) {
        const std::string error = first_error(text);
        const std::string message = ": error: text after the end of the first document;";
        const auto at = error.find(message);
        return at == std::string::npos ? error : error.substr(0, at);
    };
    EXPECT_EQ(where("{\"leg_warmth\": \"no\"}\n{\"leg_warmth\": \"yes\"}\n"), "client.yaml:2:1");
    EXPECT_EQ(where("{\"leg_warmth\": \"no\"}zzz"), "client.yaml:1:21");
    EXPECT_EQ(where("{\"leg_warmth\": \"no\"}{\"breathless\": \"yes\"}"), "client.yaml:1:21");
    EXPECT_EQ(where("leg_warmth: no\n...\nbreathless: yes\n"), "client.yaml:3:1");
    // The same with the guard's pass (a '&' in a comment starts it): the same place.
    EXPECT_EQ(where("{\"leg_warmth\": \"no\"}zzz # &"), "client.yaml:1:21");
}

TEST(Profile, BlanksAndCommentsMayFollowTheDocument) {
    for (const char* text : {"{\"leg_warmth\": \"no\"}\n\n  \n",
                             "{\"leg_warmth\": \"no\"} # done\n",
                             "{\"leg_warmth\": \"no\"}\r\n# done\r\n",
                             "leg_warmth: no\n...\n# end\n"}) {
        const ProfileResult result = read_profile(test_pack(), text, "client.yaml");
        EXPECT_TRUE(result.profile) << text << result.diagnostics.format();
    }
}

TEST(Profile, TextThatIsNotUtf8IsLocatedByItsFirstBadByte) {
    EXPECT_EQ(first_error("age_years: 64\nleg_warmth: \xff\xfe\n"),
              "client.yaml:2:13: error: byte 0xff is not UTF-8; save the file as UTF-8 "
              "[bad-encoding]\n  leg_warmth: \\xff\\xfe\n              ^\n");
    EXPECT_EQ(first_error("leg_warmth: \xc0\xaf\n").substr(0, 47),
              "client.yaml:1:13: error: byte 0xc0 is not UTF-8"); // an overlong '/'
}

TEST(Profile, EachLimitIsReportedByName) {
    const std::string long_value = "leg_warmth: " + std::string(65 * 1024, 'y') + "\n";
    EXPECT_EQ(first_error(long_value).substr(0, 94),
              "client.yaml:1:13: error: a value longer than 64 KiB (limit max-string-length) "
              "[limit-exceeded]");
    std::string many_items = "treatment_area:\n";
    for (int i = 0; i < 100'001; ++i) {
        many_items += "- x\n";
    }
    EXPECT_EQ(first_error(many_items).substr(0, 85),
              "client.yaml:99999:3: error: more than 100000 values in one document (limit "
              "max-items)");
}

TEST(Profile, ReadingStopsAtTheErrorLimit) {
    std::string typos;
    for (int i = 0; i < 60; ++i) {
        typos += "unknown_" + std::to_string(i) + ": yes\n";
    }
    const ProfileResult result = read_profile(test_pack(), typos, "client.yaml");
    EXPECT_FALSE(result.profile);
    EXPECT_EQ(result.diagnostics.items().size(), 50U);
    const std::string text = result.diagnostics.format();
    EXPECT_EQ(text.substr(text.rfind('\n', text.size() - 2) + 1),
              "contra stopped reading after 50 errors (limit max-errors)\n");
}

TEST(Profile, NumbersMustBePlainDecimals) {
    for (const char* bad : {"0x10", ".nan", "1e999", ".inf", "sixty"}) {
        const ProfileResult result =
            read_profile(test_pack(), std::string("age_years: ") + bad + "\n", "c.yaml");
        EXPECT_FALSE(result.profile) << bad;
    }
}

} // namespace
} // namespace contra

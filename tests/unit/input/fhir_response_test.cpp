#include "input/fhir_response.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <string>

namespace contra::fhir_response_test {

using testing::load_test_pack_text;

// The test pack with one screening question over a yes/no, an enum and a number allowing none.
const RulePack& screened_pack() {
    static const RulePack pack = [] {
        PackLoadResult result = load_test_pack_text(testing::k_test_pack + R"(
screening:
  - id: leg_signs
    question: "Any of these: a warm leg, swelling, surgery?"
    facts: [leg_warmth, swelling, weeks_since_surgery]
)");
        EXPECT_TRUE(result.pack) << result.diagnostics.format();
        return result.pack ? std::move(*result.pack) : RulePack{};
    }();
    return pack;
}

// A response of `status` to `questionnaire` whose items are `items` (JSON text).
std::string response(const std::string& items,
                     const std::string& status = "completed",
                     const std::string& questionnaire = "urn:contra:test-pack|1.2.3") {
    return "{\"resourceType\": \"QuestionnaireResponse\",\n\"questionnaire\": \"" + questionnaire +
           "\",\n\"status\": \"" + status + "\",\n\"item\": [" + items + "]}";
}

ProfileResult read(const std::string& text) {
    return read_fhir_response(screened_pack(), text, "response.json");
}

const Value& answer(const ProfileResult& result, const char* fact) {
    return result.profile->answers.at(*screened_pack().find_fact(fact));
}

std::string first_error(const std::string& text) {
    const ProfileResult result = read(text);
    EXPECT_FALSE(result.profile.has_value());
    return result.diagnostics.items().empty()
               ? "(none)"
               : format_diagnostic(result.diagnostics.items().front());
}

constexpr const char* k_warm = R"({"linkId": "leg_warmth", "answer": [{"valueBoolean": true}]})";

TEST(FhirResponse, ThisPacksQuestionnaireIsReadWithItsVersionWithoutOrAsWrittenBefore) {
    for (const char* questionnaire :
         {"urn:contra:test-pack|1.2.3", "urn:contra:test-pack", "urn:contra:test-pack:1.2.3"}) {
        const ProfileResult result = read(response(k_warm, "completed", questionnaire));
        ASSERT_TRUE(result.profile) << questionnaire << "\n" << result.diagnostics.format();
        EXPECT_EQ(answer(result, "leg_warmth"), Value::of_choice(k_yes));
        EXPECT_FALSE(result.profile->unfinished);
    }
}

TEST(FhirResponse, AResponseToAnotherQuestionnaireIsALocatedError) {
    EXPECT_EQ(first_error(response(k_warm, "completed", "urn:contra:other-pack|1.2.3")),
              "response.json:2:18: error: this response answers the questionnaire "
              "'urn:contra:other-pack|1.2.3', not this pack's 'urn:contra:test-pack|1.2.3' "
              "(contra questions --format fhir) [bad-value]\n"
              "  \"questionnaire\": \"urn:contra:other-pack|1.2.3\",\n"
              "                   ^\n");
}

TEST(FhirResponse, AnotherVersionSaysWhichVersionsDiffer) {
    const std::string error =
        first_error(response(k_warm, "completed", "urn:contra:test-pack|1.1.0"));
    EXPECT_NE(error.find("response.json:2:18: error: this response answers version 1.1.0 of "
                         "urn:contra:test-pack, but the pack is test-pack version 1.2.3"),
              std::string::npos)
        << error;
}

TEST(FhirResponse, AResponseThatDoesNotSayWhatItAnswersOrHowFinalItIsIsRefused) {
    EXPECT_NE(first_error(R"({"resourceType": "QuestionnaireResponse", "status": "completed"})")
                  .find("does not say which questionnaire it answers"),
              std::string::npos);
    EXPECT_NE(first_error(R"({"resourceType": "QuestionnaireResponse",
                              "questionnaire": "urn:contra:test-pack"})")
                  .find("the response has no status"),
              std::string::npos);
    EXPECT_NE(first_error(response(k_warm, "complete")).find("did you mean 'completed'?"),
              std::string::npos);
}

TEST(FhirResponse, AResponseEnteredInErrorIsRefused) {
    EXPECT_EQ(first_error(response(k_warm, "entered-in-error")),
              "response.json:3:11: error: this response is marked entered-in-error (recorded by "
              "mistake); no verdict is given from it [bad-value]\n"
              "  \"status\": \"entered-in-error\",\n"
              "            ^\n");
}

TEST(FhirResponse, AResponseInProgressIsReadWithAWarningAndMarkedUnfinished) {
    for (const char* status : {"in-progress", "stopped"}) {
        const ProfileResult result = read(response(k_warm, status));
        ASSERT_TRUE(result.profile) << result.diagnostics.format();
        EXPECT_TRUE(result.profile->unfinished);
        ASSERT_EQ(result.diagnostics.items().size(), 1U);
        EXPECT_EQ(result.diagnostics.items()[0].severity, Severity::warning);
        EXPECT_NE(result.diagnostics.items()[0].message.find("at best incomplete"),
                  std::string::npos);
    }
    const ProfileResult amended = read(response(k_warm, "amended"));
    ASSERT_TRUE(amended.profile);
    EXPECT_FALSE(amended.profile->unfinished);
    EXPECT_TRUE(amended.diagnostics.items().empty());
}

TEST(FhirResponse, NoneNeverTickedAnswersTheNumberNone) {
    const ProfileResult ticked = read(
        response(R"({"linkId": "weeks_since_surgery.none", "answer": [{"valueBoolean": true}]})"));
    ASSERT_TRUE(ticked.profile) << ticked.diagnostics.format();
    EXPECT_EQ(answer(ticked, "weeks_since_surgery"), Value::of_none());

    const ProfileResult unticked = read(response(
        R"({"linkId": "weeks_since_surgery.none", "answer": [{"valueBoolean": false}]},
           {"linkId": "weeks_since_surgery", "answer": [{"valueDecimal": 4}]})"));
    ASSERT_TRUE(unticked.profile) << unticked.diagnostics.format();
    EXPECT_EQ(answer(unticked, "weeks_since_surgery"), Value::of_number(4));

    const ProfileResult left = read(
        response(R"({"linkId": "weeks_since_surgery.none", "answer": [{"valueBoolean": false}]})"));
    ASSERT_TRUE(left.profile) << left.diagnostics.format();
    EXPECT_TRUE(answer(left, "weeks_since_surgery").is_unknown()); // not none: still unanswered
}

TEST(FhirResponse, NoneNeverTickedBesideANumberIsAContradiction) {
    EXPECT_EQ(first_error(response(
                  R"({"linkId": "weeks_since_surgery", "answer": [{"valueDecimal": 4}]},
{"linkId": "weeks_since_surgery.none", "answer": [{"valueBoolean": true}]})")),
              "response.json:5:51: error: 'weeks_since_surgery' is answered 'None / never' and "
              "4 weeks both [bad-value]\n"
              "  {\"linkId\": \"weeks_since_surgery.none\", \"answer\": [{\"valueBoolean\": "
              "true}]}]}\n"
              "                                                    ^\n");
}

TEST(FhirResponse, OnlyANumberAllowingNoneHasANoneItem) {
    EXPECT_NE(
        first_error(response(R"({"linkId": "age_years.none", "answer": [{"valueBoolean": true}]})"))
            .find("unknown question 'age_years.none'"),
        std::string::npos);
}

TEST(FhirResponse, AScreeningQuestionAnsweredNoAnswersEachMemberNo) {
    const ProfileResult result =
        read(response(R"({"linkId": "screening.leg_signs", "answer": [{"valueBoolean": false}]})"));
    ASSERT_TRUE(result.profile) << result.diagnostics.format();
    EXPECT_EQ(answer(result, "leg_warmth"), Value::of_choice(k_no));
    EXPECT_EQ(answer(result, "swelling"), Value::of_choice(0)); // none
    EXPECT_EQ(answer(result, "weeks_since_surgery"), Value::of_none());
    EXPECT_TRUE(answer(result, "breathless").is_unknown()); // not a member
}

TEST(FhirResponse, AScreeningQuestionAnsweredYesLeavesEachMemberToItsOwnItem) {
    const ProfileResult result = read(response(
        R"({"linkId": "screening.leg_signs", "answer": [{"valueBoolean": true}]},
           {"linkId": "screening.leg_signs.members", "item": [)" +
        std::string(k_warm) + "]}"));
    ASSERT_TRUE(result.profile) << result.diagnostics.format();
    EXPECT_EQ(answer(result, "leg_warmth"), Value::of_choice(k_yes));
    EXPECT_TRUE(answer(result, "swelling").is_unknown()); // yes, but not said which: unanswered
}

TEST(FhirResponse, AMemberAnsweredAgainstItsScreeningNoIsAContradiction) {
    const std::string error = first_error(
        response(R"({"linkId": "screening.leg_signs", "answer": [{"valueBoolean": false}]},
)" + std::string(k_warm)));
    EXPECT_NE(error.find("response.json:5:36: error: 'leg_warmth' is answered yes, but "
                         "'screening.leg_signs' says none of these"),
              std::string::npos)
        << error;
    // The same "no" twice is no contradiction.
    EXPECT_TRUE(
        read(response(R"({"linkId": "screening.leg_signs", "answer": [{"valueBoolean": false}]},
{"linkId": "leg_warmth", "answer": [{"valueBoolean": false}]})"))
            .profile);
}

TEST(FhirResponse, AnUnknownLinkIdSuggestsTheScreeningQuestionsToo) {
    EXPECT_NE(
        first_error(
            response(R"({"linkId": "screening.leg_sign", "answer": [{"valueBoolean": false}]})"))
            .find("did you mean 'screening.leg_signs'?"),
        std::string::npos);
}

TEST(FhirResponse, TheSameLinkIdTwiceIsAnError) {
    EXPECT_NE(
        first_error(response(
                        R"({"linkId": "screening.leg_signs", "answer": [{"valueBoolean": false}]},
{"linkId": "screening.leg_signs", "answer": [{"valueBoolean": true}]})"))
            .find("'screening.leg_signs' is answered by two items"),
        std::string::npos);
}

} // namespace contra::fhir_response_test

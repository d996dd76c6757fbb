// FHIR: the Questionnaire of `contra questions --format fhir`, and QuestionnaireResponses read
// by `check --input-format fhir` and `batch --input-format fhir`.

#include "run_contra.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace contra::cli {
namespace {

using nlohmann::json;
using testing::Outcome;
using testing::run_contra;

json questionnaire() {
    return json::parse(run_contra({"questions", "--format", "fhir"}).out);
}

json facts() {
    return json::parse(run_contra({"facts", "--format", "json"}).out)["facts"];
}

TEST(Fhir, TheQuestionnaireHasOneItemPerFactInVocabularyOrder) {
    const json items = questionnaire()["item"];
    const json vocabulary = facts();
    ASSERT_EQ(items.size(), vocabulary.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const json& item = items[i];
        const json& fact = vocabulary[i];
        EXPECT_EQ(item["linkId"], fact["fact"]);
        EXPECT_EQ(item["text"], fact["question"]);
        const std::string type = fact["type"];
        const std::string expected = type == "yes_no"   ? "boolean"
                                     : type == "number" ? "decimal"
                                                        : "choice";
        EXPECT_EQ(item["type"], expected) << fact["fact"];
        if (type == "enum") {
            ASSERT_EQ(item["answerOption"].size(), fact["values"].size());
            for (std::size_t v = 0; v < fact["values"].size(); ++v) {
                EXPECT_EQ(item["answerOption"][v]["valueCoding"]["code"], fact["values"][v]);
            }
        }
        EXPECT_EQ(item.value("repeats", false), type == "site_list") << fact["fact"];
    }
    EXPECT_EQ(questionnaire()["resourceType"], "Questionnaire");
}

// A QuestionnaireResponse that answers `profile` (a JSON profile) item by item.
json response_for(const json& profile) {
    const json vocabulary = facts();
    json items = json::array();
    for (const json& fact : vocabulary) {
        const std::string id = fact["fact"];
        if (!profile.contains(id)) {
            continue;
        }
        const json& value = profile[id];
        json answers = json::array();
        if (fact["type"] == "yes_no") {
            answers.push_back({{"valueBoolean", value == "yes"}});
        } else if (fact["type"] == "number") {
            answers.push_back({{"valueDecimal", value}});
        } else if (value.is_array()) {
            for (const json& site : value) {
                answers.push_back({{"valueCoding", {{"code", site}}}});
            }
            if (value.empty()) {
                answers.push_back({{"valueCoding", {{"code", "none"}}}});
            }
        } else {
            answers.push_back({{"valueCoding", {{"code", value}}}});
        }
        items.push_back({{"linkId", id}, {"answer", answers}});
    }
    return {{"resourceType", "QuestionnaireResponse"}, {"status", "completed"}, {"item", items}};
}

TEST(Fhir, AResponseGivesTheSameReportAsTheSameAnswersAsAProfile) {
    const json profile = {{"modality", "vascular_leg_massage"},
                          {"age_years", 67},
                          {"leg_warmth", "no"},
                          {"sudden_breathlessness", "no"},
                          {"varicose_vein_sites", {"calf_left", "ankle_left"}},
                          {"varicose_twisted_bulging", "yes"},
                          {"leg_ulcer_sites", json::array()}};
    const Outcome direct = run_contra({"check", "-", "--format", "json"}, profile.dump());
    const Outcome fhir = run_contra({"check", "-", "--input-format", "fhir", "--format", "json"},
                                    response_for(profile).dump());
    EXPECT_EQ(fhir.code, direct.code) << fhir.err;
    EXPECT_EQ(json::parse(fhir.out), json::parse(direct.out));
}

TEST(Fhir, AnItemWithoutAnAnswerIsUnknownNeverNo) {
    const json response = json::parse(R"({"resourceType": "QuestionnaireResponse", "item": [
        {"linkId": "modality", "answer": [{"valueCoding": {"code": "mld_legs"}}]},
        {"linkId": "leg_warmth"}]})");
    const Outcome run =
        run_contra({"check", "-", "--input-format", "fhir", "--format", "json"}, response.dump());
    const json report = json::parse(run.out);
    bool asked = false;
    for (const json& item : report["unanswered"]) {
        asked = asked || item["fact"] == "leg_warmth";
    }
    EXPECT_TRUE(asked);
    EXPECT_EQ(run.code, 5) << run.err; // incomplete: leg_warmth could change the verdict
}

TEST(Fhir, AnUnknownLinkIdIsALocatedErrorWithASuggestion) {
    const Outcome run = run_contra(
        {"check", "-", "--input-format", "fhir"},
        "{\"resourceType\": \"QuestionnaireResponse\",\n \"item\": [{\"linkId\": \"leg_wamth\", "
        "\"answer\": [{\"valueBoolean\": true}]}]}");
    EXPECT_EQ(run.code, 65);
    EXPECT_NE(run.err.find("<stdin>:2:22: error: unknown question 'leg_wamth'; did you mean "
                           "'leg_warmth'?"),
              std::string::npos)
        << run.err;
}

TEST(Fhir, AnotherResourceIsRefused) {
    const Outcome run = run_contra({"check", "-", "--input-format", "fhir"},
                                   R"({"resourceType": "Patient", "id": "p1"})");
    EXPECT_EQ(run.code, 65);
    EXPECT_NE(run.err.find("expected a FHIR QuestionnaireResponse"), std::string::npos);
}

TEST(Fhir, ABatchOfResponsesCarriesEachResourceId) {
    json first = response_for({{"suspected_dvt", "yes"}});
    first["id"] = "r-1";
    json second = response_for({{"sudden_breathlessness", "yes"}});
    second["id"] = "r-2";
    const Outcome run = run_contra({"batch", "-", "--input-format", "fhir"},
                                   first.dump() + "\n" + second.dump() + "\n");
    const auto newline = run.out.find('\n');
    const json one = json::parse(run.out.substr(0, newline));
    const json two = json::parse(run.out.substr(newline + 1));
    EXPECT_EQ(one["id"], "r-1");
    EXPECT_EQ(one["verdict"], "do_not_massage");
    EXPECT_EQ(two["id"], "r-2");
    EXPECT_EQ(two["verdict"], "emergency");
    EXPECT_EQ(run.code, 4);
}

} // namespace
} // namespace contra::cli

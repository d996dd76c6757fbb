#include "output/fhir_questionnaire.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <string>

namespace contra::fhir_questionnaire_test {

using nlohmann::ordered_json;

// The test pack with a screening question and a follow-up.
const RulePack& screened_pack() {
    static const RulePack pack = [] {
        PackLoadResult result = testing::load_test_pack_text(testing::k_test_pack + R"(
screening:
  - id: leg_signs
    question: "Any of these: a warm leg, swelling, surgery?"
    facts: [leg_warmth, swelling, weeks_since_surgery]
follow_ups:
  - after: varicose_sites
    ask: [twisted]
)");
        EXPECT_TRUE(result.pack) << result.diagnostics.format();
        return result.pack ? std::move(*result.pack) : RulePack{};
    }();
    return pack;
}

// The item of `link_id`, wherever it is nested; null when there is none.
const ordered_json* find_item(const ordered_json& items, const std::string& link_id) {
    for (const ordered_json& item : items) {
        if (item["linkId"] == link_id) {
            return &item;
        }
        if (item.contains("item")) {
            if (const ordered_json* found = find_item(item["item"], link_id)) {
                return found;
            }
        }
    }
    return nullptr;
}

const ordered_json& item(const std::string& link_id) {
    static const ordered_json questionnaire = questionnaire_to_fhir(screened_pack());
    const ordered_json* found = find_item(questionnaire["item"], link_id);
    EXPECT_NE(found, nullptr) << link_id;
    static const ordered_json none;
    return found != nullptr ? *found : none;
}

TEST(FhirQuestionnaire, TheCanonicalUrlAndTheVersionAreApart) {
    const ordered_json questionnaire = questionnaire_to_fhir(screened_pack());
    EXPECT_EQ(questionnaire["url"], "urn:contra:test-pack");
    EXPECT_EQ(questionnaire["version"], "1.2.3");
}

TEST(FhirQuestionnaire, AFollowUpShowsWhileItsSituationIsTrueOrNotYetKnown) {
    // required_when {fact: swelling, ne: none}: shown unless swelling is answered none.
    EXPECT_EQ(item("swelling_onset")["enableWhen"],
              ordered_json::parse(R"([{"question": "swelling", "operator": "!=",
                  "answerCoding": {"system": "urn:contra:test-pack:swelling", "code": "none"}}])"));
    EXPECT_EQ(item("swelling_onset")["required"], true);
    // A declared follow-up of a site list: shown unless that is answered none.
    EXPECT_EQ(item("twisted")["enableWhen"][0]["question"], "varicose_sites");
    EXPECT_EQ(item("twisted")["enableWhen"][0]["answerCoding"]["code"], "none");
    EXPECT_FALSE(item("breathless").contains("enableWhen"));
}

TEST(FhirQuestionnaire, RequiredFollowsWhatAnUnansweredQuestionMeans) {
    EXPECT_EQ(item("breathless")["required"], true);
    EXPECT_FALSE(item("bruise_sites").contains("required"));      // optional
    EXPECT_FALSE(item("age_years").contains("required"));         // assumed
    EXPECT_FALSE(item("medical_clearance").contains("required")); // optional
    EXPECT_FALSE(item("treatment_area").contains("required"));    // the modality's area stands in
}

TEST(FhirQuestionnaire, ANumberCarriesItsUnitAndBounds) {
    const ordered_json& age = item("age_years");
    ASSERT_EQ(age["extension"].size(), 3U);
    EXPECT_EQ(age["extension"][0]["valueCoding"]["display"], "years");
    EXPECT_EQ(age["extension"][1],
              ordered_json::parse(R"({"url": "http://hl7.org/fhir/StructureDefinition/minValue",
                                      "valueDecimal": 16.0})"));
    EXPECT_EQ(age["extension"][2],
              ordered_json::parse(R"({"url": "http://hl7.org/fhir/StructureDefinition/maxValue",
                                      "valueDecimal": 110.0})"));
}

TEST(FhirQuestionnaire, ANumberThatAllowsNoneHasANoneNeverItemThatHidesIt) {
    EXPECT_EQ(item("weeks_since_surgery.none")["type"], "boolean");
    EXPECT_EQ(item("weeks_since_surgery.none")["text"], "None / never");
    EXPECT_EQ(item("weeks_since_surgery")["enableWhen"],
              ordered_json::parse(R"([{"question": "weeks_since_surgery.none",
                                       "operator": "!=", "answerBoolean": true}])"));
    EXPECT_EQ(find_item(questionnaire_to_fhir(screened_pack())["item"], "age_years.none"), nullptr);
}

TEST(FhirQuestionnaire, AScreeningQuestionShowsItsMembersOnlyWhenAnsweredYes) {
    EXPECT_EQ(item("screening.leg_signs")["type"], "boolean");
    EXPECT_EQ(item("screening.leg_signs")["required"], true);
    const ordered_json& members = item("screening.leg_signs.members");
    EXPECT_EQ(members["type"], "group");
    EXPECT_EQ(members["enableWhen"],
              ordered_json::parse(R"([{"question": "screening.leg_signs", "operator": "=",
                                       "answerBoolean": true}])"));
    std::vector<std::string> inside;
    for (const ordered_json& member : members["item"]) {
        inside.push_back(member["linkId"]);
    }
    // The follow-up of a member (swelling_onset) comes right after it, inside the group.
    EXPECT_EQ(inside,
              (std::vector<std::string>{"leg_warmth",
                                        "swelling",
                                        "swelling_onset",
                                        "weeks_since_surgery",
                                        "weeks_since_surgery.none"}));
}

TEST(FhirQuestionnaire, SeveralConditionsMustAllHold) {
    const RulePack& pack = testing::bundled_pack();
    const ordered_json items = questionnaire_to_fhir(pack)["item"];
    const ordered_json* pregnancy = find_item(items, "high_risk_pregnancy");
    ASSERT_NE(pregnancy, nullptr);
    EXPECT_EQ((*pregnancy)["enableBehavior"], "all");
    EXPECT_EQ((*pregnancy)["enableWhen"].size(), 2U); // not not_pregnant, not not_applicable
}

} // namespace contra::fhir_questionnaire_test

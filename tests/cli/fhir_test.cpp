// FHIR: the Questionnaire of `contra questions --format fhir`, and QuestionnaireResponses read
// by `check --input-format fhir` and `batch --input-format fhir`.

#include "run_contra.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace contra::cli {
namespace {

using nlohmann::json;
using testing::Outcome;
using testing::run_contra;

constexpr const char* k_questionnaire = "urn:contra:contra-vascular|1.0.0";

json questionnaire() {
    return json::parse(run_contra({"questions", "--format", "fhir"}).out);
}

json facts() {
    return json::parse(run_contra({"facts", "--format", "json"}).out)["facts"];
}

// Every item of the Questionnaire, nested ones too, in order.
void flatten(const json& items, std::vector<json>& into) {
    for (const json& item : items) {
        into.push_back(item);
        if (item.contains("item")) {
            flatten(item["item"], into);
        }
    }
}

TEST(Fhir, TheQuestionnaireAsksEachFactOnceWithItsType) {
    std::vector<json> items;
    flatten(questionnaire()["item"], items);
    std::map<std::string, json> by_link;
    for (const json& item : items) {
        EXPECT_TRUE(by_link.emplace(item["linkId"], item).second) << item["linkId"];
    }
    for (const json& fact : facts()) {
        ASSERT_TRUE(by_link.count(fact["fact"])) << fact["fact"];
        const json& item = by_link[fact["fact"]];
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
    return {{"resourceType", "QuestionnaireResponse"},
            {"questionnaire", k_questionnaire},
            {"status", "completed"},
            {"item", items}};
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
    const json response =
        json::parse(R"({"resourceType": "QuestionnaireResponse", "status": "completed",
        "questionnaire": "urn:contra:contra-vascular|1.0.0", "item": [
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
    const Outcome run =
        run_contra({"check", "-", "--input-format", "fhir"},
                   "{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\", "
                   "\"questionnaire\": \"urn:contra:contra-vascular|1.0.0\",\n \"item\": "
                   "[{\"linkId\": \"leg_wamth\", "
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

// A form filler, as a standard one works: it walks the Questionnaire in order, shows an item
// only while its enableWhen holds (R4: `=` some answer equals, `!=` no answer equals), and
// fills what is shown from a JSON profile. A screening question is answered yes when the
// profile answers any member, no when it answers each with no or none; a number answered none
// ticks its "None / never" item.
class FormFiller {
  public:
    explicit FormFiller(json profile) : m_profile(std::move(profile)) {}

    json fill(const json& items) {
        json answered = json::array();
        for (const json& item : items) {
            if (!enabled(item)) {
                continue;
            }
            const std::string link = item["linkId"];
            if (item["type"] == "group") {
                json inner = fill(item["item"]);
                if (!inner.empty()) {
                    answered.push_back({{"linkId", link}, {"item", inner}});
                }
                continue;
            }
            json answers = answers_for(item);
            if (!answers.empty()) {
                m_given[link] = answers;
                answered.push_back({{"linkId", link}, {"answer", answers}});
            }
        }
        return answered;
    }

  private:
    static bool is_no(const json& value) {
        return value == "no" || value == "none" || (value.is_array() && value.empty());
    }

    bool holds(const json& condition) const {
        const auto given = m_given.find(condition["question"]);
        bool some_equal = false;
        if (given != m_given.end()) {
            for (const json& answer : given->second) {
                some_equal =
                    some_equal ||
                    (condition.contains("answerBoolean")
                         ? answer.value("valueBoolean", json()) == condition["answerBoolean"]
                         : answer["valueCoding"]["code"] == condition["answerCoding"]["code"]);
            }
        }
        return condition["operator"] == "=" ? some_equal : !some_equal;
    }

    bool enabled(const json& item) const {
        if (!item.contains("enableWhen")) {
            return true;
        }
        const bool any = item.value("enableBehavior", "all") == "any";
        bool result = !any;
        for (const json& condition : item["enableWhen"]) {
            result = any ? (result || holds(condition)) : (result && holds(condition));
        }
        return result;
    }

    json screening_answer(const json& item) const {
        const std::string group = item["linkId"].get<std::string>().substr(10);
        bool any = false;
        bool all_no = true;
        for (const json& member : screening_members(group)) {
            const bool has = m_profile.contains(member.get<std::string>());
            any = any || has;
            all_no = all_no && has && is_no(m_profile[member.get<std::string>()]);
        }
        if (!any) {
            return json::array();
        }
        return json::array({{{"valueBoolean", !all_no}}});
    }

    json screening_members(const std::string& group) const {
        static const json listing = questionnaire();
        std::vector<json> items;
        flatten(listing["item"], items);
        json members = json::array();
        for (const json& item : items) {
            if (item["linkId"] == "screening." + group + ".members") {
                for (const json& member : item["item"]) {
                    if (member["linkId"].get<std::string>().find('.') == std::string::npos) {
                        members.push_back(member["linkId"]);
                    }
                }
            }
        }
        return members;
    }

    json answers_for(const json& item) const {
        const std::string link = item["linkId"];
        if (link.rfind("screening.", 0) == 0) {
            return screening_answer(item);
        }
        if (link.size() > 5 && link.substr(link.size() - 5) == ".none") {
            const std::string fact = link.substr(0, link.size() - 5);
            return m_profile.contains(fact)
                       ? json::array({{{"valueBoolean", m_profile[fact] == "none"}}})
                       : json::array();
        }
        if (!m_profile.contains(link)) {
            return json::array();
        }
        const json& value = m_profile[link];
        if (item["type"] == "boolean") {
            return json::array({{{"valueBoolean", value == "yes"}}});
        }
        if (item["type"] == "decimal") {
            return json::array({{{"valueDecimal", value}}});
        }
        json answers = json::array();
        for (const json& code : value.is_array() ? value : json::array({value})) {
            answers.push_back({{"valueCoding", {{"code", code}}}});
        }
        if (answers.empty()) {
            answers.push_back({{"valueCoding", {{"code", "none"}}}});
        }
        return answers;
    }

    json m_profile;
    std::map<std::string, json> m_given;
};

// The profile as a standard form filler would return it through the Questionnaire.
json filled_response(const json& profile) {
    return {{"resourceType", "QuestionnaireResponse"},
            {"questionnaire", k_questionnaire},
            {"status", "completed"},
            {"item", FormFiller(profile).fill(questionnaire()["item"])}};
}

void expect_same_report_through_the_form(const json& profile) {
    const Outcome direct = run_contra({"check", "-", "--format", "json"}, profile.dump());
    const Outcome fhir = run_contra({"check", "-", "--input-format", "fhir", "--format", "json"},
                                    filled_response(profile).dump());
    ASSERT_NE(direct.code, 65) << direct.out;
    EXPECT_EQ(fhir.code, direct.code) << fhir.err;
    EXPECT_EQ(json::parse(fhir.out), json::parse(direct.out)) << filled_response(profile).dump();
}

TEST(Fhir, AHealthyClientThroughTheFormIsCheckedAsHerProfileWithNoneNever) {
    const Outcome yaml = run_contra(
        {"check", PROJECT_SOURCE_DIR "/examples/healthy-client.yaml", "--format", "json"});
    ASSERT_EQ(yaml.code, 0) << yaml.err;
    // The same answers as JSON, with the surgery answered none (its "None / never" ticked).
    json profile = json::parse(R"({
        "modality": "vascular_leg_massage", "treatment_area": ["legs"], "age_years": 42,
        "sudden_breathlessness": "no", "chest_pain": "no", "coughing_blood": "no",
        "fainting_or_collapse": "no", "racing_heart": "no", "leg_swelling": "none",
        "new_unilateral_leg_pain": "no", "leg_warmth": "no", "leg_redness_or_discolouration": "no",
        "hard_painful_vein": "no", "pitting_oedema_one_leg": "no", "leg_sign_sites": [],
        "current_thrombosis": "no", "thrombosis_sites": [], "previous_dvt_or_pe": "no",
        "weeks_since_major_surgery": "none", "surgery_sites": [], "recent_immobilisation": "no",
        "recent_long_journey": "no", "pregnancy_status": "not_pregnant",
        "estrogen_medication": "no", "cancer_status": "none",
        "clotting_disorder_or_family_vte": "no", "smoker": "yes", "bmi": 23.4,
        "spider_vein_sites": [], "varicose_vein_sites": [], "venous_skin_changes_sites": [],
        "leg_ulcer_sites": [], "healed_ulcer_sites": [], "leg_aching_heaviness": "no",
        "increased_venous_pressure": "no", "broken_skin_sites": [], "pustule_sites": [],
        "cellulitis_signs_sites": [], "red_streaks": "no", "contagious_skin_lesion_sites": [],
        "bruise_sites": [], "unexplained_lump_sites": [], "fever": "no",
        "acute_infectious_illness": "no", "heart_failure": "none", "cardiac_arrhythmia": "no",
        "kidney_disease": "none", "blood_pressure": "normal", "hyperthyroidism": "no",
        "carotid_sinus_hypersensitivity": "no", "diabetes": "none",
        "reduced_sensation_sites": [], "cold_numb_tingling_feet": "none",
        "peripheral_arterial_disease": "none", "anticoagulant": "none",
        "easy_bruising_or_bleeding": "no", "sinusitis": "none"})");
    const json response = filled_response(profile);
    EXPECT_NE(
        response.dump().find(
            R"({"answer":[{"valueBoolean":true}],"linkId":"weeks_since_major_surgery.none"})"),
        std::string::npos)
        << response.dump();
    expect_same_report_through_the_form(profile);
}

TEST(Fhir, FollowUpsAndScreeningAnswersGoThroughTheForm) {
    expect_same_report_through_the_form(json::parse(R"({
        "modality": "mld_legs", "leg_swelling": "one_leg", "leg_swelling_onset": "longstanding_known_cause",
        "sudden_breathlessness": "no", "chest_pain": "no", "coughing_blood": "no",
        "fainting_or_collapse": "no", "racing_heart": "no",
        "varicose_vein_sites": ["calf_left"], "varicose_twisted_bulging": "yes",
        "varicose_vein_bleeding": "no", "pregnancy_status": "trimester_2",
        "high_risk_pregnancy": "no", "preeclampsia_signs": "no",
        "weeks_since_major_surgery": 30})"));
}

TEST(Fhir, AResponseInProgressIsNeverClearerThanIncomplete) {
    std::ifstream example(PROJECT_SOURCE_DIR "/examples/fhir/healthy-client-response.json");
    json response = json::parse(example);
    const Outcome completed =
        run_contra({"check", "-", "--input-format", "fhir", "--brief"}, response.dump());
    EXPECT_EQ(completed.code, 0) << completed.err;
    response["status"] = "in-progress";
    const Outcome in_progress =
        run_contra({"check", "-", "--input-format", "fhir", "--brief"}, response.dump());
    EXPECT_EQ(in_progress.code, 5);
    EXPECT_NE(in_progress.err.find("warning: this response is in-progress"), std::string::npos)
        << in_progress.err;
    response["id"] = "in-progress";
    json done = response;
    done["id"] = "done";
    done["status"] = "amended";
    const Outcome batch = run_contra({"batch", "-", "--input-format", "fhir"},
                                     response.dump() + "\n" + done.dump() + "\n");
    EXPECT_NE(batch.out.find(
                  R"({"record":1,"id":"in-progress","schema_version":1,"verdict":"incomplete")"),
              std::string::npos)
        << batch.out;
    EXPECT_NE(batch.out.find(R"({"record":2,"id":"done","schema_version":1,"verdict":"proceed")"),
              std::string::npos);
    EXPECT_NE(batch.err.find("<stdin>:1:"), std::string::npos) << batch.err; // one warning, located
    EXPECT_EQ(batch.err.find("<stdin>:2:"), std::string::npos) << batch.err;
    EXPECT_EQ(batch.code, 5);
}

} // namespace
} // namespace contra::cli

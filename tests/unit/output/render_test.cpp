#include "engine/evaluator.hpp"
#include "output/render_json.hpp"
#include "output/render_text.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace contra {
namespace {

using testing::test_pack;

Report report_of(const std::string& changes) {
    return evaluate(test_pack(), testing::healthy_with(changes));
}

TEST(RenderJson, CarriesTheContractFields) {
    const nlohmann::ordered_json json = report_to_json(
        test_pack(), report_of("varicose_sites: [calf_left]\ntwisted: yes\nage_years: 70\n"));
    EXPECT_EQ(json["verdict"], "proceed_with_precautions");
    EXPECT_EQ(json["established"], "proceed_with_precautions");
    EXPECT_EQ(json["avoid"], nlohmann::ordered_json({"calf_left", "ankle_left", "foot_left"}));
    EXPECT_EQ(json["no_pressure"], nlohmann::ordered_json({"calf_right"}));
    ASSERT_EQ(json["findings"].size(), 2U);
    EXPECT_EQ(json["findings"][0]["rule"], "C1");
    EXPECT_EQ(json["findings"][0]["sources"], nlohmann::ordered_json({"seed 000"}));
    EXPECT_EQ(json["pack"]["name"], "test-pack");
    EXPECT_EQ(json["pack"]["sha256"].get<std::string>().size(), 64U);
}

TEST(RenderJson, ListsWhatIsStillToAskWithTheLevelItCouldReach) {
    const nlohmann::ordered_json json =
        report_to_json(test_pack(), report_of("leg_warmth: unknown\n"));
    EXPECT_EQ(json["verdict"], "incomplete");
    EXPECT_EQ(json["could_fire"][0]["needs"], nlohmann::ordered_json({"leg_warmth"}));
    EXPECT_EQ(json["unanswered"][0]["fact"], "leg_warmth");
    EXPECT_EQ(json["unanswered"][0]["question"], "One warm leg?");
    EXPECT_EQ(json["unanswered"][0]["could_raise_to"], "do_not_massage");
}

TEST(RenderJson, AssumptionsCarryTheirValues) {
    const nlohmann::ordered_json json =
        report_to_json(test_pack(), report_of("age_years: unknown\n"));
    EXPECT_EQ(json["assumed"][1],
              nlohmann::ordered_json({{"fact", "age_years"}, {"value", 61}, {"note", "over 60"}}));
}

TEST(RenderText, PutsTheVerdictFirstAndNamesWholeLimbs) {
    std::ostringstream out;
    render_text(test_pack(),
                report_of("leg_warmth: yes\nleg_sign_sites: [calf_left]\n"),
                TextOptions{},
                out);
    const std::string text = out.str();
    EXPECT_EQ(text.substr(0, text.find('\n')), "DO NOT MASSAGE");
    EXPECT_NE(text.find("  Avoid:            leg_left\n"), std::string::npos) << text;
    EXPECT_NE(text.find("it does not diagnose"), std::string::npos);
    EXPECT_EQ(text.find("\x1b["), std::string::npos); // no colour unless asked
}

TEST(RenderText, ColourOnlyWhenAsked) {
    std::ostringstream out;
    render_text(test_pack(), report_of(""), TextOptions{true}, out);
    EXPECT_NE(out.str().find("\x1b["), std::string::npos);
}

std::string text_of(const std::string& changes, const TextOptions& options) {
    std::ostringstream out;
    render_text(test_pack(), report_of(changes), options, out);
    return out.str();
}

std::string last_line(const std::string& text) {
    const std::string body = text.substr(0, text.find_last_not_of('\n') + 1);
    return body.substr(body.find_last_of('\n') + 1);
}

TEST(RenderText, EndsWithTheInstructionForEmergencyAndDoNotMassage) {
    for (const TextOptions& options : {TextOptions{}, TextOptions{false, 80, true}}) {
        EXPECT_EQ(last_line(text_of("breathless: yes\n", options)),
                  "EMERGENCY: call emergency services now (999/112/911); stay with the client.");
        EXPECT_EQ(last_line(text_of("leg_warmth: yes\nleg_sign_sites: [calf_left]\n", options)),
                  "DO NOT MASSAGE today (no massage at all); follow the instructions above.");
    }
    EXPECT_EQ(last_line(text_of("", TextOptions{})),
              "contra supports a practitioner's judgement; it does not diagnose.");
}

TEST(RenderText, ReasonsAndAssumptionsOnlyWhenAsked) {
    const std::string changes = "varicose_sites: [calf_left]\ntwisted: yes\nage_years: unknown\n";
    const std::string plain = text_of(changes, TextOptions{});
    EXPECT_EQ(plain.find("\nWhy\n"), std::string::npos) << plain;
    EXPECT_EQ(plain.find("Sources:"), std::string::npos) << plain;
    EXPECT_EQ(plain.find("\nAssumed"), std::string::npos) << plain;
    EXPECT_NE(plain.find("More: --why"), std::string::npos) << plain;
    TextOptions why;
    why.why = true;
    EXPECT_NE(text_of(changes, why).find("Sources: seed 000"), std::string::npos);
    TextOptions assumptions;
    assumptions.assumptions = true;
    EXPECT_NE(text_of(changes, assumptions).find("\nAssumed"), std::string::npos);
}

TEST(RenderText, BriefGivesTheVerdictWhatToDoAndWhereAlone) {
    TextOptions brief;
    brief.brief = true;
    const std::string text = text_of("varicose_sites: [calf_left]\ntwisted: yes\n", brief);
    EXPECT_NE(text.find("What to do"), std::string::npos) << text;
    EXPECT_NE(text.find("  Avoid:"), std::string::npos) << text;
    EXPECT_EQ(text.find("Pack test-pack"), std::string::npos) << text;
    EXPECT_EQ(text.find("More:"), std::string::npos) << text;
}

TEST(RenderText, BriefKeepsTheQuestionsWhenTheyAreWhatToDo) {
    TextOptions brief;
    brief.brief = true;
    const std::string text = text_of("leg_warmth: unknown\n", brief);
    EXPECT_EQ(text.substr(0, text.find('\n')), "INCOMPLETE");
    EXPECT_NE(text.find("One warm leg? [leg_warmth] could raise it to do_not_massage"),
              std::string::npos)
        << text;
}

} // namespace
} // namespace contra

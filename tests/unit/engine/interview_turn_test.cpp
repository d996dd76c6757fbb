// The interview driven by scripted lines, as a practitioner types them at the prompts of
// `contra interview`, without a terminal: the questions asked, what each line did, the verdict.

#include "engine/interview_turn.hpp"
#include "pack/pack_loader.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <deque>

namespace contra {
namespace {

using testing::bundled_pack;

using testing::test_pack;

struct Transcript {
    std::vector<std::string> asked; ///< the id of each question put, in order, repeats included
    std::vector<Turn> turns;
    bool stopped = false; ///< the script ran out before the interview ended (Ctrl-D)
    Report report;
};

std::string id_of(const RulePack& pack, const InterviewQuestion& question) {
    return question.is_screening ? pack.screening[question.index].id
                                 : pack.facts[question.index].id;
}

// Types `script`, one line per prompt, as the terminal loop of `contra interview` does.
Transcript play(const RulePack& pack, Profile start, std::deque<std::string> script) {
    Interview interview(pack, std::move(start));
    Transcript transcript;
    while (const auto question = interview.next_question()) {
        transcript.asked.push_back(id_of(pack, *question));
        if (script.empty()) {
            transcript.stopped = true;
            break;
        }
        transcript.turns.push_back(take_turn(pack, interview, *question, script.front()));
        script.pop_front();
    }
    transcript.report = final_report(interview, transcript.stopped);
    return transcript;
}

Profile leg_massage() {
    return testing::profile_of("modality: leg_massage\n");
}

TEST(InterviewTurn, AHealthyClientIsAskedEachQuestionThatCouldChangeTheOutcomeOnce) {
    const Transcript run =
        play(test_pack(), leg_massage(), {"n", "n", "n", "n", "40", "n", "n", "n"});
    EXPECT_EQ(run.asked,
              (std::vector<std::string>{"breathless",
                                        "leg_warmth",
                                        "weeks_since_surgery",
                                        "heart_condition",
                                        "age_years",
                                        "bruise_sites",
                                        "swelling",
                                        "varicose_sites"}));
    EXPECT_FALSE(run.stopped);
    EXPECT_EQ(run.report.verdict, Verdict::proceed);
}

TEST(InterviewTurn, AnEmergencyEndsTheInterviewAtOnce) {
    const Transcript run = play(test_pack(), leg_massage(), {"y", "n", "n"});
    EXPECT_EQ(run.asked, std::vector<std::string>{"breathless"});
    EXPECT_EQ(run.report.verdict, Verdict::emergency);
}

TEST(InterviewTurn, BlanksAroundWhatIsTypedAreIgnored) {
    const Transcript run = play(test_pack(), leg_massage(), {"  y \t\r"});
    EXPECT_EQ(run.turns.front().result, TurnResult::answered);
    EXPECT_EQ(run.report.verdict, Verdict::emergency);
}

TEST(InterviewTurn, WhyAndBackPutAQuestionAgain) {
    const Transcript run = play(test_pack(), leg_massage(), {"b", "?", "n", "b", "n", "n"});
    const std::vector<TurnResult> results{TurnResult::no_earlier_answer,
                                          TurnResult::explain,
                                          TurnResult::answered,
                                          TurnResult::went_back,
                                          TurnResult::answered,
                                          TurnResult::answered};
    ASSERT_EQ(run.turns.size(), results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        EXPECT_EQ(run.turns[i].result, results[i]) << "line " << i;
    }
    EXPECT_EQ(run.asked,
              (std::vector<std::string>{"breathless",
                                        "breathless",
                                        "breathless",
                                        "leg_warmth",
                                        "breathless",
                                        "leg_warmth",
                                        "weeks_since_surgery"}));
}

TEST(InterviewTurn, ANonAnswerSaysWhatWasExpectedAndTheQuestionIsPutAgain) {
    const Transcript run = play(test_pack(), leg_massage(), {"maybe"});
    ASSERT_EQ(run.turns.size(), 1U);
    EXPECT_EQ(run.turns[0].result, TurnResult::not_an_answer);
    EXPECT_NE(run.turns[0].message.find("maybe"), std::string::npos) << run.turns[0].message;
    EXPECT_EQ(run.asked, (std::vector<std::string>{"breathless", "breathless"}));
}

TEST(InterviewTurn, AChoiceByNumberBringsItsFollowUpWhereNIsNoAnswer) {
    const Profile start = testing::profile_of("modality: leg_massage\nbreathless: no\n"
                                              "leg_warmth: no\nweeks_since_surgery: none\n"
                                              "heart_condition: no\nage_years: 40\n"
                                              "bruise_sites: []\nvaricose_sites: []\n");
    const Transcript run = play(test_pack(), start, {"2", "n", "1"});
    ASSERT_GE(run.asked.size(), 3U);
    EXPECT_EQ(run.asked[0], "swelling"); // 2: one_leg
    EXPECT_EQ(run.asked[1], "swelling_onset");
    EXPECT_EQ(run.asked[2], "swelling_onset");
    EXPECT_EQ(run.turns[1].result, TurnResult::not_an_answer);
    EXPECT_EQ(run.turns[1].message,
              "'n' is no answer to this question: choose one of new, longstanding (by number or "
              "name), or u if it is not known");
    EXPECT_EQ(run.turns[2].result, TurnResult::answered); // 1: new, a clot sign
    EXPECT_EQ(run.report.established, Level::do_not_massage);
}

TEST(InterviewTurn, UnknownIsNotAskedAgain) {
    const Transcript run = play(test_pack(), leg_massage(), {"n", "u", "n", "n"});
    EXPECT_EQ(std::count(run.asked.begin(), run.asked.end(), "leg_warmth"), 1);
}

TEST(InterviewTurn, StoppedPartWayIsIncompleteNeverProceed) {
    const Transcript run = play(test_pack(), leg_massage(), {"n", "n"});
    EXPECT_TRUE(run.stopped);
    EXPECT_EQ(run.asked.back(), "weeks_since_surgery");
    EXPECT_EQ(run.report.verdict, Verdict::incomplete);
}

TEST(InterviewTurn, StoppedAfterAReferralKeepsTheReferral) {
    Profile start = leg_massage();
    start.answers[*test_pack().find_fact("heart_condition")] = Value::of_choice(1) /* yes */;
    const Transcript run = play(test_pack(), std::move(start), {"n"});
    EXPECT_TRUE(run.stopped);
    EXPECT_EQ(run.report.verdict, Verdict::postpone_and_refer);
}

TEST(InterviewTurn, AScreeningQuestionTakesYNOrUOnly) {
    Interview interview(bundled_pack(), empty_profile(bundled_pack()));
    std::optional<InterviewQuestion> question = interview.next_question();
    while (question && !question->is_screening) {
        interview.skip(question->index);
        question = interview.next_question();
    }
    ASSERT_TRUE(question) << "the bundled pack has screening questions";
    const InterviewQuestion screening = *question;
    const Turn wrong = take_turn(bundled_pack(), interview, screening, "maybe");
    EXPECT_EQ(wrong.result, TurnResult::not_an_answer);
    EXPECT_EQ(wrong.message, "Type y (yes, to any of these), n (none of these) or u (not sure)");
    ASSERT_TRUE(interview.next_question());
    EXPECT_TRUE(interview.next_question()->is_screening);
    EXPECT_EQ(interview.next_question()->index, screening.index);
    EXPECT_EQ(take_turn(bundled_pack(), interview, screening, "n").result, TurnResult::answered);
    const auto after = interview.next_question();
    EXPECT_FALSE(after && after->is_screening && after->index == screening.index);
}

} // namespace
} // namespace contra

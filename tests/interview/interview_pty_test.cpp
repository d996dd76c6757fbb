// `contra interview` end to end, as a practitioner uses it: the real binary on a
// pseudo-terminal, so that line editing (libedit) and completion are exercised too.

#include "scratch_path.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <pty.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace {

using contra::testing::scratch_path;

class PtySession {
  public:
    explicit PtySession(std::vector<std::string> args) {
        m_pid = forkpty(&m_fd, nullptr, nullptr, nullptr);
        if (m_pid == 0) {
            setenv("TERM", "xterm", 1);
            setenv("NO_COLOR", "1", 1);
            std::vector<char*> argv{const_cast<char*>(CONTRA_BINARY)};
            for (std::string& arg : args) {
                argv.push_back(arg.data());
            }
            argv.push_back(nullptr);
            execv(CONTRA_BINARY, argv.data());
            _exit(127);
        }
    }
    ~PtySession() {
        if (m_pid > 0 && !m_exited) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
        close(m_fd);
    }
    PtySession(const PtySession&) = delete;
    PtySession& operator=(const PtySession&) = delete;

    /// Reads until `text` appears at or after the cursor, and moves the cursor past it; false
    /// at the end of the output or after 20 s.
    bool wait_for(const std::string& text) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (m_output.find(text, m_cursor) == std::string::npos) {
            if (!read_some(deadline)) {
                return false;
            }
        }
        m_cursor = m_output.find(text, m_cursor) + text.size();
        return true;
    }
    /// The line the cursor is on (after wait_for: the prompt just found).
    [[nodiscard]] std::string current_line() const {
        const auto start = m_output.rfind('\n', m_cursor == 0 ? 0 : m_cursor - 1);
        return m_output.substr(start == std::string::npos ? 0 : start + 1,
                               m_cursor - (start == std::string::npos ? 0 : start + 1));
    }
    void send(const std::string& keys) {
        ASSERT_EQ(write(m_fd, keys.data(), keys.size()), static_cast<ssize_t>(keys.size()));
    }
    /// Sends a control key once the line editor reads the terminal: a key that arrives while
    /// the prompt is still being set up may be taken by the terminal's own line discipline.
    void send_control(const std::string& key) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        send(key);
    }
    /// Reads to the end and returns the exit code; -1 for a contra that had not exited 20 s
    /// later (it is killed, so a hang fails the test instead of stalling the suite).
    int finish() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (read_some(deadline)) {
        }
        int status = 0;
        while (waitpid(m_pid, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                kill(m_pid, SIGKILL);
                waitpid(m_pid, &status, 0);
                m_exited = true;
                return -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        m_exited = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    [[nodiscard]] const std::string& output() const { return m_output; }

  private:
    bool read_some(std::chrono::steady_clock::time_point deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        pollfd descriptor{m_fd, POLLIN, 0};
        if (poll(&descriptor, 1, static_cast<int>(left.count())) <= 0) {
            return false;
        }
        char buffer[4096];
        const ssize_t got = read(m_fd, buffer, sizeof buffer);
        if (got <= 0) {
            return false; // EIO once the child has exited
        }
        m_output.append(buffer, static_cast<std::size_t>(got));
        return true;
    }

    pid_t m_pid = -1;
    int m_fd = -1;
    bool m_exited = false;
    std::string m_output;
    std::size_t m_cursor = 0;
};

// Answers every question as a healthy client would: n (no, none), except the age, typed.
// Returns the number of prompts answered.
int answer_healthy(PtySession& session, const std::string& age = "40") {
    int prompts = 0;
    while (session.wait_for("> ")) {
        const std::string prompt = session.current_line();
        session.send(prompt == "age_years> " ? age + "\r" : "n\r");
        ++prompts;
    }
    return prompts;
}

TEST(InterviewPty, AYesToTheEmergencyScreenThenBreathlessnessEndsItAtOnce) {
    PtySession session({"interview", "--modality", "vascular_leg_massage"});
    ASSERT_TRUE(session.wait_for("emergency_signs> ")) << session.output();
    session.send("y\r");
    ASSERT_TRUE(session.wait_for("sudden_breathlessness> ")) << session.output();
    session.send("y\r");
    EXPECT_EQ(session.finish(), 4);
    EXPECT_NE(session.output().find("EMERGENCY"), std::string::npos);
    EXPECT_NE(session.output().find("Call emergency services now"), std::string::npos);
    EXPECT_EQ(session.output().find("chest_pain> "), std::string::npos); // nothing more asked
}

TEST(InterviewPty, AHealthyClientAnsweringNoReachesProceedWithinFifteenPromptsInEveryModality) {
    for (const char* modality : {"vascular_leg_massage",
                                 "mld_legs",
                                 "mld_body",
                                 "lymphatic_facial",
                                 "spider_vein_massage"}) {
        PtySession session({"interview", "--modality", modality});
        const int prompts = answer_healthy(session);
        EXPECT_EQ(session.finish(), 0) << modality << "\n" << session.output();
        EXPECT_NE(session.output().find("PROCEED"), std::string::npos);
        EXPECT_EQ(session.output().find("PRECAUTIONS"), std::string::npos) << session.output();
        EXPECT_LE(prompts, 15) << modality;
        std::printf("healthy client, %s: %d prompts\n", modality, prompts);
    }
}

// Answers yes to the emergency screen, then no to each sign but `sign`, which gets yes: the
// prompts asked before it, space-separated.
std::string answer_emergency_sign(PtySession& session, const std::string& sign) {
    std::string asked;
    while (session.wait_for("> ")) {
        const std::string prompt = session.current_line();
        asked += prompt + " ";
        const bool yes = prompt == "emergency_signs> " || prompt == sign + "> ";
        session.send(yes ? "y\r" : "n\r");
        if (prompt == sign + "> ") {
            break;
        }
    }
    return asked;
}

TEST(InterviewPty, TheLegEmergenciesAreAskedWithTheEmergencySignsAndEndItAtOnce) {
    for (const char* sign : {"acute_limb_ischaemia_signs", "varicose_vein_bleeding"}) {
        PtySession session({"interview", "--modality", "vascular_leg_massage"});
        const std::string asked = answer_emergency_sign(session, sign);
        EXPECT_NE(asked.find(std::string(sign) + "> "), std::string::npos) << asked;
        // Not gated: neither cold feet nor varicose veins is asked first.
        EXPECT_EQ(asked.find("cold_numb_tingling_feet> "), std::string::npos) << asked;
        EXPECT_EQ(asked.find("varicose_vein_sites> "), std::string::npos) << asked;
        EXPECT_EQ(session.finish(), 4) << sign << "\n" << session.output();
        EXPECT_NE(session.output().find("EMERGENCY"), std::string::npos) << session.output();
    }
}

TEST(InterviewPty, UnknownToBloodThinnersKeepsTheAssumptionAndGivesPrecautions) {
    PtySession session({"interview", "--modality", "vascular_leg_massage"});
    while (session.wait_for("> ")) {
        const std::string prompt = session.current_line();
        if (prompt == "medicines> ") {
            session.send("y\r");
        } else if (prompt == "anticoagulant> ") {
            session.send("u\r");
        } else {
            session.send(prompt == "age_years> " ? "40\r" : "n\r");
        }
    }
    EXPECT_EQ(session.finish(), 1) << session.output();
    EXPECT_NE(session.output().find("anticoagulant"), std::string::npos);
    // The precaution rests on the assumption, and the report says so and what would settle it.
    EXPECT_NE(session.output().find("assumed:"), std::string::npos) << session.output();
    EXPECT_NE(session.output().find("To settle it, ask: "), std::string::npos) << session.output();
}

TEST(InterviewPty, PregnancyIsAskedBeforeItsFollowUps) {
    PtySession session({"interview", "--modality", "mld_body"});
    bool pregnancy_asked = false;
    bool follow_up_asked = false;
    while (session.wait_for("> ")) {
        const std::string prompt = session.current_line();
        if (prompt == "pregnancy_status> ") {
            EXPECT_FALSE(follow_up_asked);
            pregnancy_asked = true;
            session.send("trimester_2\r");
        } else if (prompt == "preeclampsia_signs> " || prompt == "high_risk_pregnancy> ") {
            EXPECT_TRUE(pregnancy_asked) << session.output();
            follow_up_asked = true;
            session.send("n\r");
        } else {
            session.send(prompt == "age_years> " ? "40\r" : "n\r");
        }
    }
    session.finish();
    EXPECT_TRUE(pregnancy_asked);
    EXPECT_TRUE(follow_up_asked) << session.output();
}

TEST(InterviewPty, VaricoseVeinsOnTheLeftCalfThenTwistedOrBulgingIsAsked) {
    PtySession session({"interview", "--modality", "vascular_leg_massage"});
    bool twisted_asked = false;
    while (session.wait_for("> ")) {
        const std::string prompt = session.current_line();
        if (prompt == "vein_problems> ") {
            session.send("y\r");
        } else if (prompt == "varicose_vein_sites> ") {
            session.send("calf_left\r");
        } else if (prompt == "varicose_twisted_bulging> ") {
            twisted_asked = true;
            session.send("n\r");
        } else {
            session.send(prompt == "age_years> " ? "40\r" : "n\r");
        }
    }
    session.finish();
    EXPECT_TRUE(twisted_asked) << session.output();
    EXPECT_EQ(session.output().find("foot_left"), std::string::npos) << session.output();
}

TEST(InterviewPty, CtrlCPartWaySavesTheAnswersMarkedUnfinished) {
    const auto saved = scratch_path("interview_ctrl_c.json");
    std::filesystem::remove(saved);
    PtySession session({"interview", "--modality", "mld_legs", "--save", saved.string()});
    ASSERT_TRUE(session.wait_for("emergency_signs> "));
    session.send("n\r");
    ASSERT_TRUE(session.wait_for("> "));
    session.send_control("\x03");
    EXPECT_EQ(session.finish(), 5) << session.output();
    EXPECT_NE(session.output().find("marked unfinished"), std::string::npos) << session.output();
    std::ifstream file(saved);
    const std::string answers{std::istreambuf_iterator<char>(file), {}};
    EXPECT_NE(answers.find("\"_interview\": \"unfinished\""), std::string::npos) << answers;
    EXPECT_NE(answers.find("\"chest_pain\": \"no\""), std::string::npos) << answers;
    EXPECT_NE(answers.find("\"modality\": \"mld_legs\""), std::string::npos) << answers;
    std::filesystem::remove(saved);
}

TEST(InterviewPty, CtrlDWithoutSaveSaysTheAnswersWereNotSaved) {
    PtySession session({"interview", "--modality", "mld_legs"});
    ASSERT_TRUE(session.wait_for("emergency_signs> "));
    session.send_control("\x04");
    EXPECT_EQ(session.finish(), 5);
    EXPECT_NE(session.output().find("were NOT saved"), std::string::npos) << session.output();
}

TEST(InterviewPty, AnExistingSaveFileIsRefusedBeforeTheFirstQuestion) {
    const auto saved = scratch_path("interview_exists.json");
    std::ofstream(saved) << "{}";
    PtySession session({"interview", "--save", saved.string()});
    EXPECT_EQ(session.finish(), 73);
    EXPECT_NE(session.output().find("--force"), std::string::npos) << session.output();
    EXPECT_EQ(session.output().find("> "), std::string::npos);
    std::filesystem::remove(saved);
}

TEST(InterviewPty, WhyNamesRuleTitlesAndBackKeepsTheNumbering) {
    PtySession session({"interview", "--modality", "vascular_leg_massage"});
    ASSERT_TRUE(session.wait_for("emergency_signs> "));
    session.send("?\r");
    ASSERT_TRUE(session.wait_for("Your answer can change: "));
    EXPECT_EQ(session.output().find(".yaml"), std::string::npos);
    ASSERT_TRUE(session.wait_for("emergency_signs> "));
    session.send("n\r");
    ASSERT_TRUE(session.wait_for("\n2. "));
    ASSERT_TRUE(session.wait_for("> "));
    session.send("b\r");
    ASSERT_TRUE(session.wait_for("\n1. ")) << session.output(); // not 3
    ASSERT_TRUE(session.wait_for("emergency_signs> "));
}

TEST(InterviewPty, AStartingProfileIsNotAskedAgain) {
    const auto start = scratch_path("interview_start.yaml");
    std::ofstream(start) << "sudden_breathlessness: \"no\"\nchest_pain: \"no\"\n";
    PtySession session({"interview", start.string()});
    ASSERT_TRUE(session.wait_for("> "));
    EXPECT_EQ(session.output().find("sudden_breathlessness> "), std::string::npos);
    EXPECT_EQ(session.output().find("chest_pain> "), std::string::npos);
    std::filesystem::remove(start);
}

} // namespace

namespace {

// Answers like answer_healthy, at most `limit` prompts (an interview that asked more would be
// looping), and returns the id of each prompt in order.
std::vector<std::string> answer_healthy_at_most(PtySession& session, std::size_t limit) {
    std::vector<std::string> asked;
    while (asked.size() < limit && session.wait_for("> ")) {
        std::string prompt = session.current_line();
        session.send(prompt == "age_years> " ? "40\r" : "n\r");
        asked.push_back(prompt.substr(0, prompt.size() - 2));
    }
    return asked;
}

std::string file_text(const std::filesystem::path& path) {
    std::ifstream file(path);
    return {std::istreambuf_iterator<char>(file), {}};
}

TEST(InterviewPty, ASecondVisitKeepsWhatStillHoldsAndAsksAgainOnlyWhatExpired) {
    const auto first = scratch_path("interview_visit_1.json");
    const auto second = scratch_path("interview_visit_2.json");
    std::filesystem::remove(first);
    std::filesystem::remove(second);
    {
        PtySession visit({"interview",
                          "--modality",
                          "vascular_leg_massage",
                          "--today",
                          "2026-11-06",
                          "--save",
                          first.string()});
        const auto asked = answer_healthy_at_most(visit, 40);
        EXPECT_LT(asked.size(), 40U);
        EXPECT_EQ(visit.finish(), 0) << visit.output();
    }
    const std::string saved = file_text(first);
    EXPECT_NE(saved.find("\"answered_on\": \"2026-11-06\""), std::string::npos) << saved;
    EXPECT_NE(saved.find("\"sha256\": "), std::string::npos) << saved;
    EXPECT_NE(saved.find("\"question_digests\""), std::string::npos) << saved;

    PtySession visit({"interview",
                      first.string(),
                      "--modality",
                      "vascular_leg_massage",
                      "--today",
                      "2026-12-04",
                      "--save",
                      second.string()});
    ASSERT_TRUE(visit.wait_for("Kept ")) << visit.output();
    ASSERT_TRUE(visit.wait_for("have expired (given 2026-11-06): asked again.")) << visit.output();
    const auto asked = answer_healthy_at_most(visit, 40);
    EXPECT_EQ(visit.finish(), 0) << visit.output();
    // The emergency and DVT screens hold for a visit only: asked again. Age and history hold.
    EXPECT_NE(std::find(asked.begin(), asked.end(), "emergency_signs"), asked.end());
    for (const char* kept :
         {"age_years", "previous_dvt_or_pe", "clotting_disorder_or_family_vte"}) {
        EXPECT_EQ(std::find(asked.begin(), asked.end(), kept), asked.end()) << kept;
    }
    const std::string next = file_text(second);
    EXPECT_NE(next.find("\"answered_on\": \"2026-12-04\""), std::string::npos) << next;
    EXPECT_NE(next.find("\"previous_dvt_or_pe\": \"2026-11-06\""), std::string::npos) << next;

    // The same day again: nothing has expired, so the screens are not asked again (only
    // optional questions that "n" leaves unrecorded may be offered again).
    PtySession same_day({"interview", second.string(), "--today", "2026-12-04"});
    const auto asked_again = answer_healthy_at_most(same_day, 5);
    EXPECT_EQ(same_day.finish(), 0) << same_day.output();
    EXPECT_EQ(std::find(asked_again.begin(), asked_again.end(), "emergency_signs"),
              asked_again.end())
        << same_day.output();
    EXPECT_LT(asked_again.size(), asked.size());
    std::filesystem::remove(first);
    std::filesystem::remove(second);
}

} // namespace

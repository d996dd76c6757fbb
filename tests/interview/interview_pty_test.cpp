// `contra interview` end to end, as a practitioner uses it: the real binary on a
// pseudo-terminal, so that line editing (libedit) and completion are exercised too.

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <pty.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

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
    /// Reads to the end and returns the exit code.
    int finish() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (read_some(deadline)) {
        }
        int status = 0;
        waitpid(m_pid, &status, 0);
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

TEST(InterviewPty, SuddenBreathlessnessEndsItAtOnceWithTheEmergencyInstructions) {
    PtySession session({"interview"});
    ASSERT_TRUE(session.wait_for("sudden_breathlessness> ")) << session.output();
    session.send("y\r");
    EXPECT_EQ(session.finish(), 4);
    EXPECT_NE(session.output().find("EMERGENCY"), std::string::npos);
    EXPECT_NE(session.output().find("Call emergency services now"), std::string::npos);
    EXPECT_EQ(session.output().find("chest_pain> "), std::string::npos); // nothing more asked
}

TEST(InterviewPty, WhyAndBackThenAnsweringToTheEndGivesAVerdictAndSavesTheAnswers) {
    const auto saved = std::filesystem::temp_directory_path() / "contra_interview_saved.json";
    std::filesystem::remove(saved);
    PtySession session({"interview", "--save", saved.string()});
    ASSERT_TRUE(session.wait_for("sudden_breathlessness> "));
    session.send("?\r");
    ASSERT_TRUE(session.wait_for("Why: "));
    ASSERT_TRUE(session.wait_for("sudden_breathlessness> ")); // asked again
    session.send("n\r");
    ASSERT_TRUE(session.wait_for("chest_pain> "));
    session.send("b\r");
    ASSERT_TRUE(session.wait_for("sudden_breathlessness> ")); // back one question
    session.send("n\r");
    // Every further question: no, none, the first choice; one site list by Tab completion.
    bool completed_sites = false;
    for (int i = 0; i < 300 && session.wait_for("> "); ++i) {
        const std::string prompt = session.current_line();
        if (prompt == "modality> ") {
            session.send("mld_l\r"); // a name prefix
        } else if (prompt.find("_sites> ") != std::string::npos && !completed_sites) {
            session.send("calf_le\t,ankle_le\t\r");
            completed_sites = true;
        } else {
            session.send("n\r"); // no, or none
        }
    }
    const int code = session.finish();
    EXPECT_GE(code, 0);
    EXPECT_LE(code, 5);
    EXPECT_TRUE(completed_sites);
    std::ifstream file(saved);
    const std::string answers{std::istreambuf_iterator<char>(file), {}};
    EXPECT_NE(answers.find("\"sudden_breathlessness\": \"no\""), std::string::npos) << answers;
    EXPECT_NE(answers.find("\"modality\": \"mld_legs\""), std::string::npos) << answers;
    // "calf_le" and "ankle_le" are no site ids: only Tab completion makes these answers valid.
    EXPECT_NE(answers.find("\"calf_left\""), std::string::npos) << answers;
    EXPECT_NE(answers.find("\"ankle_left\""), std::string::npos) << answers;
    std::filesystem::remove(saved);
}

TEST(InterviewPty, AStartingProfileIsNotAskedAgain) {
    const auto start = std::filesystem::temp_directory_path() / "contra_interview_start.yaml";
    std::ofstream(start) << "sudden_breathlessness: \"no\"\nchest_pain: \"no\"\n";
    PtySession session({"interview", start.string()});
    ASSERT_TRUE(session.wait_for("> "));
    EXPECT_EQ(session.output().find("sudden_breathlessness> "), std::string::npos);
    EXPECT_EQ(session.output().find("chest_pain> "), std::string::npos);
    std::filesystem::remove(start);
}

} // namespace

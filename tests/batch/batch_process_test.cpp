// `contra batch` as a process, where the operating system is part of the behaviour: standard
// output that fails (a full device, a closed descriptor, a reader that went away), SIGINT and
// SIGTERM in the middle of a batch, peak memory with big records, and threads that cannot start.
#include "file_contents.hpp"
#include "scratch_path.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <grp.h>
#include <regex>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using contra::testing::file_contents;
using contra::testing::scratch_path;

const std::string k_emergency = R"({"sudden_breathlessness": "yes"})"
                                "\n";

struct Ended {
    int code = -1;  ///< the exit status; -1 when ended by a signal
    int signal = 0; ///< the signal that ended it, if one did
    long peak_kib = 0;
};

// Starts contra with `args` on the given descriptors (-1 for stdout: closed); `in_child` runs
// in the child just before exec.
pid_t start_contra(const std::vector<std::string>& args,
                   int in,
                   int out,
                   int err,
                   const std::function<void()>& in_child = {}) {
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(in, STDIN_FILENO);
        if (out >= 0) {
            dup2(out, STDOUT_FILENO);
        } else {
            close(STDOUT_FILENO);
        }
        dup2(err, STDERR_FILENO);
        for (const int signal : {SIGINT, SIGTERM, SIGPIPE}) {
            std::signal(signal, SIG_DFL);
        }
        if (in_child) {
            in_child();
        }
        std::vector<const char*> argv{CONTRA_BINARY, "batch"};
        for (const std::string& arg : args) {
            argv.push_back(arg.c_str());
        }
        argv.push_back(nullptr);
        execv(CONTRA_BINARY, const_cast<char* const*>(argv.data()));
        _exit(127);
    }
    return pid;
}

Ended wait_for(pid_t pid) {
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    Ended ended;
    ended.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    ended.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    ended.peak_kib = usage.ru_maxrss;
    return ended;
}

std::size_t lines_in(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Reads a descriptor to its end on a thread of its own.
class Drain {
  public:
    explicit Drain(int fd) : m_thread([this, fd] { run(fd); }) {}
    ~Drain() { join(); }
    Drain(const Drain&) = delete;
    Drain& operator=(const Drain&) = delete;

    void join() {
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    [[nodiscard]] std::size_t bytes() const { return m_bytes.load(); }
    [[nodiscard]] const std::string& text() const { return m_text; } ///< after join()

  private:
    void run(int fd) {
        std::vector<char> buffer(1 << 16);
        for (ssize_t got; (got = read(fd, buffer.data(), buffer.size())) > 0;) {
            m_text.append(buffer.data(), static_cast<std::size_t>(got));
            m_bytes += static_cast<std::size_t>(got);
        }
        close(fd);
    }

    std::string m_text;
    std::atomic<std::size_t> m_bytes{0};
    std::thread m_thread;
};

// Writes `record` over and over to a pipe until `limit` bytes or until the reader is gone;
// returns how many bytes went in.
std::size_t feed(int fd, const std::string& record, std::size_t limit) {
    std::string block;
    while (block.size() < (1U << 16)) {
        block += record;
    }
    std::size_t written = 0;
    while (written < limit) {
        const ssize_t done = write(fd, block.data(), block.size());
        if (done <= 0) {
            break;
        }
        written += static_cast<std::size_t>(done);
    }
    close(fd);
    return written;
}

class BatchProcess : public ::testing::Test {
  protected:
    void SetUp() override {
        std::signal(SIGPIPE, SIG_IGN); // this process's writes to a dead pipe fail instead
        m_dir = scratch_path(std::string("batch_") +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(m_dir);
        fs::permissions(m_dir, fs::perms::all, fs::perm_options::add); // for the uid of a test
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path write(const std::string& name, const std::string& record, std::size_t count) {
        const fs::path path = m_dir / name;
        std::ofstream out(path, std::ios::binary);
        for (std::size_t i = 0; i < count; ++i) {
            out << record;
        }
        fs::permissions(path, fs::perms::others_read, fs::perm_options::add);
        return path;
    }
    int open_stderr() const {
        return open((m_dir / "stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
    }
    std::string said() const { return file_contents(m_dir / "stderr"); }

    // Runs a batch of `input` with standard output to `out` (-1: closed).
    Ended run_to(const fs::path& input,
                 int out,
                 const std::vector<std::string>& options = {},
                 const std::function<void()>& in_child = {}) {
        const int in = open("/dev/null", O_RDONLY);
        const int err = open_stderr();
        std::vector<std::string> args{input.string()};
        args.insert(args.end(), options.begin(), options.end());
        const Ended ended = wait_for(start_contra(args, in, out, err, in_child));
        close(in);
        close(err);
        return ended;
    }

    fs::path m_dir;
};

TEST_F(BatchProcess, AFullDeviceStopsTheBatchWithTheReasonAnd73) {
    const fs::path input = write("in.ndjson", k_emergency, 2000);
    for (const char* jobs : {"1", "2"}) {
        const int full = open("/dev/full", O_WRONLY);
        const Ended ended = run_to(input, full, {"--jobs", jobs});
        close(full);
        EXPECT_EQ(ended.code, 73) << jobs;
        EXPECT_EQ(said(), "contra: cannot write standard output: No space left on device\n")
            << "never a summary of success";
    }
}

TEST_F(BatchProcess, AClosedStandardOutputIs73) {
    const Ended ended = run_to(write("in.ndjson", k_emergency, 10), -1);
    EXPECT_EQ(ended.code, 73);
    EXPECT_EQ(said().rfind("contra: cannot write standard output: ", 0), 0U) << said();
    EXPECT_EQ(said().find("profiles in"), std::string::npos) << said();
}

// `contra batch | head -1` where SIGPIPE is ignored (a service manager, Python's subprocess):
// the writes fail with EPIPE. The batch must stop at once, not screen the rest into nothing.
TEST_F(BatchProcess, AReaderThatGoesAwayStopsTheBatchQuietlyWith73WhenSigpipeIsIgnored) {
    int input[2];
    int output[2];
    ASSERT_EQ(pipe(input), 0);
    ASSERT_EQ(pipe(output), 0);
    const int err = open_stderr();
    const pid_t pid =
        start_contra({"-", "--input-format", "ndjson"}, input[0], output[1], err, [&] {
            close(input[1]);
            close(output[0]);
            std::signal(SIGPIPE, SIG_IGN);
        });
    close(input[0]);
    close(output[1]);
    close(err);
    std::thread head([fd = output[0]] { // reads one line, as `head -1` does, and goes
        for (char c = 0; read(fd, &c, 1) == 1 && c != '\n';) {
        }
        close(fd);
    });
    constexpr std::size_t total = 8U << 20; // about 250,000 records
    const std::size_t fed = feed(input[1], k_emergency, total);
    head.join();
    const Ended ended = wait_for(pid);
    EXPECT_EQ(ended.code, 73);
    EXPECT_EQ(said(), "") << "a reader that went away is not an error worth a message";
    EXPECT_LT(fed, total / 8) << "the batch went on reading after its output was gone";
}

TEST_F(BatchProcess, WithSigpipeAtItsDefaultABrokenPipeEndsContraAsItEndsAnyFilter) {
    int output[2];
    ASSERT_EQ(pipe(output), 0);
    close(output[0]);
    const Ended ended = run_to(write("in.ndjson", k_emergency, 2000), output[1]);
    close(output[1]);
    EXPECT_EQ(ended.signal, SIGPIPE);
}

TEST_F(BatchProcess, SigtermOrSigintMidBatchLeavesWholeLinesAndSaysHowManyWereChecked) {
    for (const int signal : {SIGTERM, SIGINT}) {
        int input[2];
        int output[2];
        ASSERT_EQ(pipe(input), 0);
        ASSERT_EQ(pipe(output), 0);
        const int err = open_stderr();
        const pid_t pid = start_contra(
            {"-", "--input-format", "ndjson", "--jobs", "2"}, input[0], output[1], err, [&] {
                close(input[1]);
                close(output[0]);
            });
        close(input[0]);
        close(output[1]);
        close(err);
        Drain out(output[0]);
        std::thread feeder([fd = input[1]] { feed(fd, k_emergency, 1U << 30); });
        while (out.bytes() < 1000) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        kill(pid, signal);
        const Ended ended = wait_for(pid);
        feeder.join();
        out.join();
        EXPECT_EQ(ended.code, 128 + signal) << "signal " << signal;
        ASSERT_FALSE(out.text().empty());
        EXPECT_EQ(out.text().back(), '\n') << "the last line is whole";
        std::smatch count;
        const std::string text = said();
        ASSERT_TRUE(std::regex_search(text, count, std::regex("after ([0-9]+) profiles"))) << text;
        EXPECT_EQ(std::stoul(count[1]), lines_in(out.text()));
        EXPECT_NE(text.find(signal == SIGTERM ? "stopped by SIGTERM" : "stopped by SIGINT"),
                  std::string::npos)
            << text;
    }
}

#ifndef CONTRA_SANITIZED
// docs/batch.md: with 1 MB records and --jobs 8, contra batch stays under 64 MB.
TEST_F(BatchProcess, OneMegabyteRecordsWithEightJobsStayUnderTheMemoryBound) {
    const std::string big =
        R"({"sudden_breathlessness": )" + std::string(1'000'000, ' ') + "\"yes\"}\n";
    const fs::path input = write("big.ndjson", big, 96);
    const int null = open("/dev/null", O_WRONLY);
    const Ended ended = run_to(input, null, {"--jobs", "8"});
    close(null);
    EXPECT_EQ(ended.code, 4) << said();
    EXPECT_LT(ended.peak_kib, 64 * 1024);
}
#endif

// RLIMIT_NPROC counts the threads of a user; root is exempt, so the batch runs as nobody.
void limit_threads(rlim_t processes) {
#ifdef CONTRA_SANITIZED
    // LeakSanitizer checks at exit from a thread of its own, which the limit forbids.
    setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
#endif
    const rlimit limit{processes, processes};
    if (setrlimit(RLIMIT_NPROC, &limit) != 0) {
        _exit(125);
    }
    if (geteuid() == 0) {
        constexpr uid_t nobody = 65534;
        if (setgroups(0, nullptr) != 0 || setgid(nobody) != 0 || setuid(nobody) != 0) {
            _exit(125);
        }
        // A checkout in a private folder (mktemp -d is 0700) is out of nobody's reach.
        if (access(CONTRA_BINARY, X_OK) != 0) {
            _exit(125);
        }
    }
}

TEST_F(BatchProcess, WhenThreadsCannotStartTheBatchRunsOnThoseThatDidAndSaysSo) {
    const fs::path input = write("in.ndjson", k_emergency, 600);
    const fs::path output = m_dir / "out.ndjson";
    for (const rlim_t processes : {rlim_t{1}, rlim_t{3}}) {
        if (processes > 1 && geteuid() != 0) {
            continue; // how many processes the user already has is not known
        }
        const int out = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
        const Ended ended =
            run_to(input, out, {"--jobs", "8"}, [processes] { limit_threads(processes); });
        close(out);
        if (ended.code == 125) {
            GTEST_SKIP() << "cannot lower the process limit here, or nobody cannot run the binary";
        }
        EXPECT_EQ(ended.code, 4) << said();
        EXPECT_EQ(lines_in(file_contents(output)), 600U);
        const std::string text = said();
        EXPECT_NE(text.find(processes == 1 ? "no worker thread could start ("
                                           : "only 2 of 8 worker threads could start ("),
                  std::string::npos)
            << text;
        EXPECT_NE(text.find("600 profiles in"), std::string::npos) << text;
    }
}

} // namespace

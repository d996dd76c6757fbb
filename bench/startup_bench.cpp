// Measures what one `contra check` costs against `contra --version`, the floor of starting the
// program: wall time (medians, side by side, runs interleaved so machine noise hits both) and
// peak resident memory. Prints the figures issue #2 asks for.
//
//   contra-startup-bench CONTRA_BINARY PROFILE [RUNS]

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

struct Sample {
    double milliseconds;
    long max_rss_kib;
};

Sample run_once(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& arg : args) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        fmt::print(stderr, "cannot run {}\n", args[0]);
        std::exit(1);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const auto stop = std::chrono::steady_clock::now();
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 5) {
        fmt::print(stderr, "{} failed (status {})\n", args[0], status);
        std::exit(1);
    }
    return {std::chrono::duration<double, std::milli>(stop - start).count(), usage.ru_maxrss};
}

// A peak RSS in KiB as MiB: far below 2^53 KiB, so exact in a double.
double mib(long kib) {
    return static_cast<double>(kib) / 1024.0;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        fmt::print(stderr, "usage: contra-startup-bench CONTRA_BINARY PROFILE [RUNS]\n");
        return 64;
    }
    const std::string binary = argv[1];
    const std::string profile = argv[2];
    const int runs = argc > 3 ? std::stoi(argv[3]) : 300;
    const std::vector<std::string> version{binary, "--version"};
    const std::vector<std::string> check{binary, "check", profile, "--format", "json"};
    for (int i = 0; i < 20; ++i) { // warm the page cache
        run_once(version);
        run_once(check);
    }
    std::vector<double> version_ms;
    std::vector<double> check_ms;
    long version_rss = 0;
    long check_rss = 0;
    for (int i = 0; i < runs; ++i) {
        const bool version_first = i % 2 == 0;
        const Sample a = run_once(version_first ? version : check);
        const Sample b = run_once(version_first ? check : version);
        const Sample& v = version_first ? a : b;
        const Sample& c = version_first ? b : a;
        version_ms.push_back(v.milliseconds);
        check_ms.push_back(c.milliseconds);
        version_rss = std::max(version_rss, v.max_rss_kib);
        check_rss = std::max(check_rss, c.max_rss_kib);
    }
    const double version_median = median(version_ms);
    const double check_median = median(check_ms);
    fmt::print("runs: {} of each, interleaved\n", runs);
    fmt::print("contra --version                 median {:.3f} ms   peak RSS {:.1f} MB\n",
               version_median,
               mib(version_rss));
    fmt::print("contra check PROFILE --format json median {:.3f} ms   peak RSS {:.1f} MB\n",
               check_median,
               mib(check_rss));
    fmt::print("ratio check / version: {:.3f} (target at most 1.3)\n",
               check_median / version_median);
    fmt::print("peak memory of a check: {:.1f} MB (target under 10 MB)\n", mib(check_rss));
    return 0;
}

// Throughput and bytes per line of `contra batch --jobs 1`, side by side in one run, for
// partly answered profiles (a modality and 0-3 other answers, as an intake form is when a
// client has only begun it) and for fully answered ones, each with `--detail ids` and with the
// full output. The runs are interleaved, output goes to /dev/null, and medians are reported:
// of the rate by the clock, and of the rate per second of CPU time the process used (on a
// machine shared with other work the clock also counts time contra waited for the core).
// Run it pinned to one core, so that the figure is one core's:
//
//   taskset -c 0 contra-batch-detail-bench CONTRA[,CONTRA...] PROFILES [RUNS] [FOLDER]
//
// Several binaries, comma-separated (say, before and after a change), are run in turn on each
// input, so that each round of the comparison shares the machine's state. The two inputs are
// written to FOLDER (default: the current folder).
#include "cli/bundled_pack.hpp"
#include "output/answer_json.hpp"
#include "pack/pack_codec.hpp"
#include "profile_generator.hpp"

#include <fmt/format.h>
#include <fmt/os.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <functional>
#include <random>
#include <string>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

using contra::Fact;
using contra::RulePack;

struct Case {
    std::string contra;
    std::string name;
    std::string input;
    std::string detail;
    std::vector<double> rates;
    std::vector<double> cpu_rates; ///< profiles per second of CPU time (user + system)
    double bytes_per_line = 0;
};

double seconds_of(const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
}

// Runs `contra batch INPUT --jobs 1 --detail DETAIL` with its output into `out_fd`; exits the
// bench when contra fails (a verdict's exit code is fine). Returns the CPU seconds it used.
double run_contra(const Case& run, int out_fd) {
    const std::string& contra = run.contra;
    const pid_t child = fork();
    if (child == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(out_fd, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execl(contra.c_str(),
              contra.c_str(),
              "batch",
              run.input.c_str(),
              "--jobs",
              "1",
              "--detail",
              run.detail.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code < 0 || code > 5) {
        fmt::print(stderr, "contra batch {} --detail {} exited {}\n", run.input, run.detail, code);
        std::exit(EXIT_FAILURE);
    }
    return seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
}

struct Timing {
    double wall = 0;
    double cpu = 0;
};

Timing time_of(const Case& run) {
    const int null = open("/dev/null", O_WRONLY);
    const auto start = std::chrono::steady_clock::now();
    Timing timing;
    timing.cpu = run_contra(run, null);
    timing.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    close(null);
    return timing;
}

// One more run, its output into a file, to count the bytes it wrote.
double bytes_per_line(const Case& run, std::size_t profiles) {
    const std::string path = run.input + "." + run.detail + ".out";
    const int file = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    run_contra(run, file);
    const off_t size = lseek(file, 0, SEEK_END);
    close(file);
    unlink(path.c_str());
    return static_cast<double>(size) / static_cast<double>(profiles);
}

void write_profiles(const std::string& path,
                    std::size_t profiles,
                    const std::function<nlohmann::ordered_json()>& make) {
    auto out = fmt::output_file(path);
    for (std::size_t i = 0; i < profiles; ++i) {
        out.print("{}\n", make().dump());
    }
}

// A modality and 0-3 other answers, quiet-leaning with 30% random.
nlohmann::ordered_json partly_answered(const RulePack& pack,
                                       contra::testing::ProfileGenerator& generator) {
    std::mt19937& random = generator.random();
    nlohmann::ordered_json json;
    const Fact& modality = pack.facts[pack.modality_fact];
    json[modality.id] = contra::value_to_json(pack, modality, generator.any_answer(modality));
    std::uniform_int_distribution<std::size_t> count(0, 3);
    std::uniform_int_distribution<std::size_t> pick(0, pack.facts.size() - 1);
    for (std::size_t i = count(random); i > 0;) {
        const std::size_t index = pick(random);
        const Fact& fact = pack.facts[index];
        if (index == pack.modality_fact || json.contains(fact.id)) {
            continue;
        }
        json[fact.id] =
            contra::value_to_json(pack, fact, generator.quiet_leaning_answer(fact, 0.3));
        --i;
    }
    return json;
}

nlohmann::ordered_json fully_answered(const RulePack& pack,
                                      contra::testing::ProfileGenerator& generator) {
    nlohmann::ordered_json json;
    for (const Fact& fact : pack.facts) {
        json[fact.id] =
            contra::value_to_json(pack, fact, generator.quiet_leaning_answer(fact, 0.1));
    }
    return json;
}

std::vector<std::string> split_on_commas(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t comma = text.find(','); comma != std::string::npos;
         comma = text.find(',', start)) {
        parts.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    parts.push_back(text.substr(start));
    return parts;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        fmt::print(stderr,
                   "usage: taskset -c 0 contra-batch-detail-bench CONTRA[,CONTRA...] PROFILES "
                   "[RUNS] [FOLDER]\n");
        return EXIT_FAILURE;
    }
    const std::vector<std::string> binaries = split_on_commas(argv[1]);
    const std::size_t profiles = std::stoul(argv[2]);
    const int runs = argc > 3 ? std::stoi(argv[3]) : 5;
    const std::string folder = argc > 4 ? argv[4] : ".";

    const RulePack pack = *contra::decode_pack(contra::cli::bundled_pack_bytes());
    contra::testing::ProfileGenerator generator(pack, 7);
    const std::string partly = folder + "/batch-partly-answered.ndjson";
    const std::string fully = folder + "/batch-fully-answered.ndjson";
    write_profiles(partly, profiles, [&] { return partly_answered(pack, generator); });
    write_profiles(fully, profiles, [&] { return fully_answered(pack, generator); });

    std::vector<Case> cases;
    for (const auto& [name, input] :
         {std::pair{"partly answered", partly}, {"fully answered", fully}}) {
        for (const char* detail : {"ids", "full"}) {
            for (const std::string& contra : binaries) {
                cases.push_back(Case{contra, name, input, detail, {}, {}, 0});
            }
        }
    }
    for (int i = 0; i < runs; ++i) {
        for (Case& run : cases) {
            const Timing timing = time_of(run);
            run.rates.push_back(static_cast<double>(profiles) / timing.wall);
            run.cpu_rates.push_back(static_cast<double>(profiles) / timing.cpu);
        }
    }
    for (Case& run : cases) {
        run.bytes_per_line = bytes_per_line(run, profiles);
    }
    fmt::print("{} profiles per input, contra batch --jobs 1, {} runs each, interleaved, "
               "medians\n",
               profiles,
               runs);
    fmt::print("{:<16} {:<15} {:>12} {:>16} {:>11}{}\n",
               "profiles",
               "output",
               "profiles/s",
               "per CPU second",
               "bytes/line",
               binaries.size() > 1 ? "  contra" : "");
    for (const Case& run : cases) {
        fmt::print("{:<16} {:<15} {:>12.0f} {:>16.0f} {:>11.0f}{}\n",
                   run.name,
                   "--detail " + run.detail,
                   median(run.rates),
                   median(run.cpu_rates),
                   run.bytes_per_line,
                   binaries.size() > 1 ? "  " + run.contra : "");
    }
    return EXIT_SUCCESS;
}

// Throughput and peak memory of `contra batch` on NDJSON profiles with every fact of the
// vocabulary answered, with 1 and 2 threads, measured side by side (runs interleaved) and
// reported as medians.
//
//   contra-batch-bench CONTRA PROFILES [RUNS] [OUT.ndjson]
//
// The profiles are written to OUT.ndjson (default: a file in the current folder), so that other
// engines (bench/json-rules-engine) can read the very same input.
#include "cli/bundled_pack.hpp"
#include "output/answer_json.hpp"
#include "output/render_json.hpp"
#include "pack/pack_codec.hpp"
#include "profile_generator.hpp"

#include <fmt/format.h>
#include <fmt/os.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct Run {
    double seconds = 0;
    long peak_kib = 0;
};

Run run_batch(const std::string& contra, const std::string& input, unsigned jobs) {
    const std::string jobs_text = std::to_string(jobs);
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execl(contra.c_str(),
              contra.c_str(),
              "batch",
              input.c_str(),
              "--jobs",
              jobs_text.c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    Run run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.peak_kib = usage.ru_maxrss;
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code < 0 || code > 5) {
        fmt::print(stderr, "contra batch exited {}\n", code);
        std::exit(EXIT_FAILURE);
    }
    return run;
}

template <typename T> T median(std::vector<T> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        fmt::print(stderr, "usage: contra-batch-bench CONTRA PROFILES [RUNS] [OUT.ndjson]\n");
        return EXIT_FAILURE;
    }
    const std::string contra = argv[1];
    const std::size_t profiles = std::stoul(argv[2]);
    const int runs = argc > 3 ? std::stoi(argv[3]) : 5;
    const std::string input = argc > 4 ? argv[4] : "batch-bench.ndjson";

    const contra::RulePack pack = *contra::decode_pack(contra::cli::bundled_pack_bytes());
    contra::testing::ProfileGenerator generator(pack, 7);
    {
        auto out = fmt::output_file(input);
        for (std::size_t i = 0; i < profiles; ++i) {
            nlohmann::ordered_json json;
            for (const contra::Fact& fact : pack.facts) {
                json[fact.id] =
                    contra::value_to_json(pack, fact, generator.quiet_leaning_answer(fact, 0.1));
            }
            out.print("{}\n", json.dump());
        }
    }
    std::vector<Run> one;
    std::vector<Run> two;
    for (int i = 0; i < runs; ++i) {
        one.push_back(run_batch(contra, input, 1));
        two.push_back(run_batch(contra, input, 2));
    }
    auto rate = [&](const std::vector<Run>& list) {
        std::vector<double> rates;
        for (const Run& run : list) {
            rates.push_back(static_cast<double>(profiles) / run.seconds);
        }
        return median(rates);
    };
    auto peak = [](const std::vector<Run>& list) {
        std::vector<long> peaks;
        for (const Run& run : list) {
            peaks.push_back(run.peak_kib);
        }
        return median(peaks);
    };
    fmt::print("profiles: {} ({} facts each, all answered), {} runs each, interleaved\n",
               profiles,
               pack.facts.size(),
               runs);
    fmt::print("--jobs 1: {:>10.0f} profiles/s   peak {:>6.1f} MB\n",
               rate(one),
               static_cast<double>(peak(one)) / 1024.0);
    fmt::print("--jobs 2: {:>10.0f} profiles/s   peak {:>6.1f} MB\n",
               rate(two),
               static_cast<double>(peak(two)) / 1024.0);
    fmt::print("speed-up: {:.2f}x with 2 jobs\n", rate(two) / rate(one));
    return EXIT_SUCCESS;
}

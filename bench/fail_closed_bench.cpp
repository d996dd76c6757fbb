// The fail-closed property (tests/property) on many more generated profiles than the test
// suite runs, with the counts of each check and the time it took.
//
//   contra-fail-closed-bench [PROFILES] [SEED]
#include "cli/bundled_pack.hpp"
#include "fail_closed.hpp"
#include "pack/pack_codec.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    const std::size_t profiles = argc > 1 ? std::stoul(argv[1]) : 20'000;
    const auto seed = static_cast<std::uint32_t>(argc > 2 ? std::stoul(argv[2]) : 1);
    const contra::RulePack pack = *contra::decode_pack(contra::cli::bundled_pack_bytes());
    const auto start = std::chrono::steady_clock::now();
    const auto summary = contra::testing::check_fail_closed(pack, seed, profiles);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("profiles generated:                     {}\n", profiles);
    fmt::print("clear verdicts with open questions:     {}\n",
               summary.clear_profiles_with_open_questions);
    fmt::print("answered versions of those checked:     {}\n", summary.completions_checked);
    fmt::print("single answers to open questions:       {}\n", summary.single_answers_checked);
    fmt::print("severe verdicts given clearance:        {}\n", summary.severe_profiles_cleared);
    fmt::print("more severe once answered:              {}\n", summary.violations.size());
    fmt::print("incomplete again once answered:         {}\n", summary.incomplete_returned.size());
    fmt::print("lowered by clearance above p&r:         {}\n", summary.clearance_lowered.size());
    fmt::print("profiles given clearance:               {}\n", summary.profiles_given_clearance);
    fmt::print("open questions hidden by clearance:     {}\n", summary.clearance_hid.size());
    fmt::print("assumed answers replaced:               {}\n", summary.assumptions_answered);
    fmt::print("findings needing an unlisted assumption: {}\n", summary.assumed_facts_wrong.size());
    fmt::print("time:                                   {:.1f} s\n", seconds);
    for (const auto* list : {&summary.violations,
                             &summary.incomplete_returned,
                             &summary.clearance_lowered,
                             &summary.clearance_hid,
                             &summary.assumed_facts_wrong}) {
        for (const std::string& line : *list) {
            fmt::print("\n{}\n", line);
        }
    }
    const bool holds = summary.violations.empty() && summary.incomplete_returned.empty() &&
                       summary.clearance_lowered.empty() && summary.clearance_hid.empty() &&
                       summary.assumed_facts_wrong.empty();
    return holds ? EXIT_SUCCESS : EXIT_FAILURE;
}

#include "cli/test_command.hpp"

#include "authoring/junit_report.hpp"
#include "authoring/scenario.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output_file.hpp"
#include "pack/pack_loader.hpp"
#include "util/file_text.hpp"
#include "util/folder_file.hpp"
#include "util/terminal_text.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <array>
#include <filesystem>

namespace contra::cli {
namespace {

namespace fs = std::filesystem;

// The names of the suites in PACK/tests (each is read, and refused if it is not a regular file,
// by read_file_in_folder).
std::vector<std::string> suite_files(const fs::path& pack_dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(pack_dir / "tests", ec)) {
        if (entry.path().extension() == ".yaml") {
            files.push_back(entry.path().filename().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The mismatches of a failed scenario, one expectation at a time, expected above actual. The
// names come from the pack and its suites, so each is escaped.
void print_failure(const ScenarioOutcome& outcome, std::ostream& out) {
    fmt::print(out,
               "FAIL {}:{}: {}\n",
               escape_controls(outcome.where.file),
               outcome.where.line,
               escape_controls(outcome.name));
    for (const Mismatch& mismatch : outcome.failures) {
        if (mismatch.field == "not_fired") {
            fmt::print(
                out, "  not_fired:  {} fired\n", escape_controls(mismatch.unexpected.front()));
            continue;
        }
        fmt::print(out,
                   "  {:<11} expected {}\n",
                   mismatch.field + ":",
                   escape_controls(mismatch.expected));
        fmt::print(out, "  {:<11} actual   {}\n", "", escape_controls(mismatch.actual));
        for (const std::string& name : mismatch.missing) {
            fmt::print(out, "  {:<11} - {} (expected, missing)\n", "", escape_controls(name));
        }
        for (const std::string& name : mismatch.unexpected) {
            fmt::print(out, "  {:<11} + {} (not expected)\n", "", escape_controls(name));
        }
    }
}

std::string percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? "100"
                      : fmt::format("{:.0f}",
                                    100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

} // namespace

CLI::App* setup_test(CLI::App& app, TestOptions& options) {
    CLI::App* test = app.add_subcommand(
        "test", "Run a rule pack's scenario suites (PACK/tests/*.yaml) and report rule coverage");
    test->add_option("pack", options.packs, "Pack folders (default: rules)")->type_name("PACK");
    test->add_option("--min-coverage",
                     options.min_coverage,
                     "Fail unless fired, not-fired and could-fire coverage each reach PCT percent")
        ->type_name("PCT")
        ->check(CLI::Range(0.0, 100.0));
    test->add_option("--junit", options.junit_path, "Also write the results as JUnit XML to FILE")
        ->type_name("FILE");
    return test;
}

int run_test(const TestOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<std::string> packs = options.packs;
    if (packs.empty()) {
        if (!fs::exists("rules/pack.yaml")) {
            fmt::print(err,
                       "contra: error: name the pack folder to test, e.g. 'contra test rules'\n");
            return to_int(ExitCode::usage);
        }
        packs.push_back("rules");
    }
    std::vector<std::unique_ptr<SuiteResult>> results;
    std::vector<NamedSuite> named;
    std::size_t passed = 0;
    std::size_t failed = 0;
    bool suite_errors = false;
    bool file_refused = false;
    bool coverage_short = false;
    std::array<std::size_t, 6> totals{}; // fired, rules, not fired, rules, could fire, uncertain
    for (const std::string& dir : packs) {
        PackLoadResult loaded = load_pack_from_directory(dir);
        if (!loaded.pack) {
            fmt::print(err,
                       "{}contra: error: the rule pack in {} is invalid; nothing was tested\n",
                       loaded.diagnostics.format(),
                       escape_controls(dir));
            return to_int(ExitCode::bad_pack);
        }
        const RulePack& pack = *loaded.pack;
        std::vector<SuiteResult> pack_suites;
        const fs::path tests = fs::path(dir) / "tests";
        if (is_symbolic_link(tests)) {
            fmt::print(err,
                       "{}: error: {} is a symbolic link; a rule pack is read only from regular "
                       "files inside its folder [file-read]\n",
                       escape_controls(tests.string()),
                       escape_controls(tests.string()));
            file_refused = true;
            continue;
        }
        for (const std::string& file : suite_files(dir)) {
            const std::string name = (tests / file).string();
            FileText text = read_file_in_folder(dir, fs::path("tests") / file);
            SuiteResult result;
            if (text.error.empty()) {
                result = run_suite(pack, std::move(text.text), name, tests);
            } else {
                result.diagnostics.add(text.too_large ? DiagnosticCode::limit_exceeded
                                                      : DiagnosticCode::file_read,
                                       {name, 0, 0},
                                       text.error);
            }
            file_refused = file_refused || text.refused || result.file_refused;
            if (result.diagnostics.has_errors()) {
                fmt::print(err, "{}", result.diagnostics.format());
                suite_errors = true;
            }
            for (const ScenarioOutcome& outcome : result.outcomes) {
                if (outcome.passed()) {
                    ++passed;
                } else {
                    ++failed;
                    print_failure(outcome, out);
                }
            }
            pack_suites.push_back(result);
            results.push_back(std::make_unique<SuiteResult>(std::move(result)));
            named.push_back({name, results.back().get()});
        }
        if (pack_suites.empty()) {
            fmt::print(err,
                       "contra: warning: {} has no scenario suites in {}/tests\n",
                       escape_controls(dir),
                       escape_controls(dir));
        }
        const std::vector<RuleCoverage> coverage = rule_coverage(pack, pack_suites);
        const auto count = [&](bool RuleCoverage::*field) {
            return static_cast<std::size_t>(std::count_if(
                coverage.begin(), coverage.end(), [&](const RuleCoverage& c) { return c.*field; }));
        };
        const std::size_t total = coverage.size();
        const std::size_t fired = count(&RuleCoverage::fired);
        const std::size_t not_fired = count(&RuleCoverage::not_fired);
        const std::size_t could_fire = count(&RuleCoverage::could_fire);
        // A rule that reads only assumed and optional questions is never uncertain, so it
        // cannot be shown could-firing; it is left out of that count and named.
        const std::size_t uncertain = count(&RuleCoverage::can_be_uncertain);
        std::string settled;
        for (std::size_t i = 0; i < total; ++i) {
            if (!coverage[i].can_be_uncertain) {
                settled += (settled.empty() ? "" : ", ") + pack.rules[i].id;
            }
        }
        fmt::print(out,
                   "{} ({} {}): {} rules; fired {}, not fired {}, could fire {} of {} that can be "
                   "uncertain\n",
                   escape_controls(dir),
                   escape_controls(pack.info.name),
                   escape_controls(pack.info.version),
                   total,
                   fired,
                   not_fired,
                   could_fire,
                   uncertain);
        const std::array<std::size_t, 6> pack_counts{
            fired, total, not_fired, total, could_fire, uncertain};
        for (std::size_t i = 0; i < totals.size(); ++i) {
            totals[i] += pack_counts[i];
        }
        if (!settled.empty()) {
            fmt::print(out,
                       "  never uncertain, so not counted for could fire (every question they "
                       "read is assumed or optional): {}\n",
                       settled);
        }
        const std::array<std::pair<std::size_t, std::size_t>, 3> covered{
            {{fired, total}, {not_fired, total}, {could_fire, uncertain}}};
        const bool short_here = std::any_of(covered.begin(), covered.end(), [&](const auto& pair) {
            return 100.0 * static_cast<double>(pair.first) <
                   options.min_coverage * static_cast<double>(pair.second);
        });
        coverage_short = coverage_short || short_here;
        if (short_here) {
            std::string missing;
            for (std::size_t i = 0; i < total; ++i) {
                const RuleCoverage& c = coverage[i];
                const bool could_fire_missing = c.can_be_uncertain && !c.could_fire;
                if (!c.fired || !c.not_fired || could_fire_missing) {
                    missing += fmt::format(" {}({}{}{})",
                                           pack.rules[i].id,
                                           c.fired ? "" : "f",
                                           c.not_fired ? "" : "n",
                                           could_fire_missing ? "c" : "");
                }
            }
            fmt::print(out,
                       "coverage below {}% (fired {}%, not fired {}%, could fire {}%); "
                       "rules lacking (f)ired, (n)ot fired or (c)ould fire:{}\n",
                       options.min_coverage,
                       percent(fired, total),
                       percent(not_fired, total),
                       percent(could_fire, uncertain),
                       missing);
        }
    }
    if (!options.junit_path.empty()) {
        RunInputs inputs;
        for (const std::string& dir : packs) {
            inputs.add_folder(dir);
        }
        if (auto error = write_file_whole(options.junit_path, junit_xml(named), inputs)) {
            fmt::print(err,
                       "contra: error: cannot write the JUnit report {}: {}\n",
                       options.junit_path,
                       *error);
            return to_int(ExitCode::cannot_write);
        }
    }
    fmt::print(out, "scenarios: {} passed, {} failed\n", passed, failed);
    fmt::print(out,
               "coverage: fired {}/{}, not fired {}/{}, could fire {}/{}\n",
               totals[0],
               totals[1],
               totals[2],
               totals[3],
               totals[4],
               totals[5]);
    if (file_refused) {
        return to_int(ExitCode::bad_pack);
    }
    if (suite_errors) {
        return to_int(ExitCode::bad_profile);
    }
    return failed == 0 && !coverage_short ? 0 : 1;
}

} // namespace contra::cli

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

// What the suites of every pack tested so far add up to.
struct TestTally {
    std::vector<std::unique_ptr<SuiteResult>> results; ///< stay put: `named` points into them
    std::vector<NamedSuite> named;
    std::size_t passed = 0;
    std::size_t failed = 0;
    bool suite_errors = false;
    bool file_refused = false;
    bool coverage_short = false;
    std::array<std::size_t, 6> totals{}; // fired, rules, not fired, rules, could fire, uncertain
};

// One suite file of a pack, run; a file that cannot be read is a suite with that diagnostic.
SuiteResult run_suite_file(const RulePack& pack,
                           const std::string& dir,
                           const std::string& file,
                           TestTally& tally) {
    const fs::path tests = fs::path(dir) / "tests";
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
    tally.file_refused = tally.file_refused || text.refused || result.file_refused;
    return result;
}

// Runs the suites in DIR/tests, printing each failed scenario; returns their results, or nullopt
// when the folder is refused.
std::optional<std::vector<SuiteResult>> run_pack_suites(const RulePack& pack,
                                                        const std::string& dir,
                                                        TestTally& tally,
                                                        std::ostream& out,
                                                        std::ostream& err) {
    std::vector<SuiteResult> pack_suites;
    const fs::path tests = fs::path(dir) / "tests";
    if (is_symbolic_link(tests)) {
        fmt::print(err,
                   "{}: error: {} is a symbolic link; a rule pack is read only from regular "
                   "files inside its folder [file-read]\n",
                   escape_controls(tests.string()),
                   escape_controls(tests.string()));
        tally.file_refused = true;
        return std::nullopt;
    }
    for (const std::string& file : suite_files(dir)) {
        SuiteResult result = run_suite_file(pack, dir, file, tally);
        if (result.diagnostics.has_errors()) {
            fmt::print(err, "{}", result.diagnostics.format());
            tally.suite_errors = true;
        }
        for (const ScenarioOutcome& outcome : result.outcomes) {
            if (outcome.passed()) {
                ++tally.passed;
            } else {
                ++tally.failed;
                print_failure(outcome, out);
            }
        }
        pack_suites.push_back(result);
        tally.results.push_back(std::make_unique<SuiteResult>(std::move(result)));
        tally.named.push_back({(tests / file).string(), tally.results.back().get()});
    }
    if (pack_suites.empty()) {
        fmt::print(err,
                   "contra: warning: {} has no scenario suites in {}/tests\n",
                   escape_controls(dir),
                   escape_controls(dir));
    }
    return pack_suites;
}

// How many of a pack's rules were shown fired, not fired and could-fire.
struct CoverageCounts {
    std::size_t total = 0;
    std::size_t fired = 0;
    std::size_t not_fired = 0;
    std::size_t could_fire = 0;
    // A rule that reads only assumed and optional questions is never uncertain, so it cannot be
    // shown could-firing; it is left out of that count and named.
    std::size_t uncertain = 0;
};

CoverageCounts count_coverage(const std::vector<RuleCoverage>& coverage) {
    const auto count = [&](bool RuleCoverage::*field) {
        return static_cast<std::size_t>(std::count_if(
            coverage.begin(), coverage.end(), [&](const RuleCoverage& c) { return c.*field; }));
    };
    return {coverage.size(),
            count(&RuleCoverage::fired),
            count(&RuleCoverage::not_fired),
            count(&RuleCoverage::could_fire),
            count(&RuleCoverage::can_be_uncertain)};
}

void print_pack_coverage(const std::string& dir,
                         const RulePack& pack,
                         const std::vector<RuleCoverage>& coverage,
                         const CoverageCounts& counts,
                         std::ostream& out) {
    std::string settled;
    for (std::size_t i = 0; i < counts.total; ++i) {
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
               counts.total,
               counts.fired,
               counts.not_fired,
               counts.could_fire,
               counts.uncertain);
    if (!settled.empty()) {
        fmt::print(out,
                   "  never uncertain, so not counted for could fire (every question they "
                   "read is assumed or optional): {}\n",
                   settled);
    }
}

bool coverage_below(const CoverageCounts& counts, double min_coverage) {
    const std::array<std::pair<std::size_t, std::size_t>, 3> covered{
        {{counts.fired, counts.total},
         {counts.not_fired, counts.total},
         {counts.could_fire, counts.uncertain}}};
    return std::any_of(covered.begin(), covered.end(), [&](const auto& pair) {
        return 100.0 * static_cast<double>(pair.first) <
               min_coverage * static_cast<double>(pair.second);
    });
}

void print_coverage_shortfall(const RulePack& pack,
                              const std::vector<RuleCoverage>& coverage,
                              const CoverageCounts& counts,
                              double min_coverage,
                              std::ostream& out) {
    std::string missing;
    for (std::size_t i = 0; i < counts.total; ++i) {
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
               min_coverage,
               percent(counts.fired, counts.total),
               percent(counts.not_fired, counts.total),
               percent(counts.could_fire, counts.uncertain),
               missing);
}

// Reports the coverage of one pack's suites and adds it to the tally.
void report_pack_coverage(const std::string& dir,
                          const RulePack& pack,
                          const std::vector<SuiteResult>& pack_suites,
                          double min_coverage,
                          TestTally& tally,
                          std::ostream& out) {
    const std::vector<RuleCoverage> coverage = rule_coverage(pack, pack_suites);
    const CoverageCounts counts = count_coverage(coverage);
    print_pack_coverage(dir, pack, coverage, counts, out);
    const std::array<std::size_t, 6> pack_counts{counts.fired,
                                                 counts.total,
                                                 counts.not_fired,
                                                 counts.total,
                                                 counts.could_fire,
                                                 counts.uncertain};
    for (std::size_t i = 0; i < tally.totals.size(); ++i) {
        tally.totals[i] += pack_counts[i];
    }
    if (coverage_below(counts, min_coverage)) {
        tally.coverage_short = true;
        print_coverage_shortfall(pack, coverage, counts, min_coverage, out);
    }
}

// The pack folders to test: those named, else ./rules when it is a pack.
OrError<std::vector<std::string>> packs_to_test(const TestOptions& options, std::ostream& err) {
    if (!options.packs.empty()) {
        return options.packs;
    }
    if (!fs::exists("rules/pack.yaml")) {
        fmt::print(err, "contra: error: name the pack folder to test, e.g. 'contra test rules'\n");
        return ExitCode::usage;
    }
    return std::vector<std::string>{"rules"};
}

std::optional<ExitCode> write_junit(const std::string& path,
                                    const std::vector<std::string>& packs,
                                    const std::vector<NamedSuite>& named,
                                    std::ostream& err) {
    RunInputs inputs;
    for (const std::string& dir : packs) {
        inputs.add_folder(dir);
    }
    if (auto error = write_file_whole(path, junit_xml(named), inputs)) {
        fmt::print(err,
                   "contra: error: cannot write the JUnit report {}: {}\n",
                   escape_controls(path),
                   escape_controls(*error));
        return ExitCode::cannot_write;
    }
    return std::nullopt;
}

Outcome tally_outcome(const TestTally& tally, std::ostream& out) {
    fmt::print(out, "scenarios: {} passed, {} failed\n", tally.passed, tally.failed);
    fmt::print(out,
               "coverage: fired {}/{}, not fired {}/{}, could fire {}/{}\n",
               tally.totals[0],
               tally.totals[1],
               tally.totals[2],
               tally.totals[3],
               tally.totals[4],
               tally.totals[5]);
    if (tally.file_refused) {
        return ExitCode::bad_pack;
    }
    if (tally.suite_errors) {
        return ExitCode::bad_profile;
    }
    return tally.failed == 0 && !tally.coverage_short ? Outcome::success()
                                                      : Outcome::checks_failed();
}

} // namespace

void add_test_options(CLI::App& command, TestOptions& options) {
    command.add_option("pack", options.packs, "Pack folders (default: rules)")->type_name("PACK");
    command
        .add_option("--min-coverage",
                    options.min_coverage,
                    "Fail unless fired, not-fired and could-fire coverage each reach PCT percent")
        ->type_name("PCT")
        ->check(CLI::Range(0.0, 100.0));
    command
        .add_option("--junit", options.junit_path, "Also write the results as JUnit XML to FILE")
        ->type_name("FILE");
}

Outcome run_test(const TestOptions& options, std::ostream& out, std::ostream& err) {
    OrError<std::vector<std::string>> chosen = packs_to_test(options, err);
    if (const auto* error = std::get_if<ExitCode>(&chosen)) {
        return *error;
    }
    const auto& packs = std::get<std::vector<std::string>>(chosen);
    TestTally tally;
    for (const std::string& dir : packs) {
        PackLoadResult loaded = load_pack_from_directory(dir);
        if (!loaded.pack) {
            fmt::print(err,
                       "{}contra: error: the rule pack in {} is invalid; nothing was tested\n",
                       loaded.diagnostics.format(),
                       escape_controls(dir));
            return ExitCode::bad_pack;
        }
        if (const auto suites = run_pack_suites(*loaded.pack, dir, tally, out, err)) {
            report_pack_coverage(dir, *loaded.pack, *suites, options.min_coverage, tally, out);
        }
    }
    if (!options.junit_path.empty()) {
        if (const auto error = write_junit(options.junit_path, packs, tally.named, err)) {
            return *error;
        }
    }
    return tally_outcome(tally, out);
}

} // namespace contra::cli

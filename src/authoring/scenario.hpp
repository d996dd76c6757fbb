#pragma once

#include "model/report.hpp"
#include "model/rule_pack.hpp"
#include "util/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace contra {

/// One expectation of a scenario that the report did not meet.
struct Mismatch {
    std::string field; ///< "verdict", "fired", "avoid" ...
    std::string expected;
    std::string actual;
    std::vector<std::string> missing;    ///< expected but absent (set fields)
    std::vector<std::string> unexpected; ///< present but not expected (set fields)
    /// One line: "fired: expected [R10], got [R10, R49]; unexpected R49".
    [[nodiscard]] std::string describe() const;
};

/// One scenario of a suite (rules/README.md, "Scenario suites") and how it went.
struct ScenarioOutcome {
    std::string name;
    SourceLocation where;
    std::vector<Mismatch> failures;
    std::vector<std::string> expected_fired;
    std::vector<std::string> expected_not_fired;
    std::vector<std::string> expected_could_fire;
    [[nodiscard]] bool passed() const { return failures.empty(); }
};

struct SuiteResult {
    Diagnostics diagnostics; ///< problems in the suite file itself
    std::vector<ScenarioOutcome> outcomes;
    /// A file of the suite is not a regular file inside the pack (a link, a FIFO): a pack error.
    bool file_refused = false;
};

/// Runs every scenario of the suite in `text` against `pack`. A scenario's `profile` is a
/// mapping of answers, or the name of a profile file in `base_dir` (the suite's folder; no
/// absolute paths, no `..`, nothing but regular files and real folders on the way).
SuiteResult run_suite(const RulePack& pack,
                      std::string text,
                      std::string file_name,
                      const std::filesystem::path& base_dir);

/// Per rule: whether a passing scenario expects it to fire, not to fire, and to could-fire.
struct RuleCoverage {
    bool fired = false;
    bool not_fired = false;
    bool could_fire = false;
    bool can_be_uncertain = true; ///< false: every question it reads is assumed or optional
};

/// Coverage of the pack's rules (in pack order) by the passing scenarios of the suites.
std::vector<RuleCoverage> rule_coverage(const RulePack& pack,
                                        const std::vector<SuiteResult>& suites);

} // namespace contra

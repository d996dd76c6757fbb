#pragma once

#include "cli/exit_codes.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace contra::cli {

struct TestOptions {
    std::vector<std::string> packs; ///< pack folders; their scenario suites are in PACK/tests
    double min_coverage = 0;        ///< percent, for each of fired, not fired, could fire
    std::string junit_path;
};

/// The options of `test`: runs each pack's scenario suites and reports rule coverage.
void add_test_options(CLI::App& command, TestOptions& options);

/// 0 when every scenario passes and coverage reaches the minimum; 1 otherwise; 65 for a broken
/// suite; 78 for an invalid pack.
Outcome run_test(const TestOptions& options, std::ostream& out, std::ostream& err);

} // namespace contra::cli

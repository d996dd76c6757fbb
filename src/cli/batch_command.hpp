#pragma once

#include "cli/app.hpp"
#include "contra/rule_pack.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <string>

namespace contra::cli {

struct BatchOptions {
    std::string input = "-"; ///< a file, or - for standard input
    std::string input_format = "auto";
    std::string columns; ///< a column map for CSV
    unsigned jobs = 0;   ///< 0: one per core
    std::string rules_dir;
    std::string pack_sha256; ///< checked before anything runs (app.cpp); here for --help
};

/// Adds `batch`: many profiles in (NDJSON, a YAML stream or CSV), one JSON line out for each.
CLI::App* setup_batch(CLI::App& app, BatchOptions& options);

/// Runs a batch; returns the exit code of the worst outcome (65 if any record was bad).
int run_batch_command(const RulePack& pack,
                      const BatchOptions& options,
                      std::istream& in,
                      std::ostream& out,
                      std::ostream& err,
                      const Environment& environment);

} // namespace contra::cli

#pragma once

#include "cli/environment.hpp"
#include "cli/exit_codes.hpp"
#include "model/rule_pack.hpp"
#include "util/calendar_date.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <optional>
#include <string>

namespace contra::cli {

/// The most threads `batch --jobs` takes: more only costs memory and start-up.
constexpr unsigned k_max_batch_jobs = 64;

struct BatchOptions {
    std::string input = "-"; ///< a file, or - for standard input
    std::string input_format = "auto";
    std::string columns;            ///< a column map for CSV
    std::string encoding = "utf-8"; ///< of a CSV file: utf-8, windows-1252 or latin-1
    unsigned jobs = 0;           ///< 0: one per usable CPU (usable_cpus), at most k_max_batch_jobs
    std::string detail = "full"; ///< full or ids: what each result line carries
    std::optional<CalendarDate> today; ///< --today; none: the local date
    std::string rules_dir;
    std::string pack_sha256; ///< checked before anything runs (app.cpp); here for --help
};

/// The options of `batch`: many profiles in (NDJSON, a YAML stream or CSV), one JSON line out for
/// each.
void add_batch_options(CLI::App& command, BatchOptions& options);

/// Runs a batch; returns the exit code of the most urgent outcome (outcome_rank: a bad record is
/// 65 unless a record is postpone_and_refer or worse), 73 when standard output failed, or
/// 128 + the signal when SIGINT or SIGTERM stopped it.
Outcome run_batch_command(const RulePack& pack,
                          const BatchOptions& options,
                          std::istream& in,
                          std::ostream& out,
                          std::ostream& err,
                          const Environment& environment);

} // namespace contra::cli

#pragma once

#include "cli/check_command.hpp"
#include "cli/environment.hpp"
#include "cli/exit_codes.hpp"
#include "model/rule_pack.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <string>

namespace contra::cli {

struct InterviewOptions {
    std::string start;    ///< a profile to start from, if any
    std::string save;     ///< where to save the answers, if anywhere
    bool force = false;   ///< --save may replace an existing file
    CheckOptions answers; ///< check's answer options: --set, --modality ..., --audit-log, --rules
};

/// The options of `interview`, which asks, in the terminal, the questions whose answers can still
/// change the verdict, the sites or the findings, most serious first, then prints the report. The
/// per-fact answer options are added only `with_answers` (when `interview` is run).
void add_interview_options(CLI::App& command,
                           const RulePack& pack,
                           InterviewOptions& options,
                           bool with_answers);

/// Runs an interview: line editing (libedit) when standard input is a terminal, plain lines
/// from `in` otherwise. Returns the verdict's outcome, or an error's.
Outcome run_interview(const RulePack& pack,
                      const InterviewOptions& options,
                      std::istream& in,
                      std::ostream& out,
                      std::ostream& err,
                      const Environment& environment);

} // namespace contra::cli

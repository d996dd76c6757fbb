#pragma once

#include "cli/app.hpp"
#include "contra/rule_pack.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <string>

namespace contra::cli {

struct InterviewOptions {
    std::string start; ///< a profile to start from, if any
    std::string save;  ///< where to save the answers at the end, if anywhere
    std::string rules_dir;
    std::string pack_sha256; ///< checked before anything runs (app.cpp)
};

/// Adds `interview`: asks, in the terminal, only the questions that can still change the
/// verdict, most serious first, then prints the report.
CLI::App* setup_interview(CLI::App& app, InterviewOptions& options);

/// Runs an interview: line editing (libedit) when standard input is a terminal, plain lines
/// from `in` otherwise. Returns the verdict's exit code.
int run_interview(const RulePack& pack,
                  const InterviewOptions& options,
                  std::istream& in,
                  std::ostream& out,
                  std::ostream& err,
                  const Environment& environment);

} // namespace contra::cli

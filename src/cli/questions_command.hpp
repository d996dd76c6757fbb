#pragma once

#include "cli/exit_codes.hpp"
#include "model/rule_pack.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <string>

namespace contra::cli {

struct QuestionsOptions {
    std::string format = "markdown";
    std::string rules_dir;
    std::string pack_sha256; ///< checked before anything runs (app.cpp)
};

/// The options of `questions`: the pack's intake as a printable form, a FHIR Questionnaire, or
/// JSON.
void add_questions_options(CLI::App& command, QuestionsOptions& options);

Outcome run_questions(const RulePack& pack, const QuestionsOptions& options, std::ostream& out);

} // namespace contra::cli

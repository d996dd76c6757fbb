#pragma once

#include "cli/exit_codes.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace contra::cli {

struct LintOptions {
    std::vector<std::string> packs;
    bool json = false;
    bool warnings_are_errors = false;
};

/// The options of `lint`: the loader's checks plus the static checks of lint_pack, one located line
/// each.
void add_lint_options(CLI::App& command, LintOptions& options);

/// 0 when clean (warnings allowed unless --werror); 78 on any error.
Outcome run_lint(const LintOptions& options, std::ostream& out, std::ostream& err);

} // namespace contra::cli

#pragma once

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

/// Adds `lint`: the loader's checks plus the static checks of lint_pack, one located line each.
CLI::App* setup_lint(CLI::App& app, LintOptions& options);

/// 0 when clean (warnings allowed unless --werror); 78 on any error.
int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err);

} // namespace contra::cli

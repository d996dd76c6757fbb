#include "cli/lint_command.hpp"

#include "authoring/lint.hpp"
#include "cli/exit_codes.hpp"
#include "output/render_json.hpp"
#include "pack/pack_loader.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace contra::cli {

void add_lint_options(CLI::App& command, LintOptions& options) {
    CLI::App* lint = &command;
    lint->add_option("pack", options.packs, "Pack folders (default: rules)")->type_name("PACK");
    lint->add_option_function<std::string>(
            "--format",
            [&options](const std::string& format) { options.json = format == "json"; },
            "Output: text (file:line:col: severity: message [code]) or json for editors and CI")
        ->check(CLI::IsMember({"text", "json"}))
        ->option_text("text|json (default: text)");
    lint->add_flag("--werror", options.warnings_are_errors, "Treat warnings as errors");
}

Outcome run_lint(const LintOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<std::string> packs = options.packs;
    if (packs.empty()) {
        if (!std::filesystem::exists("rules/pack.yaml")) {
            fmt::print(err,
                       "contra: error: name the pack folder to lint, e.g. 'contra lint rules'\n");
            return ExitCode::usage;
        }
        packs.push_back("rules");
    }
    Diagnostics all;
    for (const std::string& dir : packs) {
        PackLoadResult loaded = load_pack_from_directory(dir);
        all.append(loaded.diagnostics);
        if (loaded.pack) {
            all.append(lint_pack(*loaded.pack, loaded.sources));
        }
    }
    const auto& items = all.items();
    const auto errors =
        static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](const Diagnostic& d) {
            return d.severity == Severity::error;
        }));
    const std::size_t warnings = items.size() - errors;
    if (options.json) {
        nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
        for (const Diagnostic& d : items) {
            diagnostics.push_back(nlohmann::ordered_json{
                {"file", d.where.file},
                {"line", d.where.line},
                {"column", d.where.column},
                {"severity", d.severity == Severity::error ? "error" : "warning"},
                {"code", to_string(d.code)},
                {"message", d.message}});
        }
        write_json(nlohmann::ordered_json{{"diagnostics", std::move(diagnostics)},
                                          {"errors", errors},
                                          {"warnings", warnings}},
                   out);
    } else {
        fmt::print(out, "{}", all.format());
        fmt::print(out,
                   "{} error{}, {} warning{}\n",
                   errors,
                   errors == 1 ? "" : "s",
                   warnings,
                   warnings == 1 ? "" : "s");
    }
    const bool failed = errors > 0 || (options.warnings_are_errors && warnings > 0);
    return failed ? Outcome(ExitCode::bad_pack) : Outcome::success();
}

} // namespace contra::cli

#pragma once

#include "model/rule_pack.hpp"

#include <CLI/App.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace contra::cli {

/// One option of a command, as shell completion needs it.
struct CompletedOption {
    std::string name; ///< `--modality`
    std::string help;
    bool takes_value = false;
    bool is_path = false;            ///< a file or folder
    bool is_list = false;            ///< comma-separated values (site lists)
    std::vector<std::string> values; ///< the values it accepts, when they are a known set
};

struct CompletedCommand {
    std::string name;
    std::string help;
    std::vector<CompletedOption> options;
    std::vector<std::string> arguments; ///< the values of its argument, when a known set
};

/// The commands and options of the whole command line, read from the CLI11 app (so that a new
/// option completes without touching this file), with the pack's values for each question:
/// enum values, yes/no flags, site ids for site lists. Enumerated options of our own write their
/// values in their option text, `a|b|c (default: a)`.
std::vector<CompletedCommand> completion_model(const CLI::App& app, const RulePack& pack);

/// `contra completion bash|zsh|fish`: a script for that shell.
std::string completion_script(const std::vector<CompletedCommand>& commands,
                              std::string_view shell);

} // namespace contra::cli

#pragma once

#include "cli/environment.hpp"
#include "cli/exit_codes.hpp"
#include "model/rule_pack.hpp"

#include <CLI/App.hpp>

#include <functional>
#include <iosfwd>
#include <string_view>
#include <vector>

namespace contra::cli {

/// What a command's options are added with: the pack (each of its facts can be an option) and
/// the command named on the command line. The per-fact answer options are most of the start-up
/// cost, so a command adds them only when it is the one being run, or when they are wanted for
/// completion.
struct OptionSetup {
    const RulePack& pack;
    std::string_view named_command;
};

/// What a command runs with: the pack, the whole parsed command line (completion reads it), and
/// the process's streams and environment.
struct Invocation {
    const RulePack& pack;
    const CLI::App& app;
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    const Environment& environment;
};

/// One command of contra: its name and description (for --help), whether its help ends with the
/// table of exit codes, how it adds its options to its CLI11 subcommand, and what it does once
/// parsed. The options it parses into are its own, shared by the two functions.
struct Command {
    const char* name;
    const char* description;
    bool lists_exit_codes;
    std::function<void(CLI::App& command, const OptionSetup& setup)> add_options;
    std::function<Outcome(const Invocation& run)> run;
};

/// Every command, in the order --help lists them.
std::vector<Command> command_table();

/// The first argument that names a command taking answers (check, explain, interview) or
/// completing them (completion), else empty.
std::string_view named_command(int argc, const char* const* argv);

} // namespace contra::cli

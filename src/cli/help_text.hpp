#pragma once

#include "cli/exit_codes.hpp"

#include <CLI/App.hpp>
#include <CLI/Formatter.hpp>

#include <iosfwd>
#include <string>
#include <string_view>

namespace contra::cli {

/// A command's examples as --help shows them ("" for none): one per line, the command line,
/// then what it does.
std::string_view command_examples(std::string_view command);

/// The end of `command`'s help ("contra" for the top level's): what contra is not, and what
/// each exit code means for that command.
std::string help_footer(std::string_view command);

/// CLI11's help with each command's examples right after its usage line, where a reader looks
/// first (the man pages take their EXAMPLES from there too).
class HelpFormatter : public CLI::Formatter {
  public:
    std::string make_usage(const CLI::App* app, std::string name) const override;
    /// CLI11's, with the options an option excludes in the order of their names: CLI11 lists
    /// them in the order of their addresses, which changes from one build to the next.
    std::string make_option_opts(const CLI::Option* opt) const override;
};

/// `contra help [COMMAND]`: the help of contra (`command` empty) or of one of its commands;
/// an unknown command is a usage error with the nearest names.
Outcome
run_help(const CLI::App& app, const std::string& command, std::ostream& out, std::ostream& err);

} // namespace contra::cli

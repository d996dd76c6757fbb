#include "cli/app.hpp"

#include "cli/checked_output.hpp"
#include "cli/command_table.hpp"
#include "cli/error_report.hpp"
#include "cli/exit_codes.hpp"
#include "cli/help_text.hpp"
#include "cli/pack_choice.hpp"
#include "output/json_text.hpp"
#include "util/suggest.hpp"
#include "util/terminal_text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/ostream.h>

#include <algorithm>
#include <exception>

namespace contra::cli {
namespace {

// CLI11 says only "The following argument was not expected"; a practitioner who typed
// --leg-warmht deserves the option they meant.
void report_unexpected(const CLI::ExtrasError& error, const CLI::App& command, std::ostream& err) {
    std::vector<std::string> known;
    for (const CLI::Option* option : command.get_options()) {
        for (const std::string& name : option->get_lnames()) {
            known.push_back("--" + name);
        }
    }
    std::string_view text = error.what();
    text.remove_prefix(std::min(text.size(), text.find(": ") + 2));
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        const std::string argument(text.substr(start, end - start));
        if (argument.rfind('-', 0) == 0) {
            report_error(err,
                         error_code::k_usage,
                         fmt::format("unknown option '{}'{}",
                                     argument,
                                     did_you_mean(argument.substr(0, argument.find('=')), known)));
        } else {
            report_error(
                err, error_code::k_usage, fmt::format("unexpected argument '{}'", argument));
        }
        start = end + 1;
    }
    fmt::print(err,
               "Run '{} --help' for the options.\n",
               command.get_parent() ? "contra " + command.get_name() : "contra");
}

// No command was recognised: name the word meant as one, rather than every argument after it.
// Returns false when no argument was meant as a command.
bool report_unknown_command(const CLI::App& app,
                            int argc,
                            const char* const* argv,
                            std::ostream& err) {
    std::vector<std::string> commands;
    for (const CLI::App* command : app.get_subcommands({})) {
        commands.push_back(command->get_name());
    }
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (!word.empty() && word.front() != '-') {
            report_error(err,
                         error_code::k_usage,
                         fmt::format("unknown command '{}'{}", word, did_you_mean(word, commands)));
            fmt::print(err, "Run 'contra --help' for the commands.\n");
            return true;
        }
    }
    return false;
}

void print_version(const RulePack& pack, std::ostream& out) {
    fmt::print(out,
               "contra {}\nrule pack: {} {} (reviewed {})\nsha256: {}\n",
               CONTRA_VERSION,
               pack.info.name,
               pack.info.version,
               pack.info.reviewed.empty() ? "never" : pack.info.reviewed,
               pack.info.sha256);
}

// The pack to run with (--rules, else the bundled one); nullopt after reporting why it cannot
// be used. Checked before the full parse, so a pinned pack is enforced whatever else is wrong:
// every --pack-sha256 given (before the command and after it) must match, none replaces another.
std::optional<RulePack> checked_pack(int argc, const char* const* argv, std::ostream& err) {
    std::optional<RulePack> pack =
        choose_pack(find_option_value(argc, argv, "--rules").value_or(""), err);
    if (!pack) {
        return std::nullopt;
    }
    for (const std::string& pinned : find_option_values(argc, argv, "--pack-sha256")) {
        if (!matches_pinned_sha256(*pack, pinned, err)) {
            return std::nullopt;
        }
    }
    return pack;
}

// Adds each command of `commands` to `app`, in order; returns their CLI11 subcommands.
std::vector<CLI::App*>
register_commands(CLI::App& app, const std::vector<Command>& commands, const OptionSetup& setup) {
    std::vector<CLI::App*> added;
    for (const Command& command : commands) {
        CLI::App* subcommand = app.add_subcommand(command.name, command.description);
        command.add_options(*subcommand, setup);
        // After the command's own footer, if it has one (it has none from `app`, which gets
        // its own after the commands).
        const std::string own = subcommand->get_footer();
        subcommand->footer((own.empty() ? "" : own + "\n\n") + help_footer(command.name));
        added.push_back(subcommand);
    }
    return added;
}

// Parses the command line; returns the outcome when parsing already ends the run (--help, or a
// usage error reported to `err`).
std::optional<Outcome>
parse(CLI::App& app, int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::ExtrasError& e) {
        const auto& parsed = app.get_subcommands();
        if (!parsed.empty() || !report_unknown_command(app, argc, argv, err)) {
            report_unexpected(e, parsed.empty() ? app : *parsed.front(), err);
        }
        return ExitCode::usage;
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) { // --help
            app.exit(e, out, err);
            return Outcome::success();
        }
        const CLI::App* check = app.get_subcommand("check");
        report_error(err, error_code::k_usage, e.what());
        fmt::print(
            err, "Run 'contra{} --help' for the options.\n", check->parsed() ? " check" : "");
        return ExitCode::usage;
    }
    return std::nullopt;
}

Outcome run_parsed(int argc,
                   const char* const* argv,
                   std::istream& in,
                   std::ostream& out,
                   std::ostream& err,
                   const Environment& environment) {
    const std::optional<RulePack> pack = checked_pack(argc, argv, err);
    if (!pack) {
        return ExitCode::bad_pack;
    }
    CLI::App app{"contra: screen a massage client for contraindications (vascular leg "
                 "massage, lymphatic drainage, drainage facials, spider and varicose veins)",
                 "contra"};
    app.formatter(std::make_shared<HelpFormatter>()); // before the commands, which copy it
    bool version = false;
    app.add_flag("-V,--version", version, "Print the program's and the rule pack's versions");
    std::string pinned_option;
    add_pack_sha256_option(app, pinned_option);
    const std::vector<Command> commands = command_table();
    const std::vector<CLI::App*> subcommands =
        register_commands(app, commands, OptionSetup{*pack, named_command(argc, argv)});
    // One command at a time; this also lets `contra test rules` name the folder `rules`
    // rather than the `rules` command.
    app.require_subcommand(0, 1);
    app.footer(help_footer("contra"));
    if (const auto parsed = parse(app, argc, argv, out, err)) {
        return *parsed;
    }
    if (version) {
        print_version(*pack, out);
        return Outcome::success();
    }
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (subcommands[i]->parsed()) {
            return commands[i].run(Invocation{*pack, app, in, out, err, environment});
        }
    }
    report_error(err,
                 error_code::k_usage,
                 "a command is required, e.g. 'contra check PROFILE'; see 'contra --help'");
    return ExitCode::usage;
}

// Nothing escapes as an exception: a bug is reported as one.
Outcome run_command(int argc,
                    const char* const* argv,
                    std::istream& in,
                    std::ostream& out,
                    std::ostream& err,
                    const Environment& environment) {
    try {
        return run_parsed(argc, argv, in, out, err, environment);
    } catch (const std::exception& e) {
        fmt::print(err, "contra: internal error: {}\n", escape_controls(e.what()));
        if (ErrorReport* report = ErrorReport::of(err)) {
            report->add({std::string(error_code::k_internal), e.what(), {}, 0, 0, {}});
        }
    } catch (...) {
        fmt::print(err, "contra: internal error\n");
        if (ErrorReport* report = ErrorReport::of(err)) {
            report->add({std::string(error_code::k_internal), "internal error", {}, 0, 0, {}});
        }
    }
    return ExitCode::internal;
}

} // namespace

int run(int argc,
        const char* const* argv,
        std::istream& in,
        std::ostream& out,
        std::ostream& err,
        const Environment& environment) {
    // Where the command line asks for JSON, errors are JSON on standard output too.
    std::optional<ErrorReport> errors;
    if (find_option_value(argc, argv, "--format") == std::optional<std::string>("json")) {
        errors.emplace(err);
    }
    const Outcome outcome = run_command(argc, argv, in, out, err, environment);
    if (errors && errors->to_print() && outcome.code() >= to_int(ExitCode::usage)) {
        write_json(errors->to_json(outcome.code()), out);
    }
    return checked_exit_code(out, err, outcome.code());
}

} // namespace contra::cli

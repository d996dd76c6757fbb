#include "cli/app.hpp"

#include "cli/batch_command.hpp"
#include "cli/check_command.hpp"
#include "cli/checked_output.hpp"
#include "cli/completion.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interview_command.hpp"
#include "cli/lint_command.hpp"
#include "cli/listing_commands.hpp"
#include "cli/pack_choice.hpp"
#include "cli/questions_command.hpp"
#include "cli/test_command.hpp"
#include "util/suggest.hpp"
#include "util/terminal_text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/ostream.h>

#include <algorithm>
#include <exception>

namespace contra::cli {
namespace {

constexpr const char* k_footer = R"(
contra supports a practitioner's judgement; it does not diagnose. A verdict is a screening
result from the rule pack's logic, not a medical opinion.

Exit codes of 'check':
  0 proceed                    3 do_not_massage
  1 proceed_with_precautions   4 emergency
  2 postpone_and_refer         5 incomplete (unanswered questions could change the verdict)
'batch' exits with its most urgent outcome, from least to most: 0, 1, 5, then 65 if any record
was bad (an error line; the others are still checked), then 2, 3, 4: a bad record never hides
a referral or an emergency. 73 if standard output fails; 130/143 on SIGINT/SIGTERM.
Errors never give a verdict:
  64 usage   65 bad profile data   66 input file unreadable   70 internal error
  73 output not written (standard output, --audit-log, --body-map, --save, --junit)
  78 bad rule pack (or not the one --pack-sha256 pins))";

// CLI11 says only "The following argument was not expected"; a practitioner who typed
// --leg-warmht deserves the option they meant.
int report_unexpected(const CLI::ExtrasError& error, const CLI::App& command, std::ostream& err) {
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
            fmt::print(err,
                       "contra: error: unknown option '{}'{}\n",
                       escape_controls(argument),
                       did_you_mean(argument.substr(0, argument.find('=')), known));
        } else {
            fmt::print(err, "contra: error: unexpected argument '{}'\n", escape_controls(argument));
        }
        start = end + 1;
    }
    fmt::print(err,
               "Run '{} --help' for the options.\n",
               command.get_parent() ? "contra " + command.get_name() : "contra");
    return to_int(ExitCode::usage);
}

// No command was recognised: name the word meant as one, rather than every argument after it.
int report_unknown_command(const CLI::App& app,
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
            fmt::print(err,
                       "contra: error: unknown command '{}'{}\nRun 'contra --help' for the "
                       "commands.\n",
                       escape_controls(word),
                       did_you_mean(word, commands));
            return to_int(ExitCode::usage);
        }
    }
    return -1;
}

// The first argument that names a command taking answers. `explain` gets the per-fact options
// only when it runs; `check` keeps them otherwise, so its help and errors stay complete.
std::string_view named_command(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "check" || arg == "explain" || arg == "completion" || arg == "interview") {
            return arg;
        }
    }
    return {};
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

int run_command(int argc,
                const char* const* argv,
                std::istream& in,
                std::ostream& out,
                std::ostream& err,
                const Environment& environment) {
    try {
        const std::optional<RulePack> pack =
            choose_pack(find_option_value(argc, argv, "--rules").value_or(""), err);
        if (!pack) {
            return to_int(ExitCode::bad_pack);
        }
        // Checked before the full parse, so a pinned pack is enforced whatever else is wrong;
        // every value given (before the command and after it) must match, none replaces another.
        for (const std::string& pinned : find_option_values(argc, argv, "--pack-sha256")) {
            if (!matches_pinned_sha256(*pack, pinned, err)) {
                return to_int(ExitCode::bad_pack);
            }
        }
        CLI::App app{"contra: screen a massage client for contraindications (vascular leg "
                     "massage, lymphatic drainage, drainage facials, spider and varicose veins)",
                     "contra"};
        app.footer(k_footer);
        bool version = false;
        app.add_flag("--version", version, "Print the program's and the rule pack's versions");
        std::string pinned_option;
        add_pack_sha256_option(app, pinned_option);
        CheckOptions check_options;
        const std::string_view command = named_command(argc, argv);
        CLI::App* check = setup_check(app, *pack, check_options, command != "explain");
        check->footer(k_footer);
        CheckOptions explain_options;
        CLI::App* explain_command = setup_explain(
            app, *pack, explain_options, command == "explain" || command == "completion");
        ListingOptions listing_options;
        const ListingCommands listings = setup_listings(app, listing_options);
        TestOptions test_options;
        CLI::App* test = setup_test(app, test_options);
        InterviewOptions interview_options;
        CLI::App* interview =
            setup_interview(app, *pack, interview_options, command == "interview");
        QuestionsOptions questions_options;
        CLI::App* questions = setup_questions(app, questions_options);
        BatchOptions batch_options;
        CLI::App* batch = setup_batch(app, batch_options);
        batch->footer(k_footer);
        LintOptions lint_options;
        CLI::App* lint = setup_lint(app, lint_options);
        std::string shell;
        CLI::App* completion = app.add_subcommand(
            "completion",
            "Print a shell completion script: commands, options, answers, site names");
        completion->add_option("shell", shell, "The shell")
            ->required()
            ->check(CLI::IsMember({"bash", "zsh", "fish"}))
            ->option_text("bash|zsh|fish");
        completion->footer("Install, e.g.: contra completion bash > /etc/bash_completion.d/contra");
        // One command at a time; this also lets `contra test rules` name the folder `rules`
        // rather than the `rules` command.
        app.require_subcommand(0, 1);
        try {
            app.parse(argc, argv);
        } catch (const CLI::ExtrasError& e) {
            const auto& parsed = app.get_subcommands();
            if (parsed.empty()) {
                if (const int code = report_unknown_command(app, argc, argv, err); code >= 0) {
                    return code;
                }
            }
            return report_unexpected(e, parsed.empty() ? app : *parsed.front(), err);
        } catch (const CLI::ParseError& e) {
            if (e.get_exit_code() == 0) { // --help
                return app.exit(e, out, err);
            }
            fmt::print(err,
                       "contra: error: {}\nRun 'contra{} --help' for the options.\n",
                       escape_controls(e.what()),
                       check->parsed() ? " check" : "");
            return to_int(ExitCode::usage);
        }
        if (version) {
            print_version(*pack, out);
            return 0;
        }
        if (check->parsed()) {
            return run_check(*pack, check_options, in, out, err, environment);
        }
        if (explain_command->parsed()) {
            return run_check(*pack, explain_options, in, out, err, environment);
        }
        if (completion->parsed()) {
            fmt::print(out, "{}", completion_script(completion_model(app, *pack), shell));
            return 0;
        }
        if (interview->parsed()) {
            return run_interview(*pack, interview_options, in, out, err, environment);
        }
        if (questions->parsed()) {
            return run_questions(*pack, questions_options, out);
        }
        if (batch->parsed()) {
            return run_batch_command(*pack, batch_options, in, out, err, environment);
        }
        if (lint->parsed()) {
            return run_lint(lint_options, out, err);
        }
        if (test->parsed()) {
            return run_test(test_options, out, err);
        }
        if (listings.rules->parsed()) {
            return run_rules_listing(*pack, listing_options, out);
        }
        if (listings.facts->parsed()) {
            return run_facts_listing(*pack, listing_options, out);
        }
        if (listings.sites->parsed()) {
            return run_sites_listing(*pack, listing_options, out);
        }
        fmt::print(err,
                   "contra: error: a command is required, e.g. 'contra check PROFILE'; see "
                   "'contra --help'\n");
        return to_int(ExitCode::usage);
    } catch (const std::exception& e) {
        fmt::print(err, "contra: internal error: {}\n", escape_controls(e.what()));
    } catch (...) {
        fmt::print(err, "contra: internal error\n");
    }
    return to_int(ExitCode::internal);
}

} // namespace

int run(int argc,
        const char* const* argv,
        std::istream& in,
        std::ostream& out,
        std::ostream& err,
        const Environment& environment) {
    return checked_exit_code(out, err, run_command(argc, argv, in, out, err, environment));
}

} // namespace contra::cli

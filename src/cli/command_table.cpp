#include "cli/command_table.hpp"

#include "cli/batch_command.hpp"
#include "cli/check_command.hpp"
#include "cli/completion.hpp"
#include "cli/help_text.hpp"
#include "cli/interview_command.hpp"
#include "cli/lint_command.hpp"
#include "cli/listing_commands.hpp"
#include "cli/questions_command.hpp"
#include "cli/test_command.hpp"

#include <fmt/ostream.h>

#include <memory>

namespace contra::cli {
namespace {

// A command whose options live in an `Options` of its own, filled by `add` as CLI11 parses and
// read by `run`.
template <typename Options, typename Add, typename Run>
Command
command(const char* name, const char* description, bool lists_exit_codes, Add add, Run run) {
    auto options = std::make_shared<Options>();
    return {name,
            description,
            lists_exit_codes,
            [options, add](CLI::App& command, const OptionSetup& setup) {
                add(command, *options, setup);
            },
            [options, run](const Invocation& invocation) { return run(*options, invocation); }};
}

Command check_command() {
    return command<CheckOptions>(
        "check",
        "Check one client profile against the rule pack and print the verdict",
        true,
        [](CLI::App& command, CheckOptions& options, const OptionSetup& setup) {
            add_check_options(command, setup.pack, options, setup.named_command != "explain");
        },
        [](const CheckOptions& options, const Invocation& run) {
            return run_check(run.pack, options, run.in, run.out, run.err, run.environment);
        });
}

Command explain_command() {
    return command<CheckOptions>(
        "explain",
        "Explain why each rule fired or could fire for a profile (--all: every rule)",
        false,
        [](CLI::App& command, CheckOptions& options, const OptionSetup& setup) {
            add_explain_options(command,
                                setup.pack,
                                options,
                                setup.named_command == "explain" ||
                                    setup.named_command == "completion");
        },
        [](const CheckOptions& options, const Invocation& run) {
            return run_check(run.pack, options, run.in, run.out, run.err, run.environment);
        });
}

using ListingRun = Outcome (*)(const RulePack&, const ListingOptions&, std::ostream&);

Command listing_command(const char* name,
                        const char* description,
                        const std::vector<std::string>& formats,
                        ListingRun list) {
    return command<ListingOptions>(
        name,
        description,
        false,
        [formats](CLI::App& command, ListingOptions& options, const OptionSetup&) {
            add_listing_options(command, formats, options);
        },
        [list](const ListingOptions& options, const Invocation& run) {
            return list(run.pack, options, run.out);
        });
}

Command test_command() {
    return command<TestOptions>(
        "test",
        "Run a rule pack's scenario suites (PACK/tests/*.yaml) and report rule coverage",
        false,
        [](CLI::App& command, TestOptions& options, const OptionSetup&) {
            add_test_options(command, options);
        },
        [](const TestOptions& options, const Invocation& run) {
            return run_test(options, run.out, run.err);
        });
}

Command interview_command() {
    return command<InterviewOptions>(
        "interview",
        "Ask the client, in the terminal, the questions whose answers can still change the "
        "verdict, the sites or the findings, most serious first",
        false,
        [](CLI::App& command, InterviewOptions& options, const OptionSetup& setup) {
            add_interview_options(command, setup.pack, options, setup.named_command == "interview");
        },
        [](const InterviewOptions& options, const Invocation& run) {
            return run_interview(run.pack, options, run.in, run.out, run.err, run.environment);
        });
}

Command questions_command() {
    return command<QuestionsOptions>(
        "questions",
        "Print the pack's intake questions: a form (markdown), a FHIR R4 Questionnaire, or json",
        false,
        [](CLI::App& command, QuestionsOptions& options, const OptionSetup&) {
            add_questions_options(command, options);
        },
        [](const QuestionsOptions& options, const Invocation& run) {
            return run_questions(run.pack, options, run.out);
        });
}

Command batch_command() {
    return command<BatchOptions>(
        "batch",
        "Check many profiles (NDJSON, a YAML stream or CSV) and write one JSON line for each",
        true,
        [](CLI::App& command, BatchOptions& options, const OptionSetup&) {
            add_batch_options(command, options);
        },
        [](const BatchOptions& options, const Invocation& run) {
            return run_batch_command(run.pack, options, run.in, run.out, run.err, run.environment);
        });
}

Command lint_command() {
    return command<LintOptions>(
        "lint",
        "Check rule packs: everything the loader checks, plus what a reviewer looks for",
        false,
        [](CLI::App& command, LintOptions& options, const OptionSetup&) {
            add_lint_options(command, options);
        },
        [](const LintOptions& options, const Invocation& run) {
            return run_lint(options, run.out, run.err);
        });
}

Command completion_command() {
    return command<std::string>(
        "completion",
        "Print a shell completion script: commands, options, answers, site names",
        false,
        [](CLI::App& command, std::string& shell, const OptionSetup&) {
            command.add_option("shell", shell, "The shell")
                ->required()
                ->check(CLI::IsMember({"bash", "zsh", "fish"}))
                ->option_text("bash|zsh|fish");
            command.footer("Install, e.g.: contra completion bash > /etc/bash_completion.d/contra");
        },
        [](const std::string& shell, const Invocation& run) {
            fmt::print(
                run.out, "{}", completion_script(completion_model(run.app, run.pack), shell));
            return Outcome::success();
        });
}

Command help_command() {
    return command<std::string>(
        "help",
        "Print the help of contra or of one of its commands",
        false,
        [](CLI::App& command, std::string& name, const OptionSetup&) {
            command.add_option("command", name, "The command")->type_name("COMMAND");
        },
        [](const std::string& name, const Invocation& run) {
            return run_help(run.app, name, run.out, run.err);
        });
}

} // namespace

std::vector<Command> command_table() {
    return {check_command(),
            explain_command(),
            listing_command(
                "rules",
                "List the rule pack's rules: id, level, title (markdown: the evidence table)",
                {"table", "json", "markdown"},
                run_rules_listing),
            listing_command("facts",
                            "List the rule pack's questions: id, type, values, what unanswered "
                            "means",
                            {"table", "json"},
                            run_facts_listing),
            listing_command("sites",
                            "List the rule pack's body sites: groups, the sites they hold, other "
                            "names",
                            {"text", "json"},
                            run_sites_listing),
            test_command(),
            interview_command(),
            questions_command(),
            batch_command(),
            lint_command(),
            completion_command(),
            help_command()};
}

std::string_view named_command(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "check" || arg == "explain" || arg == "completion" || arg == "interview") {
            return arg;
        }
    }
    return {};
}

} // namespace contra::cli

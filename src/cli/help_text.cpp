#include "cli/help_text.hpp"

#include "util/suggest.hpp"
#include "util/terminal_text.hpp"

#include <fmt/ostream.h>

#include <array>
#include <utility>

namespace contra::cli {
namespace {

// Short enough for an 80-column terminal: the command, two spaces, what it does.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_examples{{
    {"contra",
     "  contra check client.yaml           screen one client from an intake file\n"
     "  contra check --suspected-dvt       a quick check from options alone\n"
     "  contra interview                   ask only what can change the verdict\n"
     "  contra help check                  the options of one command\n"},
    {"check",
     "  contra check client.yaml                  a report for a person\n"
     "  contra check --suspected-dvt              a quick check from options alone\n"
     "  contra check client.json --format json    JSON for a script\n"},
    {"explain",
     "  contra explain client.yaml         why each rule fired or could fire\n"
     "  contra explain --all client.yaml   every rule, also those that cannot fire\n"},
    {"rules",
     "  contra rules                       the rules, wrapped to the terminal\n"
     "  contra rules --format json         for a program\n"},
    {"facts",
     "  contra facts                       the questions, wrapped to the terminal\n"
     "  contra facts --wide | less -S      one line per question\n"},
    {"sites", "  contra sites                       the body sites as a tree of groups\n"},
    {"test", "  contra test rules --min-coverage 100   run rules/tests/*.yaml\n"},
    {"interview",
     "  contra interview                   ask the client, most serious first\n"
     "  contra interview partial.yaml --save visit.json\n"},
    {"questions",
     "  contra questions > intake.md       the intake questions as a form\n"
     "  contra questions --format fhir     a FHIR R4 Questionnaire\n"},
    {"batch",
     "  contra batch intake.ndjson > results.ndjson\n"
     "  contra batch intake.csv --columns columns.yaml\n"},
    {"lint", "  contra lint rules --werror         fail on warnings too\n"},
    {"completion", "  source <(contra completion bash)   complete in this shell\n"},
}};

} // namespace

std::string_view command_examples(std::string_view command) {
    for (const auto& [name, examples] : k_examples) {
        if (name == command) {
            return examples;
        }
    }
    return {};
}

std::string HelpFormatter::make_usage(const CLI::App* app, std::string name) const {
    std::string usage = CLI::Formatter::make_usage(app, std::move(name));
    const std::string_view examples = command_examples(app->get_name());
    if (!examples.empty()) {
        usage += "\nExamples:\n";
        usage += examples;
    }
    return usage;
}

Outcome
run_help(const CLI::App& app, const std::string& command, std::ostream& out, std::ostream& err) {
    if (command.empty()) {
        fmt::print(
            out, "{}", app.get_formatter()->make_help(&app, "contra", CLI::AppFormatMode::Normal));
        return Outcome::success();
    }
    std::vector<std::string> names;
    for (const CLI::App* subcommand : app.get_subcommands({})) {
        if (subcommand->get_name() == command) {
            fmt::print(out, "{}", subcommand->help("contra"));
            return Outcome::success();
        }
        names.push_back(subcommand->get_name());
    }
    fmt::print(err,
               "contra: error: no command '{}'{}\nRun 'contra help' for the commands.\n",
               escape_controls(command),
               did_you_mean(command, names));
    return ExitCode::usage;
}

} // namespace contra::cli

#include "cli/help_text.hpp"

#include "util/suggest.hpp"
#include "util/terminal_text.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <array>
#include <set>
#include <utility>
#include <vector>

namespace contra::cli {
namespace {

// Short enough for an 80-column terminal: the command, two spaces, what it does.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> k_examples{{
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
     "  contra rules --format json         for a program\n"
     "  contra rules --format markdown > evidence.md   the evidence table for review\n"},
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
     "  contra batch intake.csv --columns columns.yaml\n"
     "  contra batch export.csv --columns columns.yaml --encoding windows-1252\n"},
    {"lint", "  contra lint rules --werror         fail on warnings too\n"},
    {"completion", "  source <(contra completion bash)   complete in this shell\n"},
    {"help", "  contra help check                  the options of check and what it exits with\n"},
}};

constexpr std::string_view k_disclaimer =
    "contra supports a practitioner's judgement; it does not diagnose. A verdict is a\n"
    "screening result from the rule pack's logic, not a medical opinion.\n";

// One code a line, right-aligned, so that each command's man page lists them as a table.
constexpr std::string_view k_verdict_codes = "    0 proceed\n"
                                             "    1 proceed_with_precautions\n"
                                             "    2 postpone_and_refer\n"
                                             "    3 do_not_massage\n"
                                             "    4 emergency\n"
                                             "    5 incomplete: unanswered questions could "
                                             "change the verdict\n";

constexpr std::string_view k_batch_codes =
    "    0 every record: proceed\n"
    "    1 the most urgent record: proceed_with_precautions\n"
    "    5 the most urgent record: incomplete\n"
    "   65 a record was bad (its line is an error; the others are still checked),\n"
    "      and no record is postpone_and_refer or more urgent\n"
    "    2 the most urgent record: postpone_and_refer (a bad record never hides it)\n"
    "    3 the most urgent record: do_not_massage\n"
    "    4 the most urgent record: emergency\n"
    "  130 stopped by SIGINT (143: by SIGTERM)\n";

constexpr std::string_view k_error_codes =
    "   64 usage error\n"
    "   65 bad profile data\n"
    "   66 an input file is missing or unreadable\n"
    "   70 internal error\n"
    "   73 output not written: standard output, --audit-log, --body-map, --save or\n"
    "      --junit\n"
    "   78 bad rule pack, or not the one --pack-sha256 pins\n";

// What a command's own exit codes mean, before the errors every command shares.
std::string command_codes(std::string_view command) {
    if (command == "contra" || command == "check" || command == "explain" ||
        command == "interview") {
        return std::string(k_verdict_codes);
    }
    if (command == "batch") {
        return std::string(k_batch_codes);
    }
    if (command == "test") {
        return "    0 every scenario passed (and the coverage asked for was reached)\n"
               "    1 a scenario failed, or the coverage is short\n";
    }
    if (command == "lint") {
        return "    0 no finding (with --werror: not even a warning)\n";
    }
    return "    0 done\n";
}

// " LABEL: name name", the names sorted; "" for none.
std::string sorted_names(const std::string& label, const std::set<CLI::Option*>& options) {
    if (options.empty()) {
        return "";
    }
    std::vector<std::string> names;
    names.reserve(options.size());
    for (const CLI::Option* option : options) {
        names.push_back(option->get_name());
    }
    std::sort(names.begin(), names.end());
    return fmt::format(" {}: {}", label, fmt::join(names, " "));
}

} // namespace

std::string help_footer(std::string_view command) {
    std::string footer(k_disclaimer);
    footer += "\nExit status:\n";
    footer += command_codes(command);
    footer += "Errors never give a verdict:\n";
    footer += k_error_codes;
    if (command == "contra") {
        footer += "Each command's help lists its own: 'contra help batch'.\n";
    }
    footer.pop_back(); // CLI11 ends the help with a newline
    return footer;
}

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

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
    std::string opts = CLI::Formatter::make_option_opts(opt);
    if (!opt->get_option_text().empty()) {
        return opts; // CLI11 prints the option text alone
    }
    // CLI11 ends with Needs, then Excludes: cut them off and put them back sorted.
    const std::string needs = sorted_names(get_label("Needs"), opt->get_needs());
    const std::string excludes = sorted_names(get_label("Excludes"), opt->get_excludes());
    const std::string_view first = needs.empty() ? excludes : needs;
    if (!first.empty()) {
        const std::size_t label_end = first.find(':') + 1;
        opts.erase(opts.rfind(first.substr(0, label_end)));
    }
    return opts + needs + excludes;
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

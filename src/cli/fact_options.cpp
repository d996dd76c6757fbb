#include "cli/fact_options.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra::cli {
namespace {

std::string describe(const Fact& fact) {
    switch (fact.type) {
    case FactType::yes_no:
        return fact.question;
    case FactType::enumeration:
        return fmt::format("{} ({})", fact.question, fmt::join(fact.values, ", "));
    case FactType::number:
        return fmt::format("{} ({} to {} {}{})",
                           fact.question,
                           fact.min,
                           fact.max,
                           fact.unit,
                           fact.allow_none ? ", or none" : "");
    case FactType::site_list:
        return fmt::format("{} (site ids separated by commas, or none)", fact.question);
    }
    return fact.question;
}

// `--leg-warmth` answers yes; `--leg-warmth=VALUE` answers VALUE (yes, no, unknown ...), checked
// with every other answer so a bad one gets contra's message; `--no-leg-warmth` answers no.
// CLI11's own flags would read `=no` as "not given" and `=maybe` as a conversion error.
void add_yes_no_options(CLI::App& command,
                        std::uint32_t index,
                        const std::string& name,
                        const Fact& fact,
                        const std::string& group,
                        std::vector<OptionAnswer>& answers) {
    command
        .add_option(
            name,
            [&answers, index, name](const CLI::results_t& results) {
                for (const std::string& value : results) {
                    // CLI11 gives a bare flag the value "true"
                    if (value == "true") {
                        answers.push_back({index, "yes", name});
                    } else {
                        answers.push_back({index, value, fmt::format("{}={}", name, value)});
                    }
                }
                return true;
            },
            fact.question)
        ->type_size(0) // a flag: completion offers no value after it
        ->expected(0)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->group(group);
    const std::string negated = "--no-" + name.substr(2);
    command
        .add_option(
            negated,
            [&answers, index, name, negated](const CLI::results_t& results) {
                for (const std::string& value : results) {
                    if (value != "true") {
                        throw CLI::ValidationError(
                            fmt::format("{}={}: {} takes no value; write {}={} or {}",
                                        negated,
                                        value,
                                        negated,
                                        name,
                                        value,
                                        negated));
                    }
                    answers.push_back({index, "no", negated});
                }
                return true;
            },
            fmt::format("Answer no to {} (the same as {}=no)", name, name))
        ->type_size(0) // a flag: completion offers no value after it
        ->expected(0)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->group(group);
}

} // namespace

std::string option_name(const std::string& fact_id) {
    std::string name = "--" + fact_id;
    std::replace(name.begin(), name.end(), '_', '-');
    return name;
}

void add_fact_options(CLI::App& command, const RulePack& pack, std::vector<OptionAnswer>& answers) {
    const std::string group = "Answers (one option per question of the rule pack)";
    for (std::uint32_t index = 0; index < pack.facts.size(); ++index) {
        const Fact& fact = pack.facts[index];
        const std::string name = option_name(fact.id);
        try {
            if (fact.type == FactType::yes_no) {
                add_yes_no_options(command, index, name, fact, group, answers);
                continue;
            }
            command
                .add_option_function<std::string>(
                    name,
                    [&answers, index, name](const std::string& value) {
                        answers.push_back({index, value, name});
                    },
                    describe(fact))
                ->type_name(fact.type == FactType::number ? "N" : "VALUE")
                ->group(group);
        } catch (const CLI::OptionAlreadyAdded&) {
            // A fact named like a built-in option stays reachable through --set.
        }
    }
}

} // namespace contra::cli

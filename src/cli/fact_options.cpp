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
                command
                    .add_flag_callback(
                        name,
                        [&answers, index, name] {
                            answers.push_back({index, "yes", name});
                        },
                        fact.question)
                    ->group(group);
                const std::string negated = "--no-" + name.substr(2);
                command
                    .add_flag_callback(
                        negated,
                        [&answers, index, negated] {
                            answers.push_back({index, "no", negated});
                        },
                        fmt::format("Answer no to {}", name))
                    ->group(group);
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

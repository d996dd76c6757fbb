#include "output/render_listing.hpp"

#include "model/fact_value.hpp"
#include "output/answer_json.hpp"
#include "output/render_json.hpp"
#include "util/terminal_text.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

namespace contra {
namespace {

using nlohmann::ordered_json;

std::string values_of(const Fact& fact) {
    switch (fact.type) {
    case FactType::yes_no:
        return "yes, no";
    case FactType::enumeration:
        return fmt::format("{}", fmt::join(fact.values, ", "));
    case FactType::number:
        return fmt::format("{} to {} {}{}",
                           format_number(fact.min),
                           format_number(fact.max),
                           fact.unit,
                           fact.allow_none ? ", or none" : "");
    case FactType::site_list:
        return "body sites";
    }
    return "";
}

// A plain table: columns padded to their widest cell, the last column left to run on. Cells
// come from the pack, so each is escaped before it is measured.
void print_table(std::vector<std::vector<std::string>> rows, std::ostream& out) {
    for (auto& row : rows) {
        for (std::string& cell : row) {
            cell = escape_controls(cell);
        }
    }
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i + 1 < row.size(); ++i) {
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += i + 1 < row.size() ? fmt::format("{:<{}}  ", row[i], widths[i]) : row[i];
        }
        fmt::print(out, "{}\n", line);
    }
}

std::string describe_assumption(const RulePack& pack, const Fact& fact) {
    return fmt::format("assume {}{}",
                       describe_value(pack.sites, fact, fact.assumed),
                       fact.assumption_note.empty() ? "" : " (" + fact.assumption_note + ")");
}

std::string describe_unknown_policy(const RulePack& pack, const Fact& fact) {
    switch (fact.unknown) {
    case UnknownPolicy::required:
        return "required";
    case UnknownPolicy::optional:
        return "optional";
    case UnknownPolicy::assume:
        return describe_assumption(pack, fact);
    case UnknownPolicy::required_when:
        return "required when another answer makes it matter";
    }
    return "";
}

} // namespace

std::string describe_policy(const RulePack& pack, const Fact& fact) {
    if (fact.assume_when == 0) {
        return describe_unknown_policy(pack, fact);
    }
    return fmt::format("{}; {} when another answer calls for it",
                       describe_unknown_policy(pack, fact),
                       describe_assumption(pack, fact));
}

namespace {

// A rule's action notes in pack order: `batch --detail ids` names them by their index here.
std::vector<std::string> action_note_texts(const Rule& rule) {
    std::vector<std::string> texts;
    for (const ActionNote& note : rule.action_notes) {
        texts.push_back(note.text);
    }
    return texts;
}

} // namespace

ordered_json rules_to_json(const RulePack& pack) {
    ordered_json rules = ordered_json::array();
    for (const Rule& rule : pack.rules) {
        rules.push_back(ordered_json{{"rule", rule.id},
                                     {"name", rule.name},
                                     {"level", to_string(rule.level)},
                                     {"clearable", rule.clearable},
                                     {"title", rule.title},
                                     {"action", rule.action},
                                     {"action_notes", action_note_texts(rule)},
                                     {"rationale", rule.rationale},
                                     {"grade", rule.grade},
                                     {"sources", rule.sources}});
    }
    return ordered_json{
        {"pack",
         {{"name", pack.info.name}, {"version", pack.info.version}, {"sha256", pack.info.sha256}}},
        {"rules", std::move(rules)}};
}

ordered_json facts_to_json(const RulePack& pack) {
    ordered_json facts = ordered_json::array();
    for (const Fact& fact : pack.facts) {
        ordered_json item{{"fact", fact.id}, {"type", to_string(fact.type)}};
        if (fact.type == FactType::enumeration || fact.type == FactType::yes_no) {
            item["values"] = fact.values;
        }
        if (fact.type == FactType::number) {
            item["unit"] = fact.unit;
            item["min"] = fact.min;
            item["max"] = fact.max;
            item["allow_none"] = fact.allow_none;
        }
        item["question"] = fact.question;
        item["unknown"] = describe_policy(pack, fact);
        if (fact.unknown == UnknownPolicy::assume || fact.assume_when != 0) {
            item["assumed"] = value_to_json(pack, fact, fact.assumed);
        }
        facts.push_back(std::move(item));
    }
    return ordered_json{
        {"pack",
         {{"name", pack.info.name}, {"version", pack.info.version}, {"sha256", pack.info.sha256}}},
        {"facts", std::move(facts)}};
}

void render_rules_table(const RulePack& pack, std::ostream& out) {
    std::vector<std::vector<std::string>> rows{{"ID", "LEVEL", "CLEARABLE", "TITLE"}};
    for (const Rule& rule : pack.rules) {
        rows.push_back({rule.id,
                        std::string(to_string(rule.level)),
                        rule.clearable ? "yes" : "no",
                        rule.title});
    }
    print_table(rows, out);
}

void render_facts_table(const RulePack& pack, std::ostream& out) {
    std::vector<std::vector<std::string>> rows{
        {"FACT", "TYPE", "VALUES", "IF UNANSWERED", "QUESTION"}};
    for (const Fact& fact : pack.facts) {
        rows.push_back({fact.id,
                        std::string(to_string(fact.type)),
                        values_of(fact),
                        describe_policy(pack, fact),
                        fact.question});
    }
    print_table(rows, out);
}

} // namespace contra

#include "output/render_listing.hpp"

#include "model/fact_value.hpp"
#include "output/answer_json.hpp"
#include "output/render_json.hpp"
#include "output/render_text.hpp"
#include "util/terminal_text.hpp"
#include "util/word_wrap.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>

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

using Rows = std::vector<std::vector<std::string>>;

// Columns padded to their widest cell; the last one runs on, or, within `width`, is wrapped
// under itself.
void print_columns(const Rows& rows, std::size_t width, std::ostream& out) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t i = 0; i + 1 < row.size(); ++i) {
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i + 1 < row.size(); ++i) {
            line += fmt::format("{:<{}}  ", row[i], widths[i]);
        }
        line += width == 0 ? row.back() : wrap(row.back(), line.size(), width);
        fmt::print(out, "{}\n", line);
    }
}

// One block per row for tables too wide to wrap as columns: the first cell, then each other
// cell under its column's name, wrapped within `width`.
void print_records(const Rows& rows, std::size_t width, std::ostream& out) {
    std::size_t label_width = 0;
    for (std::size_t i = 1; i < rows.front().size(); ++i) {
        label_width = std::max(label_width, rows.front()[i].size());
    }
    const std::size_t indent = 2 + label_width + 2;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        fmt::print(out, "{}{}\n", r > 1 ? "\n" : "", rows[r].front());
        for (std::size_t i = 1; i < rows[r].size(); ++i) {
            std::string label = rows.front()[i] + ":";
            std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) {
                return static_cast<char>(std::tolower(c));
            });
            fmt::print(
                out, "  {:<{}} {}\n", label, label_width + 1, wrap(rows[r][i], indent, width));
        }
    }
}

// A table for people: one line per row with `width` 0 (--wide); else within `width` columns,
// the last column wrapped when the others leave it room enough, else a block per row. Cells
// come from the pack, so each is escaped before it is measured.
void print_table(Rows rows, std::size_t width, std::ostream& out) {
    constexpr std::size_t k_narrowest_wrapped_column = 30;
    std::size_t fixed = 0;
    std::size_t last = 0;
    for (auto& row : rows) {
        for (std::string& cell : row) {
            cell = escape_controls(cell);
        }
    }
    for (std::size_t i = 0; i + 1 < rows.front().size(); ++i) {
        std::size_t column = 0;
        for (const auto& row : rows) {
            column = std::max(column, row[i].size());
        }
        fixed += column + 2;
    }
    for (const auto& row : rows) {
        last = std::max(last, row.back().size());
    }
    if (width == 0 || fixed + last <= width || fixed + k_narrowest_wrapped_column <= width) {
        print_columns(rows, width, out);
    } else {
        print_records(rows, width, out);
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
        item["holds"] = describe_shelf_life(fact);
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

void render_rules_table(const RulePack& pack, std::size_t width, std::ostream& out) {
    std::vector<std::vector<std::string>> rows{{"ID", "LEVEL", "CLEARABLE", "TITLE"}};
    for (const Rule& rule : pack.rules) {
        rows.push_back({rule.id,
                        std::string(to_string(rule.level)),
                        rule.clearable ? "yes" : "no",
                        rule.title});
    }
    print_table(std::move(rows), width, out);
}

void render_facts_table(const RulePack& pack, std::size_t width, std::ostream& out) {
    std::vector<std::vector<std::string>> rows{
        {"FACT", "TYPE", "VALUES", "IF UNANSWERED", "HOLDS", "QUESTION"}};
    for (const Fact& fact : pack.facts) {
        rows.push_back({fact.id,
                        std::string(to_string(fact.type)),
                        values_of(fact),
                        describe_policy(pack, fact),
                        describe_shelf_life(fact),
                        fact.question});
    }
    print_table(std::move(rows), width, out);
}

} // namespace contra

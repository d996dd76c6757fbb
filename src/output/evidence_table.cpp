#include "output/evidence_table.hpp"

#include "output/explanation.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <set>

namespace contra {
namespace {

// A Markdown table cell: one line, pipes escaped.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string type_words(SourceType type) {
    std::string text(to_string(type));
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

// A condition on one line: "any of (sudden breathlessness is yes; chest pain is yes)"; a
// predicate by its title.
std::string condition_words(const ExplainedNode& node, bool top) {
    if (node.children.empty()) {
        return node.text;
    }
    if (node.text == "not this") {
        return "not (" + condition_words(node.children.front(), false) + ")";
    }
    if (node.text != "all of these" && node.text != "any of these") {
        return node.text; // a predicate: its title
    }
    std::vector<std::string> parts;
    for (const ExplainedNode& child : node.children) {
        parts.push_back(condition_words(child, false));
    }
    const std::string joined = fmt::format("{}", fmt::join(parts, "; "));
    const std::string_view head = node.text == "all of these" ? "all of" : "any of";
    return top ? fmt::format("{}: {}", head, joined) : fmt::format("{} ({})", head, joined);
}

std::string sites_words(const RulePack& pack, const Rule& rule) {
    std::vector<std::string> parts;
    if (rule.avoid != 0) {
        parts.push_back("avoid " + site_expr_in_words(pack, rule.avoid - 1));
    }
    if (rule.no_pressure != 0) {
        parts.push_back("no pressure on " + site_expr_in_words(pack, rule.no_pressure - 1));
    }
    return parts.empty() ? "–" : fmt::format("{}", fmt::join(parts, "; "));
}

void render_rule(const RulePack& pack, const Rule& rule, std::ostream& out) {
    const ExplainedNode when = condition_in_words(pack, rule.condition);
    fmt::print(out, "### {} `{}`: {}\n\n", rule.id, rule.name, cell(rule.title));
    fmt::print(out, "| | |\n|---|---|\n");
    fmt::print(out, "| Level | `{}` |\n", to_string(rule.level));
    fmt::print(out, "| Clearable | {} |\n", rule.clearable ? "yes" : "no");
    fmt::print(out, "| Fires when | {} |\n", cell(condition_words(when, true)));
    fmt::print(out, "| Sites | {} |\n", cell(sites_words(pack, rule)));
    fmt::print(out, "| Action | {} |\n", cell(rule.action));
    for (const ActionNote& note : rule.action_notes) {
        fmt::print(out,
                   "| Also, when {} | {} |\n",
                   cell(condition_words(condition_in_words(pack, note.condition), false)),
                   cell(note.text));
    }
    fmt::print(out, "| Grade | {} |\n", cell(rule.grade.empty() ? "–" : rule.grade));
    fmt::print(out, "| Evidence | {} |\n", evidence_basis(pack, rule));
    fmt::print(out, "| Deviation | {} |\n\n", cell(rule.deviation.empty() ? "–" : rule.deviation));
    fmt::print(out, "Sources:\n\n");
    if (rule.citations.empty()) {
        for (const std::string& text : rule.sources) {
            fmt::print(out, "- (untyped) {}\n", text);
        }
    }
    for (const Citation& citation : rule.citations) {
        const EvidenceSource& source = pack.evidence[citation.source];
        fmt::print(out,
                   "- `{}` ({}): {}{}\n",
                   source.id,
                   type_words(source.type),
                   citation_text(source),
                   citation.detail.empty() ? "" : " — " + citation.detail);
    }
    fmt::print(out, "\n");
}

void render_sources(const RulePack& pack, std::ostream& out) {
    if (pack.evidence.empty()) {
        return;
    }
    fmt::print(out, "## Sources\n\n| id | type | citation | supports | cited by |\n");
    fmt::print(out, "|---|---|---|---|---|\n");
    for (std::uint32_t i = 0; i < pack.evidence.size(); ++i) {
        std::vector<std::string> cited_by;
        for (const Rule& rule : pack.rules) {
            if (std::any_of(rule.citations.begin(), rule.citations.end(), [&](const Citation& c) {
                    return c.source == i;
                })) {
                cited_by.push_back(rule.id);
            }
        }
        const EvidenceSource& source = pack.evidence[i];
        fmt::print(out,
                   "| `{}` | {} | {} | {} | {} |\n",
                   source.id,
                   type_words(source.type),
                   cell(citation_text(source)),
                   cell(source.supports),
                   cited_by.empty() ? "–" : fmt::format("{}", fmt::join(cited_by, ", ")));
    }
}

} // namespace

std::string evidence_basis(const RulePack& pack, const Rule& rule) {
    if (rule.citations.empty()) {
        return "free-text citations";
    }
    std::set<SourceType> types;
    for (const Citation& citation : rule.citations) {
        types.insert(pack.evidence[citation.source].type);
    }
    if (types == std::set<SourceType>{SourceType::practitioner_article}) {
        return "practitioner articles only";
    }
    std::vector<std::string> names;
    names.reserve(types.size());
    for (SourceType type : types) {
        names.push_back(type_words(type));
    }
    return fmt::format("{}", fmt::join(names, ", "));
}

void render_evidence_markdown(const RulePack& pack, std::ostream& out) {
    fmt::print(out, "# Evidence table: {} {}\n\n", pack.info.name, pack.info.version);
    fmt::print(out,
               "{}Pack sha256 `{}`{}. Generated by `contra rules --format markdown`; one "
               "section per rule, most severe level first as the pack lists them, then every "
               "source the pack cites.\n\n",
               pack.info.title.empty() ? "" : cell(pack.info.title) + ". ",
               pack.info.sha256,
               pack.info.reviewed.empty() ? "" : ", last clinical review " + pack.info.reviewed);
    fmt::print(out,
               "Evidence lists the kinds of source a rule cites, strongest first (guideline, "
               "systematic review, peer-reviewed study, professional guidance, textbook, "
               "practitioner article, seed).\n\n## Rules\n\n");
    for (const Rule& rule : pack.rules) {
        render_rule(pack, rule, out);
    }
    render_sources(pack, out);
}

} // namespace contra

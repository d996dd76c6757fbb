#include "output/report_json_writer.hpp"

#include "output/answer_json.hpp"
#include "output/json_text.hpp"

#include <fmt/format.h>

namespace contra {
namespace {

using nlohmann::ordered_json;

std::string member(std::string_view key, const ordered_json& value) {
    return fmt::format("\"{}\":{}", key, to_compact_json(value));
}

// Level and verdict names are plain identifiers: nothing to escape.
std::string quoted(std::string_view name) {
    return fmt::format("\"{}\"", name);
}

} // namespace

ReportJsonWriter::ReportJsonWriter(const RulePack& pack) : m_pack(pack) {
    for (const Rule& rule : pack.rules) {
        m_rules.push_back(
            {member("rule", rule.id) + "," + member("name", rule.name),
             member("title", rule.title),
             to_compact_json(rule.action),
             member("rationale", rule.rationale) + "," + member("sources", rule.sources)});
    }
    for (const auto& leaf : pack.sites.leaves()) {
        m_leaves.push_back(to_compact_json(leaf.id));
    }
    for (const Fact& fact : pack.facts) {
        m_facts.push_back(to_compact_json(fact.id));
        m_unanswered.push_back(member("fact", fact.id) + "," + member("question", fact.question));
    }
    m_pack_member = member("pack",
                           ordered_json{{"name", pack.info.name},
                                        {"version", pack.info.version},
                                        {"sha256", pack.info.sha256}});
}

void ReportJsonWriter::append_sites(const SiteSet& sites, std::string& out) const {
    out += '[';
    bool first = true;
    sites.for_each([&](std::size_t leaf) {
        if (!first) {
            out += ',';
        }
        first = false;
        out += m_leaves[leaf];
    });
    out += ']';
}

void ReportJsonWriter::append_facts(const std::vector<std::uint32_t>& facts,
                                    std::string& out) const {
    out += '[';
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += m_facts[facts[i]];
    }
    out += ']';
}

void ReportJsonWriter::append_members(const Report& report, std::string& out) const {
    out += "\"schema_version\":1,\"verdict\":";
    out += quoted(to_string(report.verdict));
    out += ",\"established\":";
    out += quoted(to_string(report.established));
    out += report.verdict_rests_on_assumptions ? ",\"verdict_rests_on_assumptions\":true"
                                               : ",\"verdict_rests_on_assumptions\":false";
    out += ",\"avoid\":";
    append_sites(report.avoid, out);
    out += ",\"no_pressure\":";
    append_sites(report.no_pressure, out);
    out += ",\"findings\":[";
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_finding(report.findings[i], out);
    }
    out += "],\"could_fire\":[";
    append_could_fire(report.could_fire, out);
    out += "],\"unanswered\":[";
    append_unanswered(report.unanswered, out);
    out += "],\"assumed\":[";
    append_assumed(report.assumed, out);
    out += "],";
    out += m_pack_member;
}

void ReportJsonWriter::append_finding(const Finding& finding, std::string& out) const {
    const RuleText& text = m_rules[finding.rule];
    out += '{';
    out += text.head;
    out += ",\"level\":";
    out += quoted(to_string(finding.level));
    out += finding.cleared ? ",\"cleared\":true," : ",\"cleared\":false,";
    out += text.title;
    out += ",\"action\":";
    if (finding.notes.empty()) {
        out += text.action;
    } else {
        std::string action = m_pack.rules[finding.rule].action;
        for (const std::string& note : finding.notes) {
            action += " " + note;
        }
        out += to_compact_json(action);
    }
    out += ",\"sites\":";
    append_sites(finding.avoid | finding.no_pressure, out);
    out += ",\"avoid\":";
    append_sites(finding.avoid, out);
    out += ",\"no_pressure\":";
    append_sites(finding.no_pressure - finding.avoid, out);
    out += ",\"assumed_facts\":";
    append_facts(finding.assumed_facts, out);
    out += ',';
    out += text.tail;
    out += '}';
}

void ReportJsonWriter::append_could_fire(const std::vector<CouldFire>& could_fires,
                                         std::string& out) const {
    for (std::size_t i = 0; i < could_fires.size(); ++i) {
        const CouldFire& could_fire = could_fires[i];
        const RuleText& text = m_rules[could_fire.rule];
        out += i == 0 ? "{" : ",{";
        out += text.head;
        out += ",\"level\":";
        out += quoted(to_string(could_fire.level));
        out += ',';
        out += text.title;
        out += ",\"needs\":";
        append_facts(could_fire.needs, out);
        out += '}';
    }
}

void ReportJsonWriter::append_unanswered(const std::vector<Unanswered>& unanswered_facts,
                                         std::string& out) const {
    for (std::size_t i = 0; i < unanswered_facts.size(); ++i) {
        const Unanswered& unanswered = unanswered_facts[i];
        out += i == 0 ? "{" : ",{";
        out += m_unanswered[unanswered.fact];
        out += ",\"could_raise_to\":";
        out += quoted(to_string(unanswered.could_raise_to));
        out += '}';
    }
}

void ReportJsonWriter::append_assumed(const std::vector<Assumption>& assumptions,
                                      std::string& out) const {
    for (std::size_t i = 0; i < assumptions.size(); ++i) {
        const Assumption& assumption = assumptions[i];
        const Fact& fact = m_pack.facts[assumption.fact];
        out += i == 0 ? "{" : ",{";
        out += "\"fact\":";
        out += m_facts[assumption.fact];
        out += ",\"value\":";
        out += to_compact_json(value_to_json(m_pack, fact, assumption.value));
        if (assumption.is_default_area) {
            out += ",\"note\":\"the default area of the modality\"";
        } else if (!fact.assumption_note.empty()) {
            out += ',';
            out += member("note", fact.assumption_note);
        }
        out += '}';
    }
}

} // namespace contra

#include "output/report_json_writer.hpp"

#include "output/answer_json.hpp"
#include "output/json_text.hpp"

#include <fmt/format.h>

#include <array>

namespace contra {
namespace {

using nlohmann::ordered_json;

std::string member(std::string_view key, const ordered_json& value) {
    return fmt::format("\"{}\":{}", key, to_compact_json(value));
}

// Level and verdict names are plain identifiers: nothing to escape. Appended in place: a
// batch writes millions of them.
void append_quoted(std::string_view name, std::string& out) {
    out += '"';
    out += name;
    out += '"';
}

constexpr std::array<Level, 5> k_levels{Level::proceed,
                                        Level::proceed_with_precautions,
                                        Level::postpone_and_refer,
                                        Level::do_not_massage,
                                        Level::emergency};

// The index of the item for `index` at `level` in a list made by index, then k_levels.
std::size_t item_of(std::uint32_t index, Level level) {
    return index * k_levels.size() + static_cast<std::size_t>(level);
}

} // namespace

ReportJsonWriter::ReportJsonWriter(const RulePack& pack) : m_pack(pack) {
    for (const Rule& rule : pack.rules) {
        m_rules.push_back(
            {member("rule", rule.id) + "," + member("name", rule.name),
             member("title", rule.title),
             to_compact_json(rule.action),
             member("rationale", rule.rationale) + "," + member("sources", rule.sources)});
        m_rule_ids.push_back(member("rule", rule.id));
        for (const Level level : k_levels) {
            m_could_fire_items.add(
                fmt::format("{{{},\"level\":\"{}\"}}", m_rule_ids.back(), to_string(level)));
        }
    }
    for (const auto& leaf : pack.sites.leaves()) {
        m_leaves.push_back(to_compact_json(leaf.id));
    }
    for (const Fact& fact : pack.facts) {
        m_facts.push_back(to_compact_json(fact.id));
        m_unanswered.push_back(member("fact", fact.id) + "," + member("question", fact.question));
        for (const Level level : k_levels) {
            m_unanswered_items.add(fmt::format(
                "{{\"fact\":{},\"could_raise_to\":\"{}\"}}", m_facts.back(), to_string(level)));
        }
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
    out += "\"schema_version\":1,";
    append_verdict_and_sites(report, out);
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
    append_dated(report, out);
    out += m_pack_member;
}

// "verdict":…,"established":…,"verdict_rests_on_assumptions":…,"avoid":[…],"no_pressure":[…]
void ReportJsonWriter::append_verdict_and_sites(const Report& report, std::string& out) const {
    out += "\"verdict\":";
    append_quoted(to_string(report.verdict), out);
    out += ",\"established\":";
    append_quoted(to_string(report.established), out);
    out += report.verdict_rests_on_assumptions ? ",\"verdict_rests_on_assumptions\":true"
                                               : ",\"verdict_rests_on_assumptions\":false";
    out += ",\"avoid\":";
    append_sites(report.avoid, out);
    out += ",\"no_pressure\":";
    append_sites(report.no_pressure, out);
}

void ReportJsonWriter::append_id_members(const Report& report, std::string& out) const {
    out += "\"schema_version\":1,\"detail\":\"ids\",";
    append_verdict_and_sites(report, out);
    out += ",\"findings\":[";
    for (std::size_t i = 0; i < report.findings.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_finding_ids(report.findings[i], out);
    }
    out += "],\"could_fire\":";
    m_could_fire_items.append_list(
        report.could_fire,
        [](const CouldFire& could_fire) { return item_of(could_fire.rule, could_fire.level); },
        out);
    out += ",\"unanswered\":";
    m_unanswered_items.append_list(
        report.unanswered,
        [](const Unanswered& unanswered) {
            return item_of(unanswered.fact, unanswered.could_raise_to);
        },
        out);
    out += ',';
    append_dated(report, out);
    out += m_pack_member;
}

// {"rule":…,"level":…,"cleared":…,"notes":[…],"assumed_facts":[…]}
void ReportJsonWriter::append_finding_ids(const Finding& finding, std::string& out) const {
    out += '{';
    out += m_rule_ids[finding.rule];
    out += ",\"level\":";
    append_quoted(to_string(finding.level), out);
    out += finding.cleared ? ",\"cleared\":true" : ",\"cleared\":false";
    out += ",\"notes\":";
    append_note_indexes(finding, out);
    out += ",\"assumed_facts\":";
    append_facts(finding.assumed_facts, out);
    out += '}';
}

// The finding's action notes, as indexes into its rule's `action_notes` (contra rules --format
// json). The evaluator adds the notes whose condition held in the rule's order, so one pass
// over both lists matches them.
void ReportJsonWriter::append_note_indexes(const Finding& finding, std::string& out) const {
    const std::vector<ActionNote>& notes = m_pack.rules[finding.rule].action_notes;
    out += '[';
    std::size_t next = 0;
    for (std::size_t i = 0; i < notes.size() && next < finding.notes.size(); ++i) {
        if (notes[i].text == finding.notes[next]) {
            out += next == 0 ? "" : ",";
            out += std::to_string(i);
            ++next;
        }
    }
    out += ']';
}

void ReportJsonWriter::append_finding(const Finding& finding, std::string& out) const {
    const RuleText& text = m_rules[finding.rule];
    out += '{';
    out += text.head;
    out += ",\"level\":";
    append_quoted(to_string(finding.level), out);
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
        append_quoted(to_string(could_fire.level), out);
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
        append_quoted(to_string(unanswered.could_raise_to), out);
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

void ReportJsonWriter::append_dated(const Report& report, std::string& out) const {
    out += "\"expired\":[";
    for (std::size_t i = 0; i < report.expired.size(); ++i) {
        const ExpiredAnswer& expired = report.expired[i];
        out += i == 0 ? "{\"fact\":" : ",{\"fact\":";
        out += m_facts[expired.fact];
        out += ",\"answered_on\":";
        append_quoted(to_string(expired.answered_on), out);
        out += '}';
    }
    out += "],\"aged\":[";
    for (std::size_t i = 0; i < report.aged.size(); ++i) {
        const AgedAnswer& aged = report.aged[i];
        out += i == 0 ? "{\"fact\":" : ",{\"fact\":";
        out += m_facts[aged.fact];
        out += ",\"answered_on\":";
        append_quoted(to_string(aged.answered_on), out);
        out += ",\"given\":";
        out += to_compact_json(aged.given);
        out += ",\"used\":";
        out += to_compact_json(aged.used);
        out += '}';
    }
    out += "],";
}

} // namespace contra

#include "contra/render_json.hpp"

namespace contra {
namespace {

using nlohmann::ordered_json;

ordered_json leaf_ids(const RulePack& pack, const SiteSet& sites) {
    ordered_json ids = ordered_json::array();
    for (std::string& id : pack.sites.leaf_ids(sites)) {
        ids.push_back(std::move(id));
    }
    return ids;
}

std::string full_action(const Rule& rule, const Finding& finding) {
    std::string action = rule.action;
    for (const std::string& note : finding.notes) {
        action += " " + note;
    }
    return action;
}

} // namespace

ordered_json value_to_json(const RulePack& pack, const Fact& fact, const Value& value) {
    switch (value.kind) {
    case ValueKind::unknown:
        return "unknown";
    case ValueKind::absent:
        return nullptr;
    case ValueKind::choice:
        return fact.values.at(value.choice);
    case ValueKind::number:
        return value.number;
    case ValueKind::none:
        return "none";
    case ValueKind::sites:
        return leaf_ids(pack, value.sites);
    }
    return nullptr;
}

ordered_json report_to_json(const RulePack& pack, const Report& report) {
    ordered_json json;
    json["schema_version"] = 1;
    json["verdict"] = to_string(report.verdict);
    json["established"] = to_string(report.established);
    json["avoid"] = leaf_ids(pack, report.avoid);
    json["no_pressure"] = leaf_ids(pack, report.no_pressure);
    json["findings"] = ordered_json::array();
    for (const Finding& finding : report.findings) {
        const Rule& rule = pack.rules[finding.rule];
        ordered_json item;
        item["rule"] = rule.id;
        item["name"] = rule.name;
        item["level"] = to_string(finding.level);
        item["cleared"] = finding.cleared;
        item["title"] = rule.title;
        item["action"] = full_action(rule, finding);
        item["sites"] = leaf_ids(pack, finding.avoid | finding.no_pressure);
        item["avoid"] = leaf_ids(pack, finding.avoid);
        item["no_pressure"] = leaf_ids(pack, finding.no_pressure - finding.avoid);
        item["rationale"] = rule.rationale;
        item["sources"] = rule.sources;
        json["findings"].push_back(std::move(item));
    }
    json["could_fire"] = ordered_json::array();
    for (const CouldFire& could_fire : report.could_fire) {
        const Rule& rule = pack.rules[could_fire.rule];
        ordered_json needs = ordered_json::array();
        for (std::uint32_t fact : could_fire.needs) {
            needs.push_back(pack.facts[fact].id);
        }
        json["could_fire"].push_back(ordered_json{{"rule", rule.id},
                                                  {"name", rule.name},
                                                  {"level", to_string(could_fire.level)},
                                                  {"title", rule.title},
                                                  {"needs", std::move(needs)}});
    }
    json["unanswered"] = ordered_json::array();
    for (const Unanswered& unanswered : report.unanswered) {
        const Fact& fact = pack.facts[unanswered.fact];
        json["unanswered"].push_back(
            ordered_json{{"fact", fact.id},
                         {"question", fact.question},
                         {"could_raise_to", to_string(unanswered.could_raise_to)}});
    }
    json["assumed"] = ordered_json::array();
    for (const Assumption& assumption : report.assumed) {
        const Fact& fact = pack.facts[assumption.fact];
        ordered_json item{{"fact", fact.id},
                          {"value", value_to_json(pack, fact, assumption.value)}};
        if (assumption.is_default_area) {
            item["note"] = "the default area of the modality";
        } else if (!fact.assumption_note.empty()) {
            item["note"] = fact.assumption_note;
        }
        json["assumed"].push_back(std::move(item));
    }
    json["pack"] = ordered_json{
        {"name", pack.info.name}, {"version", pack.info.version}, {"sha256", pack.info.sha256}};
    return json;
}

void write_json(const nlohmann::ordered_json& json, std::ostream& out) {
    out << json.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

void render_json(const RulePack& pack, const Report& report, std::ostream& out) {
    write_json(report_to_json(pack, report), out);
}

} // namespace contra

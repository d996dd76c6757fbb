#include "contra/render_json.hpp"

#include "contra/report_json_writer.hpp"

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
    std::string text = "{";
    ReportJsonWriter(pack).append_members(report, text);
    text += '}';
    return ordered_json::parse(text);
}

std::string to_compact_json(const ordered_json& json) {
    return json.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void write_json(const nlohmann::ordered_json& json, std::ostream& out) {
    out << json.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

void render_json(const RulePack& pack, const Report& report, std::ostream& out) {
    write_json(report_to_json(pack, report), out);
}

} // namespace contra

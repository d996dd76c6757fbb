#include "output/answer_json.hpp"

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

} // namespace contra

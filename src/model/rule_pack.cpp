#include "model/rule_pack.hpp"

namespace contra {

std::string_view to_string(FactType type) {
    switch (type) {
    case FactType::yes_no:
        return "yes_no";
    case FactType::enumeration:
        return "enum";
    case FactType::number:
        return "number";
    case FactType::site_list:
        return "site_list";
    }
    return "?";
}

std::optional<std::uint32_t> RulePack::find_fact(std::string_view id) const {
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (facts[i].id == id) {
            return static_cast<std::uint32_t>(i);
        }
    }
    return std::nullopt;
}

const Rule* RulePack::find_rule(std::string_view id) const {
    for (const Rule& rule : rules) {
        if (rule.id == id) {
            return &rule;
        }
    }
    return nullptr;
}

std::vector<std::string> RulePack::fact_ids() const {
    std::vector<std::string> ids;
    ids.reserve(facts.size());
    for (const Fact& fact : facts) {
        ids.push_back(fact.id);
    }
    return ids;
}

} // namespace contra

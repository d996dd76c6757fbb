#include "model/condition_facts.hpp"

namespace contra {

void facts_of_condition(const RulePack& pack, std::uint32_t index, std::set<std::uint32_t>& facts) {
    const Condition& node = pack.conditions[index];
    switch (node.kind) {
    case ConditionKind::all:
    case ConditionKind::any:
        for (std::uint32_t i = 0; i < node.count; ++i) {
            facts_of_condition(pack, pack.children[node.first + i], facts);
        }
        return;
    case ConditionKind::negation:
        facts_of_condition(pack, node.target, facts);
        return;
    case ConditionKind::choice_in:
    case ConditionKind::number_compare:
        facts.insert(node.fact);
        return;
    case ConditionKind::predicate:
        facts_of_condition(pack, pack.predicates[node.target].condition, facts);
        return;
    case ConditionKind::has_sites:
        facts_of_sites(pack, node.target, facts);
        return;
    }
}

void facts_of_sites(const RulePack& pack, std::uint32_t index, std::set<std::uint32_t>& facts) {
    const SiteExpr& expr = pack.site_exprs[index];
    if (expr.kind == SiteExprKind::fact) {
        facts.insert(expr.fact);
    }
    if (expr.kind == SiteExprKind::in_area || expr.kind == SiteExprKind::outside_area) {
        facts.insert(pack.modality_fact);
    }
    if (expr.kind == SiteExprKind::when) {
        facts_of_condition(pack, expr.condition, facts);
    }
    if (expr.otherwise != 0) {
        facts_of_sites(pack, expr.otherwise - 1, facts);
    }
    for (std::uint32_t i = 0; i < expr.count; ++i) {
        facts_of_sites(pack, pack.children[expr.first + i], facts);
    }
}

bool can_be_uncertain(const RulePack& pack, std::uint32_t condition) {
    std::set<std::uint32_t> facts;
    facts_of_condition(pack, condition, facts);
    for (std::uint32_t fact : facts) {
        const UnknownPolicy policy = pack.facts[fact].unknown;
        if (policy == UnknownPolicy::required || policy == UnknownPolicy::required_when) {
            return true;
        }
    }
    return false;
}

} // namespace contra

#include "engine/interview_order.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace contra {
namespace {

using FactSet = std::set<std::uint32_t>;

// Walks the pack's conditions, recording for each test of a fact the facts it is in
// conjunction with there; a fact's gates are those common to all its tests.
class GateWalker {
  public:
    explicit GateWalker(const RulePack& pack)
        : m_pack(pack), m_common(pack.facts.size()), m_seen(pack.facts.size(), false) {}

    void condition(std::uint32_t index, const FactSet& guards) {
        const Condition& node = m_pack.conditions[index];
        switch (node.kind) {
        case ConditionKind::all:
            for (std::uint32_t i = 0; i < node.count; ++i) {
                FactSet inner = guards;
                for (std::uint32_t j = 0; j < node.count; ++j) {
                    if (j != i) {
                        facts_of(child(node.first, j), inner);
                    }
                }
                condition(child(node.first, i), inner);
            }
            return;
        case ConditionKind::any:
            for (std::uint32_t i = 0; i < node.count; ++i) {
                condition(child(node.first, i), guards);
            }
            return;
        case ConditionKind::negation:
            condition(node.target, guards);
            return;
        case ConditionKind::choice_in:
        case ConditionKind::number_compare:
            occurs(node.fact, guards);
            return;
        case ConditionKind::predicate:
            condition(m_pack.predicates[node.target].condition, guards);
            return;
        case ConditionKind::has_sites:
            sites(node.target, guards);
            return;
        }
    }

    void sites(std::uint32_t index, const FactSet& guards) {
        const SiteExpr& expr = m_pack.site_exprs[index];
        switch (expr.kind) {
        case SiteExprKind::fact:
            occurs(expr.fact, guards);
            return;
        case SiteExprKind::literal:
            return;
        case SiteExprKind::when: {
            FactSet inner = guards;
            condition_facts(expr.condition, inner);
            for (std::uint32_t i = 0; i < expr.count; ++i) {
                sites(child(expr.first, i), inner);
            }
            FactSet of_sites = guards;
            for (std::uint32_t i = 0; i < expr.count; ++i) {
                site_facts(child(expr.first, i), of_sites);
            }
            condition(expr.condition, of_sites);
            return;
        }
        default:
            for (std::uint32_t i = 0; i < expr.count; ++i) {
                sites(child(expr.first, i), guards);
            }
            if (expr.otherwise != 0) {
                sites(expr.otherwise - 1, guards);
            }
            return;
        }
    }

    /// Every fact a condition tests, through predicates and site expressions.
    void condition_facts(std::uint32_t index, FactSet& into) const {
        const Condition& node = m_pack.conditions[index];
        switch (node.kind) {
        case ConditionKind::all:
        case ConditionKind::any:
            for (std::uint32_t i = 0; i < node.count; ++i) {
                condition_facts(child(node.first, i), into);
            }
            return;
        case ConditionKind::negation:
            condition_facts(node.target, into);
            return;
        case ConditionKind::choice_in:
        case ConditionKind::number_compare:
            into.insert(node.fact);
            return;
        case ConditionKind::predicate:
            condition_facts(m_pack.predicates[node.target].condition, into);
            return;
        case ConditionKind::has_sites:
            site_facts(node.target, into);
            return;
        }
    }

    void site_facts(std::uint32_t index, FactSet& into) const {
        const SiteExpr& expr = m_pack.site_exprs[index];
        if (expr.kind == SiteExprKind::fact) {
            into.insert(expr.fact);
        }
        if (expr.kind == SiteExprKind::when) {
            condition_facts(expr.condition, into);
        }
        for (std::uint32_t i = 0; i < expr.count; ++i) {
            site_facts(child(expr.first, i), into);
        }
        if (expr.otherwise != 0) {
            site_facts(expr.otherwise - 1, into);
        }
    }

    [[nodiscard]] std::vector<std::vector<std::uint32_t>> gates() const {
        std::vector<std::vector<std::uint32_t>> result(m_pack.facts.size());
        for (std::uint32_t fact = 0; fact < result.size(); ++fact) {
            result[fact].assign(m_common[fact].begin(), m_common[fact].end());
        }
        return result;
    }

  private:
    // A conjunction's sibling constrains a fact only when it is a test of its own: the
    // facts of an `any` sibling are alternatives, not gates.
    void facts_of(std::uint32_t index, FactSet& into) const {
        const Condition& node = m_pack.conditions[index];
        if (node.kind == ConditionKind::any || node.kind == ConditionKind::negation) {
            return;
        }
        condition_facts(index, into);
    }

    void occurs(std::uint32_t fact, FactSet guards) {
        guards.erase(fact);
        guards.erase(m_pack.area_fact); // the area is the practitioner's, not a gate
        if (!m_seen[fact]) {
            m_seen[fact] = true;
            m_common[fact] = std::move(guards);
            return;
        }
        FactSet common;
        std::set_intersection(m_common[fact].begin(),
                              m_common[fact].end(),
                              guards.begin(),
                              guards.end(),
                              std::inserter(common, common.end()));
        m_common[fact] = std::move(common);
    }

    [[nodiscard]] std::uint32_t child(std::uint32_t first, std::uint32_t i) const {
        return m_pack.children[first + i];
    }

    const RulePack& m_pack;
    std::vector<FactSet> m_common;
    std::vector<bool> m_seen;
};

void add_gate(std::vector<std::uint32_t>& gates, std::uint32_t gate) {
    if (std::find(gates.begin(), gates.end(), gate) == gates.end()) {
        gates.push_back(gate);
    }
}

// Thresholds and either side of them: enough to make every comparison true and false.
std::vector<Value> number_candidates(const RulePack& pack, std::uint32_t fact_index) {
    const Fact& fact = pack.facts[fact_index];
    std::set<double> numbers{fact.min, fact.max};
    for (const Condition& node : pack.conditions) {
        if (node.kind == ConditionKind::number_compare && node.fact == fact_index) {
            for (const double number : {node.number - 0.5, node.number, node.number + 0.5}) {
                numbers.insert(std::clamp(number, fact.min, fact.max));
            }
        }
    }
    std::vector<Value> values;
    if (fact.allow_none) {
        values.push_back(Value::of_none());
    }
    for (const double number : numbers) {
        values.push_back(Value::of_number(number));
    }
    return values;
}

std::vector<Value> site_candidates(const RulePack& pack) {
    std::vector<Value> values{Value::of_sites({})};
    for (const SiteGroup& group : pack.sites.groups()) {
        values.push_back(Value::of_sites(group.leaves));
    }
    for (std::size_t leaf = 0; leaf < pack.sites.leaves().size(); ++leaf) {
        SiteSet one;
        one.insert(leaf);
        values.push_back(Value::of_sites(one));
    }
    return values;
}

} // namespace

std::vector<std::vector<std::uint32_t>> question_gates(const RulePack& pack) {
    GateWalker walker(pack);
    for (const Rule& rule : pack.rules) {
        walker.condition(rule.condition, {});
        // A rule's sites matter only when it fires: ask where after asking whether.
        FactSet fires;
        walker.condition_facts(rule.condition, fires);
        for (const OptionalIndex sites : {rule.avoid, rule.no_pressure}) {
            if (sites != 0) {
                walker.sites(sites - 1, fires);
            }
        }
    }
    std::vector<std::vector<std::uint32_t>> gates = walker.gates();
    for (std::uint32_t fact = 0; fact < pack.facts.size(); ++fact) {
        if (pack.facts[fact].unknown == UnknownPolicy::required_when) {
            FactSet situation;
            walker.condition_facts(pack.facts[fact].required_when, situation);
            for (const std::uint32_t gate : situation) {
                add_gate(gates[fact], gate);
            }
        }
    }
    for (const FollowUps& follow_ups : pack.follow_ups) {
        for (const std::uint32_t fact : follow_ups.facts) {
            add_gate(gates[fact], follow_ups.after);
        }
    }
    add_gate(gates[pack.area_fact], pack.modality_fact);
    return gates;
}

std::vector<std::vector<Value>> candidate_answers(const RulePack& pack) {
    std::vector<bool> tested(pack.facts.size(), false);
    for (const Condition& node : pack.conditions) {
        if (node.kind == ConditionKind::choice_in || node.kind == ConditionKind::number_compare) {
            tested[node.fact] = true;
        }
    }
    for (const SiteExpr& expr : pack.site_exprs) {
        if (expr.kind == SiteExprKind::fact) {
            tested[expr.fact] = true;
        }
    }
    const std::vector<Value> sites = site_candidates(pack);
    std::vector<std::vector<Value>> candidates(pack.facts.size());
    for (std::uint32_t index = 0; index < pack.facts.size(); ++index) {
        const Fact& fact = pack.facts[index];
        if (!tested[index] && index != pack.area_fact) {
            continue;
        }
        switch (fact.type) {
        case FactType::yes_no:
        case FactType::enumeration:
            for (std::size_t choice = 0; choice < fact.values.size(); ++choice) {
                candidates[index].push_back(Value::of_choice(static_cast<std::uint8_t>(choice)));
            }
            break;
        case FactType::number:
            candidates[index] = number_candidates(pack, index);
            break;
        case FactType::site_list:
            candidates[index] = sites;
            break;
        }
    }
    return candidates;
}

} // namespace contra

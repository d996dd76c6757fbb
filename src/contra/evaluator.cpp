#include "contra/evaluator.hpp"

#include "contra/tristate.hpp"

#include <algorithm>

namespace contra {
namespace {

// What a site expression may cover: certainly `lower`, at most `upper`.
struct SiteBounds {
    SiteSet lower;
    SiteSet upper;
    [[nodiscard]] bool certain() const { return lower == upper; }
};

Value absent_value(const Fact& fact) {
    switch (fact.type) {
    case FactType::yes_no:
        return Value::of_choice(k_no);
    case FactType::enumeration:
        return Value::of_absent();
    case FactType::number:
        return Value::of_none();
    case FactType::site_list:
        return Value::of_sites({});
    }
    return Value::of_absent();
}

Tri compare(NumberOp op, double left, double right) {
    switch (op) {
    case NumberOp::eq:
        return to_tri(left == right);
    case NumberOp::ne:
        return to_tri(left != right);
    case NumberOp::lt:
        return to_tri(left < right);
    case NumberOp::lte:
        return to_tri(left <= right);
    case NumberOp::gt:
        return to_tri(left > right);
    case NumberOp::gte:
        return to_tri(left >= right);
    }
    return Tri::unknown;
}

class Evaluation {
  public:
    Evaluation(const RulePack& pack, const Profile& profile)
        : m_pack(pack), m_values(profile.answers), m_predicates(pack.predicates.size(), -1) {
        m_values.resize(pack.facts.size());
        resolve_unknowns();
    }

    Tri condition(std::uint32_t index) {
        const Condition& node = m_pack.conditions[index];
        switch (node.kind) {
        case ConditionKind::all: {
            Tri result = Tri::yes;
            for (std::uint32_t i = 0; i < node.count && result != Tri::no; ++i) {
                result = tri_and(result, condition(child(node.first, i)));
            }
            return result;
        }
        case ConditionKind::any: {
            Tri result = Tri::no;
            for (std::uint32_t i = 0; i < node.count && result != Tri::yes; ++i) {
                result = tri_or(result, condition(child(node.first, i)));
            }
            return result;
        }
        case ConditionKind::negation:
            return tri_not(condition(node.target));
        case ConditionKind::choice_in:
            return choice_in(node);
        case ConditionKind::number_compare: {
            const Value& value = m_values[node.fact];
            if (value.kind == ValueKind::unknown) {
                return Tri::unknown;
            }
            if (value.kind != ValueKind::number) {
                return to_tri(node.op == NumberOp::ne); // `none` equals no number
            }
            return compare(node.op, value.number, node.number);
        }
        case ConditionKind::predicate:
            return predicate(node.target);
        case ConditionKind::has_sites: {
            const SiteBounds bounds = sites(node.target);
            if (!bounds.lower.empty()) {
                return Tri::yes;
            }
            return bounds.upper.empty() ? Tri::no : Tri::unknown;
        }
        }
        return Tri::unknown;
    }

    SiteBounds sites(std::uint32_t index) {
        const SiteExpr& expr = m_pack.site_exprs[index];
        switch (expr.kind) {
        case SiteExprKind::fact: {
            const Value& value = m_values[expr.fact];
            if (value.kind == ValueKind::sites) {
                return {value.sites, value.sites};
            }
            return {{}, m_pack.sites.all()};
        }
        case SiteExprKind::literal:
            return {expr.literal, expr.literal};
        case SiteExprKind::in_area: {
            const SiteBounds inner = sites(child(expr.first, 0));
            return {inner.lower & m_area.lower, inner.upper & m_area.upper};
        }
        case SiteExprKind::outside_area: {
            const SiteBounds inner = sites(child(expr.first, 0));
            return {inner.lower - m_area.upper, inner.upper - m_area.lower};
        }
        case SiteExprKind::with_distal: {
            const SiteBounds inner = sites(child(expr.first, 0));
            return {m_pack.sites.with_distal(inner.lower), m_pack.sites.with_distal(inner.upper)};
        }
        case SiteExprKind::whole_limb_of:
            return whole_limb_of(expr);
        case SiteExprKind::union_of:
        case SiteExprKind::intersection: {
            SiteBounds result = sites(child(expr.first, 0));
            for (std::uint32_t i = 1; i < expr.count; ++i) {
                const SiteBounds next = sites(child(expr.first, i));
                if (expr.kind == SiteExprKind::union_of) {
                    result = {result.lower | next.lower, result.upper | next.upper};
                } else {
                    result = {result.lower & next.lower, result.upper & next.upper};
                }
            }
            return result;
        }
        case SiteExprKind::when: {
            const Tri holds = condition(expr.condition);
            if (holds == Tri::no) {
                return {};
            }
            const SiteBounds inner = sites(child(expr.first, 0));
            return holds == Tri::yes ? inner : SiteBounds{{}, inner.upper};
        }
        }
        return {{}, m_pack.sites.all()};
    }

    /// Adds the unanswered facts that keep `index` unknown.
    void collect_needs(std::uint32_t index, std::vector<bool>& needed) {
        if (condition(index) != Tri::unknown) {
            return;
        }
        const Condition& node = m_pack.conditions[index];
        switch (node.kind) {
        case ConditionKind::all:
        case ConditionKind::any:
            for (std::uint32_t i = 0; i < node.count; ++i) {
                collect_needs(child(node.first, i), needed);
            }
            return;
        case ConditionKind::negation:
            collect_needs(node.target, needed);
            return;
        case ConditionKind::choice_in:
        case ConditionKind::number_compare:
            needed[node.fact] = true;
            return;
        case ConditionKind::predicate:
            collect_needs(m_pack.predicates[node.target].condition, needed);
            return;
        case ConditionKind::has_sites:
            collect_site_needs(node.target, needed);
            return;
        }
    }

    [[nodiscard]] const std::vector<Value>& values() const { return m_values; }
    [[nodiscard]] const std::vector<Assumption>& assumptions() const { return m_assumed; }

  private:
    std::uint32_t child(std::uint32_t first, std::uint32_t i) const {
        return m_pack.children[first + i];
    }

    Tri choice_in(const Condition& node) const {
        const Value& value = m_values[node.fact];
        if (value.kind == ValueKind::unknown) {
            return Tri::unknown;
        }
        const bool member =
            value.kind == ValueKind::choice && ((node.choices >> value.choice) & 1U) != 0;
        return to_tri(member != node.negate);
    }

    Tri predicate(std::uint32_t index) {
        if (m_predicates[index] < 0) {
            m_predicates[index] =
                static_cast<std::int8_t>(condition(m_pack.predicates[index].condition));
        }
        return static_cast<Tri>(m_predicates[index]);
    }

    SiteBounds whole_limb_of(const SiteExpr& expr) {
        const SiteBounds inner = sites(child(expr.first, 0));
        const SiteSet lower_limbs = m_pack.sites.whole_limbs_of(inner.lower);
        const SiteSet upper_limbs = m_pack.sites.whole_limbs_of(inner.upper);
        const SiteBounds otherwise = expr.otherwise != 0 ? sites(expr.otherwise - 1) : SiteBounds{};
        if (!lower_limbs.empty()) {
            return {lower_limbs, upper_limbs};
        }
        if (upper_limbs.empty()) {
            return otherwise;
        }
        return {{}, upper_limbs | otherwise.upper};
    }

    void collect_site_needs(std::uint32_t index, std::vector<bool>& needed) {
        const SiteExpr& expr = m_pack.site_exprs[index];
        if (sites(index).certain()) {
            return;
        }
        if (expr.kind == SiteExprKind::fact) {
            needed[expr.fact] = m_values[expr.fact].is_unknown() || needed[expr.fact];
            return;
        }
        if ((expr.kind == SiteExprKind::in_area || expr.kind == SiteExprKind::outside_area) &&
            !m_area.certain()) {
            needed[m_pack.modality_fact] = true; // the modality settles the area by default
        }
        if (expr.kind == SiteExprKind::when) {
            collect_needs(expr.condition, needed);
        }
        if (expr.otherwise != 0) {
            collect_site_needs(expr.otherwise - 1, needed);
        }
        for (std::uint32_t i = 0; i < expr.count; ++i) {
            collect_site_needs(child(expr.first, i), needed);
        }
    }

    void resolve_unknowns() {
        const Value& area = m_values[m_pack.area_fact];
        const Value& modality = m_values[m_pack.modality_fact];
        if (area.kind == ValueKind::sites) {
            m_area = {area.sites, area.sites};
        } else if (modality.kind == ValueKind::choice &&
                   modality.choice < m_pack.modalities.size()) {
            const SiteSet& fallback = m_pack.modalities[modality.choice].default_area;
            m_area = {fallback, fallback};
            m_values[m_pack.area_fact] = Value::of_sites(fallback);
            m_assumed.push_back({m_pack.area_fact, m_values[m_pack.area_fact], true});
        } else {
            m_area = {{}, m_pack.sites.all()};
        }
        std::vector<std::uint32_t> conditional;
        for (std::uint32_t i = 0; i < m_pack.facts.size(); ++i) {
            const Fact& fact = m_pack.facts[i];
            if (!m_values[i].is_unknown() || i == m_pack.area_fact) {
                continue;
            }
            switch (fact.unknown) {
            case UnknownPolicy::required:
                break;
            case UnknownPolicy::optional:
                m_values[i] = absent_value(fact);
                break;
            case UnknownPolicy::assume:
                m_values[i] = fact.assumed;
                m_assumed.push_back({i, fact.assumed, false});
                break;
            case UnknownPolicy::required_when:
                conditional.push_back(i);
                break;
            }
        }
        // Follow-up questions depend only on facts without a condition (checked on load).
        for (std::uint32_t i : conditional) {
            if (condition(m_pack.facts[i].required_when) == Tri::no) {
                m_values[i] = absent_value(m_pack.facts[i]);
            }
        }
        std::sort(m_assumed.begin(), m_assumed.end(), [](const Assumption& a, const Assumption& b) {
            return a.fact < b.fact;
        });
        std::fill(m_predicates.begin(), m_predicates.end(), -1);
    }

    const RulePack& m_pack;
    std::vector<Value> m_values;
    std::vector<std::int8_t> m_predicates; ///< cached Tri per predicate, -1 when not yet known
    SiteBounds m_area;
    std::vector<Assumption> m_assumed;
};

bool clearance_given(const RulePack& pack, const std::vector<Value>& values) {
    if (!pack.clearance_fact) {
        return false;
    }
    const Value& value = values[*pack.clearance_fact];
    return value.kind == ValueKind::choice && value.choice == k_yes;
}

struct Candidate {
    std::uint32_t rule;
    Level level;
    SiteSet avoid;
    SiteSet no_pressure;
};

} // namespace

Report evaluate(const RulePack& pack, const Profile& profile) {
    Evaluation evaluation(pack, profile);
    Report report;
    report.assumed = evaluation.assumptions();
    const bool cleared = clearance_given(pack, evaluation.values());
    std::vector<Candidate> candidates;
    for (std::uint32_t i = 0; i < pack.rules.size(); ++i) {
        const Rule& rule = pack.rules[i];
        const Tri fires = evaluation.condition(rule.condition);
        if (fires == Tri::no) {
            continue;
        }
        const bool lowered = rule.clearable && cleared;
        const Level level = lowered ? Level::proceed_with_precautions : rule.level;
        const SiteSet avoid = rule.avoid != 0 ? evaluation.sites(rule.avoid - 1).upper : SiteSet{};
        const SiteSet no_pressure =
            rule.no_pressure != 0 ? evaluation.sites(rule.no_pressure - 1).upper : SiteSet{};
        if (fires == Tri::unknown) {
            candidates.push_back({i, level, avoid, no_pressure});
            continue;
        }
        Finding finding{i, level, lowered, avoid, no_pressure, {}};
        for (const ActionNote& note : rule.action_notes) {
            if (evaluation.condition(note.condition) == Tri::yes) {
                finding.notes.push_back(note.text);
            }
        }
        report.established = std::max(report.established, level);
        report.avoid |= avoid;
        report.no_pressure |= no_pressure;
        report.findings.push_back(std::move(finding));
    }
    report.no_pressure -= report.avoid;
    std::stable_sort(report.findings.begin(),
                     report.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.level > b.level; });

    // A rule that could fire matters when it could raise the level, or, while treatment is still
    // possible today, add a site the practitioner has not been told to spare.
    const bool treatable = report.established < Level::postpone_and_refer;
    std::vector<bool> needed(pack.facts.size(), false);
    std::vector<Level> reach(pack.facts.size(), Level::proceed);
    for (const Candidate& candidate : candidates) {
        const bool raises = candidate.level > report.established;
        const bool adds_sites =
            treatable && (!candidate.avoid.is_subset_of(report.avoid) ||
                          !candidate.no_pressure.is_subset_of(report.avoid | report.no_pressure));
        if (!raises && !adds_sites) {
            continue;
        }
        std::vector<bool> needs(pack.facts.size(), false);
        evaluation.collect_needs(pack.rules[candidate.rule].condition, needs);
        CouldFire could_fire{candidate.rule, candidate.level, {}};
        for (std::uint32_t fact = 0; fact < needs.size(); ++fact) {
            if (needs[fact]) {
                could_fire.needs.push_back(fact);
                needed[fact] = true;
                reach[fact] = std::max(reach[fact], candidate.level);
            }
        }
        report.could_fire.push_back(std::move(could_fire));
    }
    std::stable_sort(report.could_fire.begin(),
                     report.could_fire.end(),
                     [](const CouldFire& a, const CouldFire& b) { return a.level > b.level; });
    for (std::uint32_t fact = 0; fact < needed.size(); ++fact) {
        if (needed[fact]) {
            report.unanswered.push_back({fact, reach[fact]});
        }
    }
    std::stable_sort(report.unanswered.begin(),
                     report.unanswered.end(),
                     [](const Unanswered& a, const Unanswered& b) {
                         return a.could_raise_to > b.could_raise_to;
                     });
    const bool settled = !treatable || report.could_fire.empty();
    report.verdict = settled ? to_verdict(report.established) : Verdict::incomplete;
    return report;
}

} // namespace contra

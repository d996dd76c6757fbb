#include "engine/evaluation.hpp"

#include <algorithm>

namespace contra::detail {
namespace {

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

} // namespace

const std::vector<std::uint32_t>& FactMarks::sorted() {
    if (m_facts.size() * 4 >= m_marked.size()) {
        // A good part of the vocabulary (the open questions of an intake form barely begun):
        // reading the marks in order is cheaper than sorting.
        m_facts.clear();
        for (std::uint32_t fact = 0; fact < m_marked.size(); ++fact) {
            if (m_marked[fact] != 0) {
                m_facts.push_back(fact);
            }
        }
        return m_facts;
    }
    // Usually a handful of facts: an insertion sort, without std::sort's set-up.
    if (m_facts.size() > 16) {
        std::sort(m_facts.begin(), m_facts.end());
        return m_facts;
    }
    for (std::size_t i = 1; i < m_facts.size(); ++i) {
        for (std::size_t j = i; j > 0 && m_facts[j - 1] > m_facts[j]; --j) {
            std::swap(m_facts[j - 1], m_facts[j]);
        }
    }
    return m_facts;
}

void FactMarks::reset(std::size_t facts) {
    clear();
    m_marked.resize(facts, 0);
}

void FactMarks::clear() {
    for (const std::uint32_t fact : m_facts) {
        m_marked[fact] = 0;
    }
    m_facts.clear();
}

Evaluation::Evaluation(const RulePack& pack, const Profile& profile, Assumptions assumptions) {
    reset(pack, profile, assumptions);
}

void Evaluation::reset(const RulePack& pack, const Profile& profile, Assumptions assumptions) {
    m_pack = &pack;
    m_assumptions = assumptions;
    m_values_final = false;
    m_shared_from = nullptr;
    m_values.assign(profile.answers.begin(), profile.answers.end());
    m_values.resize(pack.facts.size());
    m_predicates.assign(pack.predicates.size(), -1);
    m_assumed.clear();
    // Bounds are read only once computed, so they need no clearing.
    m_sites.resize(pack.site_exprs.size());
    resolve_unknowns();
    m_conditions.assign(pack.conditions.size(), -1);
    m_sites_known.assign(pack.site_exprs.size(), 0);
    m_values_final = true;
}

void Evaluation::share_with(const Evaluation& other) {
    const ArenaReads& reads = m_pack->reads;
    const bool reads_known = reads.words * std::size_t{64} >= m_values.size() &&
                             reads.conditions.size() == m_pack->conditions.size() * reads.words &&
                             reads.sites.size() == m_pack->site_exprs.size() * reads.words;
    m_differing.assign(reads.words, 0);
    m_knows_no_more = true;
    for (std::size_t fact = 0; fact < m_values.size(); ++fact) {
        const Value& here = m_values[fact];
        const Value& there = other.m_values[fact];
        // Two unknowns are copies of the same unanswered question: only their kinds need
        // comparing, and most questions of a partly answered profile stay unknown.
        const bool same =
            here.kind == there.kind && (here.kind == ValueKind::unknown || here == there);
        if (!same && reads_known) {
            m_differing[fact / 64] |= std::uint64_t{1} << (fact % 64);
        }
        m_knows_no_more = m_knows_no_more && (same || here.kind == ValueKind::unknown);
    }
    m_shared_from = reads_known ? &other : nullptr;
}

Tri Evaluation::condition(std::uint32_t index) {
    if (!m_values_final) {
        return evaluate_condition(index);
    }
    if (m_conditions[index] < 0) {
        m_conditions[index] = static_cast<std::int8_t>(computed_condition(index));
    }
    return static_cast<Tri>(m_conditions[index]);
}

Tri Evaluation::computed_condition(std::uint32_t index) {
    if (m_shared_from != nullptr) {
        const std::int8_t there = m_shared_from->m_conditions[index];
        if (there >= 0 && !m_pack->reads.condition_reads_any(index, m_differing.data())) {
            return static_cast<Tri>(there);
        }
    }
    return evaluate_condition(index);
}

const SiteBounds& Evaluation::sites(std::uint32_t index) {
    if (!m_values_final) {
        m_sites[index] = evaluate_sites(index);
    } else if (m_sites_known[index] == 0) {
        compute_sites(index);
        m_sites_known[index] = 1;
    }
    return m_sites[index];
}

void Evaluation::compute_sites(std::uint32_t index) {
    if (m_shared_from != nullptr && m_shared_from->m_sites_known[index] != 0 &&
        !m_pack->reads.sites_read_any(index, m_differing.data())) {
        m_sites[index] = m_shared_from->m_sites[index];
        return;
    }
    m_sites[index] = evaluate_sites(index);
}

Tri Evaluation::evaluate_condition(std::uint32_t index) {
    const Condition& node = m_pack->conditions[index];
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
        const SiteBounds& bounds = sites(node.target);
        if (!bounds.lower.empty()) {
            return Tri::yes;
        }
        return bounds.upper.empty() ? Tri::no : Tri::unknown;
    }
    }
    return Tri::unknown;
}

SiteBounds Evaluation::evaluate_sites(std::uint32_t index) {
    const SiteExpr& expr = m_pack->site_exprs[index];
    switch (expr.kind) {
    case SiteExprKind::fact: {
        const Value& value = m_values[expr.fact];
        if (value.kind == ValueKind::sites) {
            return {value.sites, value.sites};
        }
        return {{}, m_pack->sites.all()};
    }
    case SiteExprKind::literal:
        return {expr.literal, expr.literal};
    case SiteExprKind::in_area: {
        const SiteBounds& inner = sites(child(expr.first, 0));
        return {inner.lower & m_area.lower, inner.upper & m_area.upper};
    }
    case SiteExprKind::outside_area: {
        const SiteBounds& inner = sites(child(expr.first, 0));
        return {inner.lower - m_area.upper, inner.upper - m_area.lower};
    }
    case SiteExprKind::with_distal: {
        const SiteBounds& inner = sites(child(expr.first, 0));
        return {m_pack->sites.with_distal(inner.lower), m_pack->sites.with_distal(inner.upper)};
    }
    case SiteExprKind::whole_limb_of:
        return whole_limb_of(expr);
    case SiteExprKind::union_of:
    case SiteExprKind::intersection: {
        SiteBounds result = sites(child(expr.first, 0));
        for (std::uint32_t i = 1; i < expr.count; ++i) {
            const SiteBounds& next = sites(child(expr.first, i));
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
        const SiteBounds& inner = sites(child(expr.first, 0));
        return holds == Tri::yes ? inner : SiteBounds{{}, inner.upper};
    }
    }
    return {{}, m_pack->sites.all()};
}

void Evaluation::collect_needs(std::uint32_t index, FactMarks& needed) {
    if (condition(index) != Tri::unknown) {
        return;
    }
    const Condition& node = m_pack->conditions[index];
    switch (node.kind) {
    case ConditionKind::all:
    case ConditionKind::any:
        for (std::uint32_t i = 0; i < node.count; ++i) {
            // A child already known to be settled needs nothing: skip the call.
            const std::uint32_t index_of_child = child(node.first, i);
            const std::int8_t cached = m_conditions[index_of_child];
            if (cached >= 0 && static_cast<Tri>(cached) != Tri::unknown) {
                continue;
            }
            collect_needs(index_of_child, needed);
        }
        return;
    case ConditionKind::negation:
        collect_needs(node.target, needed);
        return;
    case ConditionKind::choice_in:
    case ConditionKind::number_compare:
        needed.insert(node.fact);
        return;
    case ConditionKind::predicate:
        collect_needs(m_pack->predicates[node.target].condition, needed);
        return;
    case ConditionKind::has_sites:
        collect_site_needs(node.target, needed);
        return;
    }
}

std::uint32_t Evaluation::child(std::uint32_t first, std::uint32_t i) const {
    return m_pack->children[first + i];
}

Tri Evaluation::choice_in(const Condition& node) {
    const Value& value = m_values[node.fact];
    if (value.kind == ValueKind::unknown) {
        return Tri::unknown;
    }
    const bool member =
        value.kind == ValueKind::choice && ((node.choices >> value.choice) & 1U) != 0;
    return to_tri(member != node.negate);
}

Tri Evaluation::predicate(std::uint32_t index) {
    if (m_values_final) {
        return condition(m_pack->predicates[index].condition);
    }
    if (m_predicates[index] < 0) {
        m_predicates[index] =
            static_cast<std::int8_t>(condition(m_pack->predicates[index].condition));
    }
    return static_cast<Tri>(m_predicates[index]);
}

SiteBounds Evaluation::whole_limb_of(const SiteExpr& expr) {
    const SiteBounds& inner = sites(child(expr.first, 0));
    const SiteSet lower_limbs = m_pack->sites.whole_limbs_of(inner.lower);
    const SiteSet upper_limbs = m_pack->sites.whole_limbs_of(inner.upper);
    const SiteBounds otherwise = expr.otherwise != 0 ? sites(expr.otherwise - 1) : SiteBounds{};
    if (!lower_limbs.empty()) {
        return {lower_limbs, upper_limbs};
    }
    if (upper_limbs.empty()) {
        return otherwise;
    }
    return {{}, upper_limbs | otherwise.upper};
}

void Evaluation::collect_site_needs(std::uint32_t index, FactMarks& needed) {
    const SiteExpr& expr = m_pack->site_exprs[index];
    if (sites(index).certain()) {
        return;
    }
    if (expr.kind == SiteExprKind::fact) {
        if (m_values[expr.fact].is_unknown()) {
            needed.insert(expr.fact);
        }
        return;
    }
    if ((expr.kind == SiteExprKind::in_area || expr.kind == SiteExprKind::outside_area) &&
        !m_area.certain()) {
        needed.insert(m_pack->modality_fact); // the modality settles the area by default
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

void Evaluation::resolve_area() {
    const Value& area = m_values[m_pack->area_fact];
    const Value& modality = m_values[m_pack->modality_fact];
    if (area.kind == ValueKind::sites) {
        m_area = {area.sites, area.sites};
        return;
    }
    m_area = {{}, m_pack->sites.all()};
    if (modality.kind != ValueKind::choice || modality.choice >= m_pack->modalities.size()) {
        return;
    }
    // The default area follows from the answered modality, so it stands even on the answers
    // alone: it is listed as assumed, but no finding counts it among its assumed facts.
    const SiteSet& fallback = m_pack->modalities[modality.choice].default_area;
    m_area = {fallback, fallback};
    m_values[m_pack->area_fact] = Value::of_sites(fallback);
    m_assumed.push_back({m_pack->area_fact, m_values[m_pack->area_fact], true});
}

void Evaluation::resolve_unknowns() {
    resolve_area();
    const bool apply = m_assumptions == Assumptions::apply;
    std::vector<std::uint32_t>& conditional = m_follow_ups;
    conditional.clear();
    for (std::uint32_t i = 0; i < m_pack->facts.size(); ++i) {
        const Fact& fact = m_pack->facts[i];
        if (!m_values[i].is_unknown() || i == m_pack->area_fact) {
            continue;
        }
        if (fact.assume_when != 0) {
            conditional.push_back(i);
            continue;
        }
        switch (fact.unknown) {
        case UnknownPolicy::required:
            break;
        case UnknownPolicy::optional:
            m_values[i] = absent_value(fact);
            break;
        case UnknownPolicy::assume:
            if (apply) {
                m_values[i] = fact.assumed;
                m_assumed.push_back({i, fact.assumed, false});
            }
            break;
        case UnknownPolicy::required_when:
            conditional.push_back(i);
            break;
        }
    }
    // Follow-up questions depend only on facts without a condition (checked on load).
    for (std::uint32_t i : conditional) {
        resolve_follow_up(i);
    }
    std::sort(m_assumed.begin(), m_assumed.end(), [](const Assumption& a, const Assumption& b) {
        return a.fact < b.fact;
    });
}

void Evaluation::resolve_follow_up(std::uint32_t fact_index) {
    const Fact& fact = m_pack->facts[fact_index];
    if (fact.assume_when != 0 && condition(fact.assume_when - 1) == Tri::yes) {
        if (m_assumptions == Assumptions::apply) {
            m_values[fact_index] = fact.assumed;
            m_assumed.push_back({fact_index, fact.assumed, false});
        }
        return;
    }
    if (fact.unknown == UnknownPolicy::required_when && condition(fact.required_when) == Tri::no) {
        m_values[fact_index] = absent_value(fact);
    }
}

} // namespace contra::detail

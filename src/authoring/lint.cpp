#include "authoring/lint.hpp"

#include "authoring/evidence_lint.hpp"
#include "engine/evaluation.hpp"
#include "model/condition_facts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace contra {
namespace {

constexpr std::size_t k_exhaustive_limit = 1024;
constexpr std::size_t k_samples = 512;

class PackWalker {
  public:
    explicit PackWalker(const RulePack& pack) : m_pack(pack) {}

    /// A canonical text of a condition, to find two rules with the same one.
    std::string canonical(std::uint32_t index) const {
        const Condition& node = m_pack.conditions[index];
        std::string text =
            fmt::format("{}:{}:{}:{}:{}:{}:{}",
                        static_cast<int>(node.kind),
                        static_cast<int>(node.op),
                        node.negate,
                        node.fact,
                        node.choices,
                        node.number,
                        node.kind == ConditionKind::has_sites ? sites_text(node.target)
                                                              : std::to_string(node.target));
        if (node.kind == ConditionKind::negation) {
            text += fmt::format("({})", canonical(node.target));
        }
        std::vector<std::string> children;
        for (std::uint32_t i = 0; i < node.count; ++i) {
            children.push_back(canonical(m_pack.children[node.first + i]));
        }
        std::sort(children.begin(), children.end()); // all/any do not depend on order
        for (const std::string& child : children) {
            text += fmt::format("[{}]", child);
        }
        return text;
    }

    std::string sites_text(std::uint32_t index) const {
        const SiteExpr& expr = m_pack.site_exprs[index];
        std::string text = fmt::format("{}:{}:", static_cast<int>(expr.kind), expr.fact);
        for (const std::string& id : m_pack.sites.leaf_ids(expr.literal)) {
            text += id + ",";
        }
        if (expr.kind == SiteExprKind::when) {
            text += fmt::format("?{}", canonical(expr.condition));
        }
        if (expr.otherwise != 0) {
            text += fmt::format("|{}", sites_text(expr.otherwise - 1));
        }
        for (std::uint32_t i = 0; i < expr.count; ++i) {
            text += fmt::format("({})", sites_text(m_pack.children[expr.first + i]));
        }
        return text;
    }

  private:
    const RulePack& m_pack;
};

// The values of each fact that the pack's conditions can tell apart.
std::vector<std::vector<Value>> candidate_values(const RulePack& pack) {
    std::vector<std::set<double>> thresholds(pack.facts.size());
    for (const Condition& condition : pack.conditions) {
        if (condition.kind == ConditionKind::number_compare) {
            thresholds[condition.fact].insert(condition.number);
        }
    }
    std::vector<std::vector<Value>> candidates(pack.facts.size());
    for (std::size_t i = 0; i < pack.facts.size(); ++i) {
        const Fact& fact = pack.facts[i];
        std::vector<Value>& values = candidates[i];
        switch (fact.type) {
        case FactType::yes_no:
        case FactType::enumeration:
            for (std::size_t choice = 0; choice < fact.values.size(); ++choice) {
                values.push_back(Value::of_choice(static_cast<std::uint8_t>(choice)));
            }
            break;
        case FactType::number: {
            std::set<double> points{fact.min, fact.max};
            for (double threshold : thresholds[i]) {
                for (double point : {threshold - 1, threshold, threshold + 1}) {
                    points.insert(std::clamp(point, fact.min, fact.max));
                }
            }
            for (double point : points) {
                values.push_back(Value::of_number(point));
            }
            if (fact.allow_none) {
                values.push_back(Value::of_none());
            }
            break;
        }
        case FactType::site_list:
            values.push_back(Value::of_sites({}));
            values.push_back(Value::of_sites(pack.sites.all()));
            break;
        }
    }
    return candidates;
}

struct Reach {
    bool can_fire = false;
    bool can_miss = false;
    bool exhaustive = true;
};

Reach search(const RulePack& pack,
             std::uint32_t condition,
             const std::vector<std::uint32_t>& facts,
             const std::vector<std::vector<Value>>& candidates) {
    Reach reach;
    std::size_t combinations = 1;
    for (std::uint32_t fact : facts) {
        combinations = std::min(combinations * candidates[fact].size(), k_exhaustive_limit + 1);
    }
    reach.exhaustive = combinations <= k_exhaustive_limit;
    const std::size_t runs = reach.exhaustive ? combinations : k_samples;
    std::mt19937 random(condition); // deterministic: the same pack lints the same way
    Profile profile = empty_profile(pack);
    for (std::size_t run = 0; run < runs && !(reach.can_fire && reach.can_miss); ++run) {
        std::size_t rest = run;
        for (std::uint32_t fact : facts) {
            const std::size_t size = candidates[fact].size();
            const std::size_t pick = reach.exhaustive ? rest % size : random() % size;
            rest /= size;
            profile.answers[fact] = candidates[fact][pick];
        }
        detail::Evaluation evaluation(pack, profile);
        const Tri value = evaluation.condition(condition);
        reach.can_fire = reach.can_fire || value == Tri::yes;
        reach.can_miss = reach.can_miss || value == Tri::no;
    }
    return reach;
}

// "calf_left" -> "calf_right"; empty when the id has no side.
std::string mirror(const std::string& id) {
    for (const auto& [side, other] : {std::pair{"_left", "_right"}, std::pair{"_right", "_left"}}) {
        const std::string_view suffix = side;
        if (id.size() > suffix.size() &&
            id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return id.substr(0, id.size() - suffix.size()) + other;
        }
    }
    return {};
}

class Linter {
  public:
    Linter(const RulePack& pack, const PackSourceMap& sources)
        : m_pack(pack), m_sources(sources), m_walker(pack) {}

    Diagnostics run() {
        check_rule_texts();
        check_reach();
        check_duplicate_conditions();
        check_unused_facts();
        check_shelf_lives();
        check_unused_sites();
        check_one_sided_sites();
        check_unused_values();
        check_screening_levels();
        lint_evidence(m_pack, m_sources, m_out);
        return std::move(m_out);
    }

  private:
    void
    add(Severity severity, DiagnosticCode code, const SourceLocation& where, std::string message) {
        m_out.add(
            Diagnostic{code, severity, where, std::move(message), m_sources.line_at(where), {}});
    }

    SourceLocation rule_at(std::size_t rule) const {
        return rule < m_sources.rules.size() ? m_sources.rules[rule] : SourceLocation{};
    }

    void check_rule_texts() {
        for (std::size_t i = 0; i < m_pack.rules.size(); ++i) {
            const Rule& rule = m_pack.rules[i];
            for (const auto& [name, empty] : {std::pair{"action", rule.action.empty()},
                                              std::pair{"rationale", rule.rationale.empty()},
                                              std::pair{"sources", rule.sources.empty()}}) {
                if (empty) {
                    add(Severity::error,
                        DiagnosticCode::empty_text,
                        rule_at(i),
                        fmt::format("rule '{}' has no {}: a practitioner must see what to do, why, "
                                    "and on what evidence",
                                    rule.id,
                                    name));
                }
            }
        }
    }

    void check_reach() {
        const auto candidates = candidate_values(m_pack);
        for (std::size_t i = 0; i < m_pack.rules.size(); ++i) {
            const Rule& rule = m_pack.rules[i];
            std::set<std::uint32_t> facts;
            facts_of_condition(m_pack, rule.condition, facts);
            const Reach reach =
                search(m_pack, rule.condition, {facts.begin(), facts.end()}, candidates);
            const char* how = reach.exhaustive ? "no profile" : "no profile tried";
            if (!reach.can_fire) {
                add(Severity::warning,
                    DiagnosticCode::never_fires,
                    rule_at(i),
                    fmt::format(
                        "rule '{}' can never fire: {} makes its condition true", rule.id, how));
            } else if (!reach.can_miss) {
                add(Severity::warning,
                    DiagnosticCode::always_fires,
                    rule_at(i),
                    fmt::format(
                        "rule '{}' always fires: {} makes its condition false", rule.id, how));
            }
        }
    }

    void check_duplicate_conditions() {
        std::map<std::string, std::size_t> seen;
        for (std::size_t i = 0; i < m_pack.rules.size(); ++i) {
            const auto [first, fresh] =
                seen.emplace(m_walker.canonical(m_pack.rules[i].condition), i);
            if (!fresh) {
                add(Severity::warning,
                    DiagnosticCode::duplicate_condition,
                    rule_at(i),
                    fmt::format("rule '{}' has the same condition as rule '{}'",
                                m_pack.rules[i].id,
                                m_pack.rules[first->second].id));
            }
        }
    }

    void check_unused_facts() {
        std::set<std::uint32_t> used{m_pack.modality_fact, m_pack.area_fact};
        if (m_pack.clearance_fact) {
            used.insert(*m_pack.clearance_fact);
        }
        for (std::uint32_t i = 0; i < m_pack.conditions.size(); ++i) {
            facts_of_condition(m_pack, i, used);
        }
        for (std::uint32_t i = 0; i < m_pack.site_exprs.size(); ++i) {
            facts_of_sites(m_pack, i, used);
        }
        for (std::uint32_t i = 0; i < m_pack.facts.size(); ++i) {
            const Fact& fact = m_pack.facts[i];
            if (used.count(i) == 0 && !fact.informational) {
                add(Severity::warning,
                    DiagnosticCode::unused_fact,
                    i < m_sources.facts.size() ? m_sources.facts[i] : SourceLocation{},
                    fmt::format("fact '{}' is asked but no rule uses it; mark it 'informational: "
                                "true' if it is recorded for the practitioner only",
                                fact.id));
            }
        }
    }

    void check_shelf_lives() {
        for (std::uint32_t i = 0; i < m_pack.facts.size(); ++i) {
            const Fact& fact = m_pack.facts[i];
            if (fact.valid_for == ValidFor::unset) {
                add(Severity::warning,
                    DiagnosticCode::no_shelf_life,
                    i < m_sources.facts.size() ? m_sources.facts[i] : SourceLocation{},
                    fmt::format("fact '{}' does not say how long its answer holds; add "
                                "'valid_for: visit', 'valid_for: {{days: N}}' or 'valid_for: "
                                "always' (without it an answer is kept for ever)",
                                fact.id));
            }
        }
    }

    void check_unused_sites() {
        SiteSet named;
        for (const SiteGroup& group : m_pack.sites.groups()) {
            if (group.leaves != m_pack.sites.all()) { // a whole-body group names nothing
                named |= group.leaves;
            }
        }
        for (const SiteExpr& expr : m_pack.site_exprs) {
            named |= expr.literal;
        }
        for (const Modality& modality : m_pack.modalities) {
            named |= modality.default_area;
        }
        for (std::size_t leaf = 0; leaf < m_pack.sites.leaves().size(); ++leaf) {
            if (!named.contains(leaf)) {
                add(Severity::warning,
                    DiagnosticCode::unused_site,
                    leaf < m_sources.leaves.size() ? m_sources.leaves[leaf] : SourceLocation{},
                    fmt::format("site '{}' is in no group, no treatment area and no rule",
                                m_pack.sites.leaves()[leaf].id));
            }
        }
    }

    // A literal that names calf_left but not calf_right, in a rule: unless the condition itself
    // is about that side, it cannot know which leg the client means.
    void check_one_sided_sites() {
        for (std::uint32_t i = 0; i < m_pack.site_exprs.size(); ++i) {
            const SiteExpr& expr = m_pack.site_exprs[i];
            if (expr.kind != SiteExprKind::literal) {
                continue;
            }
            const std::vector<std::string> ids = m_pack.sites.leaf_ids(expr.literal);
            for (const std::string& id : ids) {
                const std::string other = mirror(id);
                if (!other.empty() && m_pack.sites.expand(other) &&
                    std::find(ids.begin(), ids.end(), other) == ids.end()) {
                    add(Severity::warning,
                        DiagnosticCode::one_sided_site,
                        i < m_sources.site_exprs.size() ? m_sources.site_exprs[i]
                                                        : SourceLocation{},
                        fmt::format("'{}' is named without '{}': a rule's condition cannot know "
                                    "which side the client means",
                                    id,
                                    other));
                    break;
                }
            }
        }
    }

    // A value no condition tests and no assumption gives: a client who answers it meets no rule
    // at all, which is right for a harmless answer and a silent gap for a forgotten one.
    void check_unused_values() {
        std::vector<std::uint64_t> tested(m_pack.facts.size(), 0);
        for (const Condition& condition : m_pack.conditions) {
            if (condition.kind == ConditionKind::choice_in) {
                tested[condition.fact] |= condition.choices;
            }
        }
        for (std::size_t i = 0; i < m_pack.facts.size(); ++i) {
            const Fact& fact = m_pack.facts[i];
            if (fact.type != FactType::enumeration || fact.informational ||
                i == m_pack.modality_fact) {
                continue;
            }
            tested[i] |= fact.benign;
            const bool has_assumption =
                fact.unknown == UnknownPolicy::assume || fact.assume_when != 0;
            if (has_assumption && fact.assumed.kind == ValueKind::choice) {
                tested[i] |= std::uint64_t{1} << fact.assumed.choice;
            }
            std::vector<std::string> untested;
            for (std::size_t value = 0; value < fact.values.size(); ++value) {
                if (((tested[i] >> value) & 1U) == 0) {
                    untested.push_back(fact.values[value]);
                }
            }
            // Every fact has its harmless answers; one untested value is that "else" branch.
            if (untested.size() > 1 || (untested.size() == 1 && tested[i] == 0)) {
                std::string names;
                for (const std::string& name : untested) {
                    names += names.empty() ? name : ", " + name;
                }
                add(Severity::warning,
                    DiagnosticCode::unused_value,
                    i < m_sources.facts.size() ? m_sources.facts[i] : SourceLocation{},
                    fmt::format(
                        "no condition of '{}' tells apart {}: a client answering any of them "
                        "meets the same rules; test them, or list the harmless ones under "
                        "'benign:'",
                        fact.id,
                        names));
            }
        }
    }

    // The most serious level each fact can lead to, through the rules that read it.
    std::vector<Level> highest_levels() const {
        std::vector<Level> highest(m_pack.facts.size(), Level::proceed);
        for (const Rule& rule : m_pack.rules) {
            std::set<std::uint32_t> facts;
            facts_of_condition(m_pack, rule.condition, facts);
            for (const std::uint32_t fact : facts) {
                highest[fact] = std::max(highest[fact], rule.level);
            }
        }
        return highest;
    }

    // A `y` to a screening question asks each member in turn, but its wording and its `n` cover
    // them all: an emergency sign beside facts that call only for precautions is easily lost in
    // the list, so such a group is split. Optional measurements are left out: one not taken is
    // absent whatever the grouping.
    void check_screening_levels() {
        const std::vector<Level> highest = highest_levels();
        for (const ScreeningGroup& group : m_pack.screening) {
            std::vector<std::string> emergencies;
            std::vector<std::string> precautions;
            for (const std::uint32_t fact : group.facts) {
                if (m_pack.facts[fact].unknown == UnknownPolicy::optional) {
                    continue;
                }
                if (highest[fact] == Level::emergency) {
                    emergencies.push_back(m_pack.facts[fact].id);
                } else if (highest[fact] < Level::postpone_and_refer) {
                    precautions.push_back(m_pack.facts[fact].id);
                }
            }
            if (emergencies.empty() || precautions.empty()) {
                continue;
            }
            const std::uint32_t first = group.facts.front();
            add(Severity::warning,
                DiagnosticCode::mixed_screening,
                first < m_sources.facts.size() ? m_sources.facts[first] : SourceLocation{},
                fmt::format("screening question '{}' mixes emergency signs ({}) with facts that "
                            "call for precautions at most ({}); ask the emergency signs on their "
                            "own",
                            group.id,
                            fmt::join(emergencies, ", "),
                            fmt::join(precautions, ", ")));
        }
    }

    const RulePack& m_pack;
    const PackSourceMap& m_sources;
    PackWalker m_walker;
    Diagnostics m_out;
};

} // namespace

Diagnostics lint_pack(const RulePack& pack, const PackSourceMap& sources) {
    return Linter(pack, sources).run();
}

} // namespace contra

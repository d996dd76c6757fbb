#include "output/explanation.hpp"

#include "engine/evaluation.hpp"
#include "model/fact_value.hpp"
#include "util/terminal_text.hpp"
#include "util/word_wrap.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

namespace contra {
namespace {

constexpr std::size_t k_mark_columns = std::string_view("[yes] ").size();
// A rule's heading that wraps goes on indented past its conditions' marks.
constexpr std::size_t k_heading_indent = 4;

std::string words(std::string_view id) {
    std::string text(id);
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

std::string_view value_word(Tri value) {
    switch (value) {
    case Tri::yes:
        return "yes";
    case Tri::no:
        return "no";
    case Tri::unknown:
        break;
    }
    return "unknown";
}

std::string choices(const Fact& fact, std::uint64_t mask) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < fact.values.size(); ++i) {
        if ((mask >> i) & 1U) {
            names.push_back(fact.values[i]);
        }
    }
    const std::string text = fmt::format("{}", fmt::join(names, ", "));
    return names.size() == 1 ? text : "one of " + text;
}

std::string_view number_words(NumberOp op) {
    switch (op) {
    case NumberOp::eq:
        return "is";
    case NumberOp::ne:
        return "is not";
    case NumberOp::lt:
        return "is less than";
    case NumberOp::lte:
        return "is at most";
    case NumberOp::gt:
        return "is more than";
    case NumberOp::gte:
        return "is at least";
    }
    return "?";
}

class Explainer {
  public:
    Explainer(const RulePack& pack, const Profile& profile)
        : m_pack(pack), m_evaluation(pack, profile) {}

    Tri fires(const Rule& rule) { return m_evaluation.condition(rule.condition); }

    ExplainedNode condition(std::uint32_t index) {
        const Condition& node = m_pack.conditions[index];
        ExplainedNode explained;
        explained.value = m_evaluation.condition(index);
        switch (node.kind) {
        case ConditionKind::all:
        case ConditionKind::any:
            explained.text = node.kind == ConditionKind::all ? "all of these" : "any of these";
            for (std::uint32_t i = 0; i < node.count; ++i) {
                explained.children.push_back(condition(m_pack.children[node.first + i]));
            }
            break;
        case ConditionKind::negation:
            explained.text = "not this";
            explained.children.push_back(condition(node.target));
            break;
        case ConditionKind::choice_in: {
            const Fact& fact = m_pack.facts[node.fact];
            explained.text = fmt::format("{} is {}{}",
                                         words(fact.id),
                                         node.negate ? "not " : "",
                                         choices(fact, node.choices));
            explained.answer = answer(node.fact);
            break;
        }
        case ConditionKind::number_compare: {
            const Fact& fact = m_pack.facts[node.fact];
            explained.text = fmt::format("{} {} {} {}",
                                         words(fact.id),
                                         number_words(node.op),
                                         format_number(node.number),
                                         fact.unit);
            explained.answer = answer(node.fact);
            break;
        }
        case ConditionKind::predicate: {
            const Predicate& predicate = m_pack.predicates[node.target];
            explained.text = predicate.title.empty() ? words(predicate.id) : predicate.title;
            explained.children.push_back(condition(predicate.condition));
            break;
        }
        case ConditionKind::has_sites: {
            explained.text = "there are " + sites(node.target);
            const detail::SiteBounds bounds = m_evaluation.sites(node.target);
            explained.answer = bounds.certain() ? describe_sites(bounds.lower) : "not known yet";
            break;
        }
        }
        return explained;
    }

    // A site expression in words: "varicose vein sites in the treatment area and below them".
    std::string sites(std::uint32_t index) const {
        const SiteExpr& expr = m_pack.site_exprs[index];
        const auto inner = [&](std::uint32_t i) { return sites(m_pack.children[expr.first + i]); };
        switch (expr.kind) {
        case SiteExprKind::fact:
            return words(m_pack.facts[expr.fact].id);
        case SiteExprKind::literal:
            return describe_sites(expr.literal);
        case SiteExprKind::in_area:
            return inner(0) + " in the treatment area";
        case SiteExprKind::outside_area:
            return inner(0) + " outside the treatment area";
        case SiteExprKind::with_distal:
            return inner(0) + " and everything below them";
        case SiteExprKind::whole_limb_of:
            return "the whole limbs of " + inner(0);
        case SiteExprKind::union_of:
        case SiteExprKind::intersection: {
            std::string text;
            for (std::uint32_t i = 0; i < expr.count; ++i) {
                text += i == 0                                ? ""
                        : expr.kind == SiteExprKind::union_of ? " or "
                                                              : " that are also ";
                text += inner(i);
            }
            return text;
        }
        case SiteExprKind::when:
            return inner(0) + " (under a condition)";
        }
        return "sites";
    }

  private:
    std::string answer(std::uint32_t fact_index) const {
        const Fact& fact = m_pack.facts[fact_index];
        const Value& value = m_evaluation.values()[fact_index];
        if (value.is_unknown()) {
            return "unanswered";
        }
        const bool assumed = std::any_of(m_evaluation.assumptions().begin(),
                                         m_evaluation.assumptions().end(),
                                         [&](const Assumption& a) { return a.fact == fact_index; });
        return describe_value(m_pack.sites, fact, value) + (assumed ? " (assumed)" : "");
    }

    std::string describe_sites(const SiteSet& set) const {
        const std::vector<std::string> names = m_pack.sites.describe(set);
        return names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "));
    }

    const RulePack& m_pack;
    detail::Evaluation m_evaluation;
};

// Each node on its own line, marked and indented by depth; a long one wraps under its text.
void render_node(const ExplainedNode& node,
                 std::size_t depth,
                 std::size_t width,
                 std::ostream& out) {
    const std::string mark = node.value == Tri::yes ? "yes" : node.value == Tri::no ? "no " : " ? ";
    std::string line = fmt::format("[{}] {}", mark, node.text);
    if (!node.answer.empty()) {
        line += fmt::format(" -- answer: {}", node.answer);
    }
    const std::size_t indent = depth * 2;
    // The pack's names and the profile's answers are escaped.
    fmt::print(out,
               "{:{}}{}\n",
               "",
               indent,
               wrap(escape_controls(line), indent + k_mark_columns, width, indent));
    for (const ExplainedNode& child : node.children) {
        render_node(child, depth + 1, width, out);
    }
}

nlohmann::ordered_json node_to_json(const ExplainedNode& node) {
    nlohmann::ordered_json json{{"text", node.text}, {"value", value_word(node.value)}};
    if (!node.answer.empty()) {
        json["answer"] = node.answer;
    }
    if (!node.children.empty()) {
        json["children"] = nlohmann::ordered_json::array();
        for (const ExplainedNode& child : node.children) {
            json["children"].push_back(node_to_json(child));
        }
    }
    return json;
}

std::string outcome_words(Tri fires) {
    return fires == Tri::yes ? "fires" : fires == Tri::no ? "does not fire" : "could fire";
}

} // namespace

ExplainedNode condition_in_words(const RulePack& pack, std::uint32_t condition) {
    return Explainer(pack, empty_profile(pack)).condition(condition);
}

std::string site_expr_in_words(const RulePack& pack, std::uint32_t index) {
    return Explainer(pack, empty_profile(pack)).sites(index);
}

std::vector<RuleExplanation> explain(const RulePack& pack, const Profile& profile, bool all_rules) {
    Explainer explainer(pack, profile);
    std::vector<RuleExplanation> explanations;
    for (std::uint32_t i = 0; i < pack.rules.size(); ++i) {
        const Tri fires = explainer.fires(pack.rules[i]);
        if (fires != Tri::no || all_rules) {
            explanations.push_back({i, fires, explainer.condition(pack.rules[i].condition)});
        }
    }
    return explanations;
}

void render_explanation_text(const RulePack& pack,
                             const std::vector<RuleExplanation>& explanations,
                             std::size_t width,
                             std::ostream& out) {
    for (const RuleExplanation& explanation : explanations) {
        const Rule& rule = pack.rules[explanation.rule];
        const std::string heading = fmt::format("{} {}: {} ({})",
                                                escape_controls(rule.id),
                                                escape_controls(rule.title),
                                                outcome_words(explanation.fires),
                                                to_string(rule.level));
        fmt::print(out, "{}\n", wrap(heading, k_heading_indent, width));
        render_node(explanation.condition, 1, width, out);
    }
    if (explanations.empty()) {
        fmt::print(out, "No rule fires or could fire.\n");
    }
}

nlohmann::ordered_json explanation_to_json(const RulePack& pack,
                                           const std::vector<RuleExplanation>& explanations) {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const RuleExplanation& explanation : explanations) {
        const Rule& rule = pack.rules[explanation.rule];
        rules.push_back(nlohmann::ordered_json{{"rule", rule.id},
                                               {"title", rule.title},
                                               {"level", to_string(rule.level)},
                                               {"fires", value_word(explanation.fires)},
                                               {"condition", node_to_json(explanation.condition)}});
    }
    return rules;
}

} // namespace contra

// The condition language of rules/README.md: YAML mappings become arena nodes of the pack.

#include "model/fact_value.hpp"
#include "pack/condition_operators.hpp"
#include "pack/pack_builder.hpp"
#include "util/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace contra::detail {
namespace {

// A follow-up question: its unknown policy depends on another answer.
bool is_conditional(const Fact& fact) {
    return fact.unknown == UnknownPolicy::required_when || fact.assume_when != 0;
}

const std::vector<std::string> k_condition_forms{
    "all", "any", "not", "fact", "predicate", "has_sites"};
const std::vector<std::string> k_site_forms{"fact",
                                            "sites",
                                            "in_area",
                                            "outside_area",
                                            "with_distal",
                                            "whole_limb_of",
                                            "otherwise",
                                            "union",
                                            "intersect",
                                            "when"};
// The site forms that apply an operation to the expressions they hold.
const std::array<std::pair<std::string_view, SiteExprKind>, 5> k_site_operations{
    {{"union", SiteExprKind::union_of},
     {"intersect", SiteExprKind::intersection},
     {"in_area", SiteExprKind::in_area},
     {"outside_area", SiteExprKind::outside_area},
     {"with_distal", SiteExprKind::with_distal}}};

std::string list_forms(const std::vector<std::string>& forms) {
    return fmt::format("{}", fmt::join(forms, ", "));
}

} // namespace

std::uint32_t PackBuilder::add_condition(const Condition& condition) {
    m_pack.conditions.push_back(condition);
    return static_cast<std::uint32_t>(m_pack.conditions.size() - 1);
}

std::uint32_t
PackBuilder::add_site_expr(const SiteExpr& expr, const YamlDocument& doc, const YAML::Node& node) {
    m_pack.site_exprs.push_back(expr);
    m_sources.site_exprs.push_back(doc.location(node.Mark()));
    return static_cast<std::uint32_t>(m_pack.site_exprs.size() - 1);
}

std::optional<std::uint32_t> PackBuilder::lookup_fact(const YamlDocument& doc,
                                                      const KeyValue& entry) {
    auto id = read_scalar(doc, entry, m_out);
    if (!id) {
        return std::nullopt;
    }
    auto index = m_pack.find_fact(*id);
    if (!index) {
        m_out.add(doc.error(
            DiagnosticCode::unknown_name,
            entry.value.Mark(),
            fmt::format("unknown fact '{}'{}", *id, did_you_mean(*id, m_pack.fact_ids()))));
    }
    return index;
}

std::optional<SiteSet> PackBuilder::read_site_ids(const YamlDocument& doc, const KeyValue& entry) {
    auto items = read_scalar_list(doc, entry, m_out);
    if (!items) {
        return std::nullopt;
    }
    SiteSet set;
    bool ok = true;
    for (const auto& [id, mark] : *items) {
        if (auto error = add_site_id(m_pack.sites, id, set)) {
            m_out.add(doc.error(DiagnosticCode::unknown_name, mark, *error));
            ok = false;
        }
    }
    return ok ? std::optional<SiteSet>(set) : std::nullopt;
}

std::optional<Value> PackBuilder::read_fact_value(const YamlDocument& doc,
                                                  const Fact& fact,
                                                  const YAML::Node& node,
                                                  const YAML::Mark& mark) {
    if (fact.type == FactType::site_list && node.IsSequence()) {
        SiteSet set;
        for (const YAML::Node& item : node) {
            auto id = read_scalar(doc, item, "a site", m_out);
            if (!id) {
                return std::nullopt;
            }
            if (auto error = add_site_id(m_pack.sites, *id, set)) {
                m_out.add(doc.error(DiagnosticCode::unknown_name, item.Mark(), *error));
                return std::nullopt;
            }
        }
        return Value::of_sites(set);
    }
    if (is_null_scalar(node)) {
        m_out.add(doc.error(DiagnosticCode::missing_key, mark, "a value is missing here"));
        return std::nullopt;
    }
    auto text = read_scalar(doc, node, "a value", m_out);
    if (!text) {
        return std::nullopt;
    }
    ParsedAnswer answer = parse_answer(m_pack.sites, fact, *text);
    if (!answer.value) {
        m_out.add(doc.error(DiagnosticCode::bad_value, node.Mark(), answer.error));
    }
    return answer.value;
}

std::optional<std::uint32_t> PackBuilder::parse_condition(const YamlDocument& doc,
                                                          const YAML::Node& node,
                                                          const ConditionScope& scope) {
    static const std::vector<std::string> k_allowed = [] {
        std::vector<std::string> allowed = k_condition_forms;
        const auto& operators = condition_operator_names();
        allowed.insert(allowed.end(), operators.begin(), operators.end());
        return allowed;
    }();
    Fields fields(doc, node, "a condition", k_allowed, m_out);
    if (!fields.ok()) {
        return std::nullopt;
    }
    if (fields.find("fact") != nullptr) {
        return parse_fact_test(doc, fields, scope);
    }
    if (fields.entries().size() != 1) {
        m_out.add(doc.error(
            DiagnosticCode::bad_value,
            node.Mark(),
            fmt::format("a condition has exactly one of: {}", list_forms(k_condition_forms))));
        return std::nullopt;
    }
    const KeyValue& entry = fields.entries().front();
    if (entry.key == "all" || entry.key == "any") {
        return parse_condition_group(doc, entry, scope);
    }
    if (entry.key == "not") {
        return parse_negation(doc, entry, scope);
    }
    if (entry.key == "predicate") {
        return parse_predicate_use(doc, entry, scope);
    }
    if (entry.key == "has_sites") {
        return parse_has_sites(doc, entry, scope);
    }
    m_out.add(doc.error(DiagnosticCode::bad_value,
                        entry.key_mark,
                        fmt::format("'{}' needs 'fact:' beside it", entry.key)));
    return std::nullopt;
}

std::optional<std::uint32_t> PackBuilder::parse_condition_group(const YamlDocument& doc,
                                                                const KeyValue& entry,
                                                                const ConditionScope& scope) {
    Condition condition;
    SiteExpr unused;
    condition.kind = entry.key == "all" ? ConditionKind::all : ConditionKind::any;
    if (!parse_children(doc, entry, scope, false, condition, unused)) {
        return std::nullopt;
    }
    return add_condition(condition);
}

std::optional<std::uint32_t> PackBuilder::parse_negation(const YamlDocument& doc,
                                                         const KeyValue& entry,
                                                         const ConditionScope& scope) {
    auto child = parse_condition(doc, entry.value, scope);
    if (!child) {
        return std::nullopt;
    }
    Condition condition;
    condition.kind = ConditionKind::negation;
    condition.target = *child;
    return add_condition(condition);
}

std::optional<std::uint32_t> PackBuilder::parse_predicate_use(const YamlDocument& doc,
                                                              const KeyValue& entry,
                                                              const ConditionScope& scope) {
    auto id = read_scalar(doc, entry, m_out);
    if (!id) {
        return std::nullopt;
    }
    if (scope.in_fact_policy) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            entry.value.Mark(),
                            "a fact's 'required_when' may use facts only, not predicates"));
        return std::nullopt;
    }
    std::vector<std::string> visible;
    for (std::size_t i = 0; i < scope.visible_predicates; ++i) {
        if (m_pack.predicates[i].id == *id) {
            Condition condition;
            condition.kind = ConditionKind::predicate;
            condition.target = static_cast<std::uint32_t>(i);
            return add_condition(condition);
        }
        visible.push_back(m_pack.predicates[i].id);
    }
    m_out.add(doc.error(DiagnosticCode::unknown_name,
                        entry.value.Mark(),
                        fmt::format("unknown predicate '{}' (a predicate can use only those "
                                    "defined above it){}",
                                    *id,
                                    did_you_mean(*id, visible))));
    return std::nullopt;
}

std::optional<std::uint32_t> PackBuilder::parse_has_sites(const YamlDocument& doc,
                                                          const KeyValue& entry,
                                                          const ConditionScope& scope) {
    auto expr = parse_site_expr(doc, entry.value, scope);
    if (!expr) {
        return std::nullopt;
    }
    Condition condition;
    condition.kind = ConditionKind::has_sites;
    condition.target = *expr;
    return add_condition(condition);
}

// The one operator beside `fact:`; nullptr (reported) for another key or not exactly one.
const KeyValue* PackBuilder::fact_test_operator(const YamlDocument& doc, const Fields& fields) {
    const KeyValue* found = nullptr;
    std::size_t operators = 0;
    for (const KeyValue& entry : fields.entries()) {
        if (find_condition_operator(entry.key) != nullptr) {
            found = operators++ == 0 ? &entry : found;
        } else if (entry.key != "fact") {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                entry.key_mark,
                                fmt::format("'{}' cannot stand beside 'fact:'", entry.key)));
            return nullptr;
        }
    }
    if (operators != 1) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            fields.find("fact")->key_mark,
                            fmt::format("a fact test has exactly one of: {}",
                                        list_forms(condition_operator_names()))));
        return nullptr;
    }
    return found;
}

std::optional<std::uint32_t>
PackBuilder::parse_fact_test(const YamlDocument& doc, const Fields& fields, const ConditionScope&) {
    const KeyValue* test = fact_test_operator(doc, fields);
    if (test == nullptr) {
        return std::nullopt;
    }
    auto index = lookup_fact(doc, *fields.find("fact"));
    if (!index) {
        return std::nullopt;
    }
    const Fact& fact = m_pack.facts[*index];
    if (fact.type == FactType::site_list) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            test->key_mark,
                            fmt::format("'{}' is a site list; test it with has_sites: {{fact: {}}}",
                                        fact.id,
                                        fact.id)));
        return std::nullopt;
    }
    const ConditionOperator& op = *find_condition_operator(test->key);
    if (!applies_to(op, fact.type)) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            test->key_mark,
                            fact.type == FactType::number
                                ? fmt::format("'{}' is a number; compare it with {}, not '{}'",
                                              fact.id,
                                              operators_for(fact.type),
                                              test->key)
                                : fmt::format("'{}' is {}; test it with {}, not '{}'",
                                              fact.id,
                                              to_string(fact.type),
                                              operators_for(fact.type),
                                              test->key)));
        return std::nullopt;
    }
    Condition condition;
    condition.fact = *index;
    return fact.type == FactType::number ? compare_number(doc, fact, op, *test, condition)
                                         : test_choices(doc, fact, op, *test, condition);
}

// A value a fact test compares with; `unknown` is refused: the fact's policy decides about it.
std::optional<Value> PackBuilder::read_tested_value(const YamlDocument& doc,
                                                    const Fact& fact,
                                                    const YAML::Node& node,
                                                    const YAML::Mark& key_mark) {
    if (node.IsScalar() && node.Scalar() == "unknown") {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            node.Mark(),
                            "a condition cannot test for unknown; declare an assumption for "
                            "the fact instead (unknown: {assume: VALUE})"));
        return std::nullopt;
    }
    return read_fact_value(doc, fact, node, key_mark);
}

std::optional<std::uint32_t> PackBuilder::compare_number(const YamlDocument& doc,
                                                         const Fact& fact,
                                                         const ConditionOperator& op,
                                                         const KeyValue& test,
                                                         Condition& condition) {
    auto value = read_tested_value(doc, fact, test.value, test.key_mark);
    if (!value) {
        return std::nullopt;
    }
    if (value->kind != ValueKind::number) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            test.value.Mark(),
                            "compare numbers with a number, not none"));
        return std::nullopt;
    }
    condition.kind = ConditionKind::number_compare;
    condition.op = *op.on_numbers;
    condition.number = value->number;
    return add_condition(condition);
}

std::optional<std::uint32_t> PackBuilder::test_choices(const YamlDocument& doc,
                                                       const Fact& fact,
                                                       const ConditionOperator& op,
                                                       const KeyValue& test,
                                                       Condition& condition) {
    condition.kind = ConditionKind::choice_in;
    condition.negate = op.negate;
    if (op.operands == Operands::one) {
        auto value = read_tested_value(doc, fact, test.value, test.key_mark);
        if (!value) {
            return std::nullopt;
        }
        condition.choices = std::uint64_t{1} << value->choice;
        return add_condition(condition);
    }
    if (!test.value.IsSequence() || test.value.size() == 0) {
        m_out.add(doc.error(
            DiagnosticCode::wrong_type,
            test.value.Mark(),
            fmt::format("'{}' takes a non-empty list of values of '{}'", test.key, fact.id)));
        return std::nullopt;
    }
    for (const YAML::Node& item : test.value) {
        auto value = read_tested_value(doc, fact, item, test.key_mark);
        if (!value) {
            return std::nullopt;
        }
        condition.choices |= std::uint64_t{1} << value->choice;
    }
    return add_condition(condition);
}

std::optional<std::uint32_t> PackBuilder::parse_children(const YamlDocument& doc,
                                                         const KeyValue& entry,
                                                         const ConditionScope& scope,
                                                         bool sites,
                                                         Condition& node_for_conditions,
                                                         SiteExpr& node_for_sites) {
    if (!entry.value.IsSequence() || entry.value.size() == 0) {
        m_out.add(doc.error(DiagnosticCode::wrong_type,
                            is_null_scalar(entry.value) ? entry.key_mark : entry.value.Mark(),
                            fmt::format("'{}' takes a non-empty list", entry.key)));
        return std::nullopt;
    }
    std::vector<std::uint32_t> children;
    bool ok = true;
    for (const YAML::Node& item : entry.value) {
        auto child = sites ? parse_site_expr(doc, item, scope) : parse_condition(doc, item, scope);
        ok = ok && child.has_value();
        if (child) {
            children.push_back(*child);
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    const auto first = static_cast<std::uint32_t>(m_pack.children.size());
    m_pack.children.insert(m_pack.children.end(), children.begin(), children.end());
    const auto count = static_cast<std::uint32_t>(children.size());
    node_for_conditions.first = node_for_sites.first = first;
    node_for_conditions.count = node_for_sites.count = count;
    return count;
}

std::optional<std::uint32_t> PackBuilder::parse_site_expr(const YamlDocument& doc,
                                                          const YAML::Node& node,
                                                          const ConditionScope& scope) {
    Fields fields(doc, node, "a site expression", k_site_forms, m_out);
    if (!fields.ok()) {
        return std::nullopt;
    }
    if (const KeyValue* when = fields.find("when")) {
        return parse_conditional_sites(doc, node, fields, *when, scope);
    }
    if (const KeyValue* limb = fields.find("whole_limb_of")) {
        return parse_whole_limb(doc, node, fields, *limb, scope);
    }
    if (fields.entries().size() != 1) {
        m_out.add(doc.error(
            DiagnosticCode::bad_value,
            node.Mark(),
            fmt::format("a site expression has exactly one of: {}", list_forms(k_site_forms))));
        return std::nullopt;
    }
    const KeyValue& entry = fields.entries().front();
    if (entry.key == "fact") {
        return parse_site_fact(doc, node, entry);
    }
    if (entry.key == "sites") {
        return parse_site_literal(doc, node, entry);
    }
    if (entry.key == "otherwise") {
        m_out.add(doc.error(
            DiagnosticCode::bad_value, entry.key_mark, "'otherwise' goes beside 'whole_limb_of'"));
        return std::nullopt;
    }
    return parse_site_operation(doc, node, entry, scope);
}

std::uint32_t PackBuilder::add_site_expr_of(SiteExpr expr,
                                            std::uint32_t child,
                                            const YamlDocument& doc,
                                            const YAML::Node& node) {
    expr.first = static_cast<std::uint32_t>(m_pack.children.size());
    expr.count = 1;
    m_pack.children.push_back(child);
    return add_site_expr(expr, doc, node);
}

std::optional<std::uint32_t> PackBuilder::parse_conditional_sites(const YamlDocument& doc,
                                                                  const YAML::Node& node,
                                                                  const Fields& fields,
                                                                  const KeyValue& when,
                                                                  const ConditionScope& scope) {
    const KeyValue* sites = fields.find("sites");
    if (sites == nullptr || fields.entries().size() != 2) {
        m_out.add(
            doc.error(DiagnosticCode::bad_value,
                      when.key_mark,
                      "a conditional site expression is {when: CONDITION, sites: EXPRESSION}"));
        return std::nullopt;
    }
    auto condition = parse_condition(doc, when.value, scope);
    auto child = parse_site_expr(doc, sites->value, scope);
    if (!condition || !child) {
        return std::nullopt;
    }
    SiteExpr expr;
    expr.kind = SiteExprKind::when;
    expr.condition = *condition;
    return add_site_expr_of(expr, *child, doc, node);
}

std::optional<std::uint32_t> PackBuilder::parse_whole_limb(const YamlDocument& doc,
                                                           const YAML::Node& node,
                                                           const Fields& fields,
                                                           const KeyValue& limb,
                                                           const ConditionScope& scope) {
    const KeyValue* otherwise = fields.find("otherwise");
    if (fields.entries().size() != (otherwise ? 2U : 1U)) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            limb.key_mark,
                            "write {whole_limb_of: EXPRESSION, otherwise: EXPRESSION}"));
        return std::nullopt;
    }
    auto child = parse_site_expr(doc, limb.value, scope);
    std::optional<std::uint32_t> fallback;
    if (otherwise != nullptr) {
        fallback = parse_site_expr(doc, otherwise->value, scope);
        if (!fallback) {
            return std::nullopt;
        }
    }
    if (!child) {
        return std::nullopt;
    }
    SiteExpr expr;
    expr.kind = SiteExprKind::whole_limb_of;
    expr.otherwise = fallback ? *fallback + 1 : 0;
    return add_site_expr_of(expr, *child, doc, node);
}

std::optional<std::uint32_t> PackBuilder::parse_site_fact(const YamlDocument& doc,
                                                          const YAML::Node& node,
                                                          const KeyValue& entry) {
    auto index = lookup_fact(doc, entry);
    if (!index) {
        return std::nullopt;
    }
    if (m_pack.facts[*index].type != FactType::site_list) {
        m_out.add(doc.error(
            DiagnosticCode::bad_value,
            entry.value.Mark(),
            fmt::format("'{}' is not a site list, so it has no sites", m_pack.facts[*index].id)));
        return std::nullopt;
    }
    SiteExpr expr;
    expr.kind = SiteExprKind::fact;
    expr.fact = *index;
    return add_site_expr(expr, doc, node);
}

std::optional<std::uint32_t> PackBuilder::parse_site_literal(const YamlDocument& doc,
                                                             const YAML::Node& node,
                                                             const KeyValue& entry) {
    auto sites = read_site_ids(doc, entry);
    if (!sites) {
        return std::nullopt;
    }
    SiteExpr expr;
    expr.kind = SiteExprKind::literal;
    expr.literal = *sites;
    return add_site_expr(expr, doc, node);
}

// union and intersect take a list of expressions; in_area, outside_area and with_distal one.
std::optional<std::uint32_t> PackBuilder::parse_site_operation(const YamlDocument& doc,
                                                               const YAML::Node& node,
                                                               const KeyValue& entry,
                                                               const ConditionScope& scope) {
    SiteExpr expr;
    expr.kind = std::find_if(k_site_operations.begin(),
                             k_site_operations.end(),
                             [&](const auto& operation) { return operation.first == entry.key; })
                    ->second;
    if (expr.kind == SiteExprKind::union_of || expr.kind == SiteExprKind::intersection) {
        Condition unused;
        if (!parse_children(doc, entry, scope, true, unused, expr)) {
            return std::nullopt;
        }
        return add_site_expr(expr, doc, node);
    }
    auto child = parse_site_expr(doc, entry.value, scope);
    if (!child) {
        return std::nullopt;
    }
    return add_site_expr_of(expr, *child, doc, node);
}

bool PackBuilder::uses_conditional_fact(std::uint32_t index) const {
    const Condition& condition = m_pack.conditions[index];
    switch (condition.kind) {
    case ConditionKind::all:
    case ConditionKind::any:
        for (std::uint32_t i = 0; i < condition.count; ++i) {
            if (uses_conditional_fact(m_pack.children[condition.first + i])) {
                return true;
            }
        }
        return false;
    case ConditionKind::negation:
        return uses_conditional_fact(condition.target);
    case ConditionKind::choice_in:
    case ConditionKind::number_compare:
        return is_conditional(m_pack.facts[condition.fact]);
    case ConditionKind::has_sites:
        return site_expr_uses_conditional_fact(condition.target);
    case ConditionKind::predicate:
        return true;
    }
    return true;
}

bool PackBuilder::site_expr_uses_conditional_fact(std::uint32_t index) const {
    const SiteExpr& expr = m_pack.site_exprs[index];
    if (expr.kind == SiteExprKind::fact) {
        return is_conditional(m_pack.facts[expr.fact]);
    }
    if (expr.kind == SiteExprKind::when && uses_conditional_fact(expr.condition)) {
        return true;
    }
    if (expr.otherwise != 0 && site_expr_uses_conditional_fact(expr.otherwise - 1)) {
        return true;
    }
    for (std::uint32_t i = 0; i < expr.count; ++i) {
        if (site_expr_uses_conditional_fact(m_pack.children[expr.first + i])) {
            return true;
        }
    }
    return false;
}

} // namespace contra::detail

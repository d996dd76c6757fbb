#include "pack/condition_operators.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra::detail {

const std::vector<ConditionOperator>& condition_operators() {
    static const std::vector<ConditionOperator> k_operators{
        {"eq", Operands::one, NumberOp::eq, true, false},
        {"ne", Operands::one, NumberOp::ne, true, true},
        {"in", Operands::list, std::nullopt, true, false},
        {"not_in", Operands::list, std::nullopt, true, true},
        {"lt", Operands::one, NumberOp::lt, false, false},
        {"lte", Operands::one, NumberOp::lte, false, false},
        {"gt", Operands::one, NumberOp::gt, false, false},
        {"gte", Operands::one, NumberOp::gte, false, false}};
    return k_operators;
}

const std::vector<std::string>& condition_operator_names() {
    static const std::vector<std::string> k_names = [] {
        std::vector<std::string> names;
        for (const ConditionOperator& op : condition_operators()) {
            names.emplace_back(op.name);
        }
        return names;
    }();
    return k_names;
}

const ConditionOperator* find_condition_operator(std::string_view name) {
    const auto& operators = condition_operators();
    const auto found = std::find_if(operators.begin(),
                                    operators.end(),
                                    [&](const ConditionOperator& op) { return op.name == name; });
    return found == operators.end() ? nullptr : &*found;
}

bool applies_to(const ConditionOperator& op, FactType type) {
    switch (type) {
    case FactType::number:
        return op.on_numbers.has_value();
    case FactType::yes_no:
    case FactType::enumeration:
        return op.on_choices;
    case FactType::site_list:
        return false;
    }
    return false;
}

std::string operators_for(FactType type) {
    std::vector<std::string_view> names;
    for (const ConditionOperator& op : condition_operators()) {
        if (applies_to(op, type)) {
            names.push_back(op.name);
        }
    }
    if (names.size() < 2) {
        return fmt::format("{}", fmt::join(names, ""));
    }
    return fmt::format("{} or {}", fmt::join(names.begin(), names.end() - 1, ", "), names.back());
}

} // namespace contra::detail

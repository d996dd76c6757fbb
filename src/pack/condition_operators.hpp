#pragma once

// Internal to the pack loader: the operators of a fact test ({fact: F, OPERATOR: VALUE}).

#include "model/condition.hpp"
#include "model/fact.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

/// How many values an operator takes: `eq: x` or `in: [x, y]`.
enum class Operands { one, list };

struct ConditionOperator {
    std::string_view name;
    Operands operands;
    std::optional<NumberOp> on_numbers; ///< how it compares a number fact; nullopt: it cannot
    bool on_choices;                    ///< it tests yes_no and enum facts
    bool negate;                        ///< on choices: true when the answer must not be listed
};

/// Every operator, in the order messages list them.
const std::vector<ConditionOperator>& condition_operators();

/// Every operator's name, in the order of condition_operators().
const std::vector<std::string>& condition_operator_names();

/// The operator called `name`, or nullptr.
const ConditionOperator* find_condition_operator(std::string_view name);

/// Whether `op` can test a fact of `type`.
bool applies_to(const ConditionOperator& op, FactType type);

/// The operators that can test a fact of `type`, for a message: "eq, ne, in or not_in".
std::string operators_for(FactType type);

} // namespace contra::detail

#pragma once

#include "model/rule_pack.hpp"

#include <nlohmann/json.hpp>

namespace contra {

/// An answer as JSON: a string for yes/no and enums, a number, an array of leaf ids, "none".
nlohmann::ordered_json value_to_json(const RulePack& pack, const Fact& fact, const Value& value);

} // namespace contra

#pragma once

#include "model/rule_pack.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <ostream>

namespace contra {

/// The pack's rules (id, name, level, clearable, title, sources) and its vocabulary (id, type,
/// values or range, question, unknown policy), as JSON for programs or a table for people:
/// within `width` columns (long cells wrapped, words never broken), or with `width` 0 one line
/// per item however long.
nlohmann::ordered_json rules_to_json(const RulePack& pack);
nlohmann::ordered_json facts_to_json(const RulePack& pack);
void render_rules_table(const RulePack& pack, std::size_t width, std::ostream& out);
void render_facts_table(const RulePack& pack, std::size_t width, std::ostream& out);

/// How a fact's unknown policy reads: "required", "optional", "assume yes (note)",
/// "required when ...".
std::string describe_policy(const RulePack& pack, const Fact& fact);

} // namespace contra

#pragma once

#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace contra {

/// The JSON object of docs/contract.md ("contra check --format json"), keys in a stable order.
nlohmann::ordered_json report_to_json(const RulePack& pack, const Report& report);

/// Writes `json` indented by two spaces, and a newline. Bytes that are not UTF-8 (a hostile file
/// name, say) are written as U+FFFD, so the output stays valid JSON whatever the input held.
void write_json(const nlohmann::ordered_json& json, std::ostream& out);

/// `json` on one line, bytes that are not UTF-8 written as U+FFFD (as write_json).
std::string to_compact_json(const nlohmann::ordered_json& json);

/// Writes report_to_json, indented, and a newline.
void render_json(const RulePack& pack, const Report& report, std::ostream& out);

/// An answer as JSON: a string for yes/no and enums, a number, an array of leaf ids, "none".
nlohmann::ordered_json value_to_json(const RulePack& pack, const Fact& fact, const Value& value);

} // namespace contra

#pragma once

#include "model/report.hpp"
#include "model/rule_pack.hpp"
#include "output/json_text.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace contra {

/// The JSON object of docs/contract.md ("contra check --format json"), keys in a stable order.
nlohmann::ordered_json report_to_json(const RulePack& pack, const Report& report);

/// Writes report_to_json, indented, and a newline.
void render_json(const RulePack& pack, const Report& report, std::ostream& out);

} // namespace contra

#pragma once

#include "model/rule_pack.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace contra {

/// The pack's body sites as a tree: each group under the smallest group that holds all of its
/// sites, each leaf under the smallest group that holds it; then the aliases. As JSON for
/// programs, or indented text within 80 columns for people (`contra sites`).
nlohmann::ordered_json sites_to_json(const RulePack& pack);
void render_site_tree(const RulePack& pack, std::ostream& out);

} // namespace contra

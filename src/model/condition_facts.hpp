#pragma once

#include "model/rule_pack.hpp"

#include <cstdint>
#include <set>

namespace contra {

/// The facts a condition reads, through its predicates and site expressions; a site expression
/// that depends on the treatment area reads the modality fact.
void facts_of_condition(const RulePack& pack,
                        std::uint32_t condition,
                        std::set<std::uint32_t>& facts);
void facts_of_sites(const RulePack& pack, std::uint32_t site_expr, std::set<std::uint32_t>& facts);

/// Whether some profile can leave the condition unknown: it reads a question that may stay
/// unanswered (required, or required only when another answer makes it matter). A condition
/// over assumed and optional questions alone is always settled.
bool can_be_uncertain(const RulePack& pack, std::uint32_t condition);

} // namespace contra

#pragma once

#include "contra/profile.hpp"
#include "contra/report.hpp"
#include "contra/rule_pack.hpp"
#include "contra/tristate.hpp"

namespace contra {

/// Checks a profile against a pack: a pure function, no I/O.
///
/// Conditions are evaluated in Kleene logic over the answers after each fact's unknown policy;
/// the verdict is the most severe fired level, or `incomplete` when that level would allow
/// treatment today and some rule that could fire would raise it or add a site to avoid.
Report evaluate(const RulePack& pack, const Profile& profile);

/// The three-valued value of one condition of the pack for a profile (for explanations).
Tri evaluate_condition(const RulePack& pack, const Profile& profile, std::uint32_t condition);

} // namespace contra

#pragma once

#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"

namespace contra {

/// Checks a profile against a pack: a pure function, no I/O.
///
/// Conditions are evaluated in Kleene logic over the answers after each fact's unknown policy;
/// the verdict is the most severe fired level, or `incomplete` when that level would allow
/// treatment today and some rule that could fire would raise it or add a site to avoid.
Report evaluate(const RulePack& pack, const Profile& profile);

/// The same, into `report`, whose earlier content is replaced: its lists keep their storage,
/// so a report reused for each profile of a batch is filled without allocating.
void evaluate(const RulePack& pack, const Profile& profile, Report& report);

namespace detail {
/// The verdict on the profile's answers alone, none of the pack's assumptions applied, computed
/// whole: evaluate() sets `verdict_rests_on_assumptions` when it differs from the verdict, and
/// tests compare the two.
Verdict verdict_on_the_answers_alone(const RulePack& pack, const Profile& profile);
} // namespace detail

/// An unfinished profile (an interview stopped part-way, a FHIR response in progress) may lack
/// answers that would change the verdict: a verdict that allows treatment today becomes
/// `incomplete`.
void hold_unfinished(const Profile& profile, Report& report);

} // namespace contra

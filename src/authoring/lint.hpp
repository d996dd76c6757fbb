#pragma once

#include "model/rule_pack.hpp"
#include "pack/pack_loader.hpp"
#include "util/diagnostic.hpp"

namespace contra {

/// The checks a reviewer would otherwise do by eye, on a pack that loaded: rules that can
/// never fire or always fire, questions no condition uses, leaf sites named nowhere, rules
/// without action, rationale or sources, two rules with the same condition, and one-sided site
/// lists in rules whose condition cannot know the side; and the pack's evidence
/// (evidence_lint.hpp).
///
/// Whether a rule can fire is searched over the values its condition can tell apart (each
/// threshold and its neighbours, every enum value, no sites and all sites); the search is
/// exhaustive up to a bound and sampled beyond it, so a warning is always backed by the search.
Diagnostics lint_pack(const RulePack& pack, const PackSourceMap& sources);

} // namespace contra

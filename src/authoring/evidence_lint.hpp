#pragma once

#include "model/rule_pack.hpp"
#include "pack/pack_source.hpp"
#include "util/diagnostic.hpp"

namespace contra {

/// The checks of a pack's evidence (warnings): a source without a type or a citation, or a rule
/// citing free text (untyped-source); a rule whose every source is a practitioner article, when
/// its grade does not say so or its level is postpone_and_refer or above (weak-evidence); a source
/// URL on a domain of the manifest's `do_not_cite` list (do-not-cite).
void lint_evidence(const RulePack& pack, const PackSourceMap& sources, Diagnostics& out);

} // namespace contra

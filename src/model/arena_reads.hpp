#pragma once

#include "model/rule_pack.hpp"

namespace contra {

/// The facts each condition and site expression of `pack` may read, directly or through its
/// operands; a site expression that depends on the treatment area reads the area and modality
/// facts.
ArenaReads arena_reads(const RulePack& pack);

} // namespace contra

#pragma once

// Internal to the interview: what order its questions may come in, and which answers to try
// when asking whether a question can still change the outcome.

#include "model/rule_pack.hpp"

#include <cstdint>
#include <vector>

namespace contra {

/// Per fact, the facts to ask before it ("gates"): facts it is only ever tested together with
/// in an `all` (derived from the rules' conditions, predicates expanded), the facts of its
/// `required_when`, the pack's declared `follow_ups`, and the modality before the treatment
/// area. A gate delays a question only while the gate itself is still to be asked.
std::vector<std::vector<std::uint32_t>> question_gates(const RulePack& pack);

/// Per fact, the answers worth trying: yes and no; each enum value; for numbers `none` where
/// allowed, the range's ends and each threshold a condition compares with and either side of
/// it; for site lists none, each group and each leaf. Empty for facts no rule tests.
std::vector<std::vector<Value>> candidate_answers(const RulePack& pack);

} // namespace contra

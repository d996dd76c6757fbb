#pragma once

#include "model/rule_pack.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// The reserved top-level profile key `contra interview --save` writes, with the value
/// `unfinished`, when the interview was stopped part-way (not a fact id: facts start with a
/// letter).
inline constexpr std::string_view k_unfinished_key = "_interview";

/// A client's intake answers: one value per fact of the pack, unknown where unanswered.
struct Profile {
    std::vector<Value> answers;
    bool unfinished = false; ///< saved from an interview stopped part-way (k_unfinished_key)
};

/// A profile with every answer unknown.
Profile empty_profile(const RulePack& pack);

} // namespace contra

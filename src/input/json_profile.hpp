#pragma once

#include "model/profile.hpp"
#include "model/rule_pack.hpp"

#include <optional>
#include <string_view>

namespace contra {

/// The fast path for JSON profiles: an object of fact ids to answers, read in one pass with
/// simdjson's On-Demand parser and no document tree. It accepts only input the YAML path reads
/// the same way, and returns nullopt for anything else (any error included), so the caller
/// falls back to the YAML path, which reports each problem with its line and column. With
/// `record_id`, a key `id` is accepted too, and its string or number goes there.
std::optional<Profile> read_json_profile_fast(const RulePack& pack,
                                              std::string_view text,
                                              std::optional<std::string>* record_id = nullptr);

} // namespace contra

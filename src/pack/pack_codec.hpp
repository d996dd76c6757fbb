#pragma once

#include "model/rule_pack.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace contra {

/// A compact binary form of a validated pack, so the bundled pack is compiled into the binary
/// at build time instead of parsing YAML at every start.
std::string encode_pack(const RulePack& pack);

/// The pack back from encode_pack's bytes; nullopt if they are truncated or not a pack.
std::optional<RulePack> decode_pack(std::string_view bytes);

} // namespace contra

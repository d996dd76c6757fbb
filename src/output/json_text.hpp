#pragma once

// JSON as text, safe for a terminal and always valid: the one place contra turns JSON into bytes.

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace contra {

/// Writes `json` indented by two spaces, and a newline. Bytes that are not UTF-8 (a hostile file
/// name, say) are written as U+FFFD, so the output stays valid JSON whatever the input held.
void write_json(const nlohmann::ordered_json& json, std::ostream& out);

/// `json` on one line, bytes that are not UTF-8 written as U+FFFD (as write_json).
std::string to_compact_json(const nlohmann::ordered_json& json);

} // namespace contra

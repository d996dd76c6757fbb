#pragma once

// The syntax of a JSON document, checked as JSON: YAML's flow syntax reads much that JSON
// refuses (`{"a": }`, single quotes, trailing commas, comments), and a document that says it is
// JSON must not be screened on what YAML made of it.

#include "util/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace contra {

/// Nothing when `text` is one well-formed JSON value (RFC 8259; duplicate keys are left to the
/// profile reader, which names both), else a `json-syntax` error at the line and column of the
/// first character JSON cannot accept, saying what was expected there.
std::optional<Diagnostic> json_syntax_error(std::string_view text, const std::string& file_name);

} // namespace contra

#pragma once

// Text to value, the same for every input form (YAML, JSON, flags, CSV cells).

#include <optional>
#include <string>
#include <string_view>

namespace contra {

/// `text` without the `blanks` around it (spaces and tabs unless told).
std::string_view trim(std::string_view text, std::string_view blanks = " \t");

/// `text` with the ASCII letters A-Z in lower case and every other byte as it is (never the
/// locale's idea of case).
std::string ascii_lowercase(std::string_view text);

/// A finite decimal number; hex, octal, `.nan`, `.inf` and out-of-range values are refused.
std::optional<double> parse_number(std::string_view text);

/// `yes`/`true` and `no`/`false` in any case, as YAML 1.1 and JSON write them.
std::optional<bool> parse_yes_no(std::string_view text);

} // namespace contra

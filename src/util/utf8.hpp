#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace contra {

/// The byte offset of the first byte of `text` that does not begin a well-formed UTF-8
/// sequence (a stray byte, an overlong form, a surrogate, a truncated sequence), as glibc's
/// iconv decodes UTF-8; nullopt when all of it is UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

} // namespace contra

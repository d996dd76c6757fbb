#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace contra {

/// The columns `text` (UTF-8) takes: one per code point.
std::size_t display_columns(std::string_view text);

/// `text` wrapped to `width` columns at its spaces, every line after the first indented by
/// `indent` spaces; the first line starts at `first_column` (what is printed before it). A word
/// is never broken: one longer than the width stands alone on its line, unbroken.
std::string
wrap(std::string_view text, std::size_t indent, std::size_t width, std::size_t first_column);

/// `wrap` for text whose first line starts at the indent.
inline std::string wrap(std::string_view text, std::size_t indent, std::size_t width) {
    return wrap(text, indent, width, indent);
}

} // namespace contra

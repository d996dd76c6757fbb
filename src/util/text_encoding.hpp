#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace contra {

/// The character encodings a text input may be declared in (`contra batch --encoding`).
enum class TextEncoding : std::uint8_t { utf8, windows_1252, latin_1 };

/// "utf-8", "windows-1252", "latin-1" (in any case); nullopt for any other name.
std::optional<TextEncoding> text_encoding_named(std::string_view name);

/// The name `text_encoding_named` reads: "utf-8", "windows-1252" or "latin-1".
std::string_view to_string(TextEncoding encoding);

/// Text decoded into UTF-8, or where it could not be.
struct DecodedText {
    std::string text;                      ///< UTF-8; empty when `invalid_at` is set
    std::optional<std::size_t> invalid_at; ///< byte offset of the first byte not in the encoding
};

/// `text`, written in `encoding`, as UTF-8 (glibc's iconv). A byte that is not a character of
/// the encoding (any malformed UTF-8; 0x81, 0x8d, 0x8f, 0x90 or 0x9d in Windows-1252) is
/// reported by its offset, never replaced.
DecodedText to_utf8(std::string_view text, TextEncoding encoding);

} // namespace contra

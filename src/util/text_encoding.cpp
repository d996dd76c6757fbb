#include "util/text_encoding.hpp"

#include "util/text_parse.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <iconv.h>
#include <stdexcept>

namespace contra {
namespace {

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char byte) {
        return static_cast<unsigned char>(byte) < 0x80;
    });
}

const char* iconv_name(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::utf8:
        return "UTF-8";
    case TextEncoding::windows_1252:
        return "WINDOWS-1252";
    case TextEncoding::latin_1:
        return "ISO-8859-1";
    }
    return "UTF-8";
}

// A single-byte encoding into UTF-8 through iconv; the offset of a byte it has no character for.
DecodedText convert(std::string_view text, TextEncoding encoding) {
    iconv_t decoder = iconv_open("UTF-8", iconv_name(encoding));
    // (iconv_t)-1 is iconv_open's documented failure value.
    if (decoder == reinterpret_cast<iconv_t>(-1)) { // NOLINT(performance-no-int-to-ptr)
        throw std::runtime_error(std::string("iconv has no decoder for ") + iconv_name(encoding));
    }
    DecodedText decoded;
    // iconv's interface takes a non-const input pointer but only reads through it.
    char* in = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    std::array<char, 4096> buffer{};
    while (in_left > 0) {
        char* out = buffer.data();
        std::size_t out_left = buffer.size();
        const std::size_t done = iconv(decoder, &in, &in_left, &out, &out_left);
        decoded.text.append(buffer.data(), buffer.size() - out_left);
        if (done == static_cast<std::size_t>(-1) && errno != E2BIG) {
            decoded.invalid_at = text.size() - in_left;
            decoded.text.clear();
            break;
        }
    }
    iconv_close(decoder);
    return decoded;
}

} // namespace

std::optional<TextEncoding> text_encoding_named(std::string_view name) {
    const std::string lower = ascii_lowercase(name);
    for (const TextEncoding encoding :
         {TextEncoding::utf8, TextEncoding::windows_1252, TextEncoding::latin_1}) {
        if (lower == to_string(encoding)) {
            return encoding;
        }
    }
    return std::nullopt;
}

std::string_view to_string(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::utf8:
        return "utf-8";
    case TextEncoding::windows_1252:
        return "windows-1252";
    case TextEncoding::latin_1:
        return "latin-1";
    }
    return "utf-8";
}

DecodedText to_utf8(std::string_view text, TextEncoding encoding) {
    if (is_ascii(text)) {
        return {std::string(text), std::nullopt}; // the same bytes in all three
    }
    if (encoding == TextEncoding::utf8) {
        if (const auto invalid = first_invalid_utf8(text)) {
            return {{}, invalid};
        }
        return {std::string(text), std::nullopt};
    }
    return convert(text, encoding);
}

} // namespace contra

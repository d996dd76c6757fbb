#include "util/terminal_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra {
namespace {

bool is_plain_ascii(unsigned char byte) {
    return byte >= 0x20 && byte < 0x7f;
}

// The length of the well-formed UTF-8 sequence at the start of `text` (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0.
std::size_t utf8_sequence_length(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (text.size() < length || byte(1) < low || byte(1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

// U+0080..U+009F: C1 controls (CSI is U+009B), which some terminals obey in UTF-8 too.
bool is_c1_control(std::string_view sequence) {
    return sequence.size() == 2 && static_cast<unsigned char>(sequence[0]) == 0xC2 &&
           static_cast<unsigned char>(sequence[1]) <= 0x9F;
}

void append_escaped(std::string_view bytes, std::string& out) {
    for (const char c : bytes) {
        out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    }
}

} // namespace

std::string escape_controls(std::string_view text) {
    if (std::all_of(text.begin(), text.end(), [](char c) {
            return is_plain_ascii(static_cast<unsigned char>(c));
        })) {
        return std::string(text);
    }
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (is_plain_ascii(byte)) {
            out += text[i++];
            continue;
        }
        const std::size_t length = byte < 0x80 ? 0 : utf8_sequence_length(text.substr(i));
        if (length == 0) {
            append_escaped(text.substr(i, 1), out);
            ++i;
            continue;
        }
        const std::string_view sequence = text.substr(i, length);
        if (is_c1_control(sequence)) {
            append_escaped(sequence, out);
        } else {
            out += sequence;
        }
        i += length;
    }
    return out;
}

} // namespace contra

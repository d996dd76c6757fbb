#include "output/json_text.hpp"

#include <fmt/format.h>

#include <string>

namespace contra {
namespace {

using nlohmann::ordered_json;

// nlohmann::json escapes C0 controls but writes DEL and the C1 controls (U+0080..U+009F, which
// some terminals obey) as they are; outside strings a dump has neither, so this is safe JSON.
std::string escape_del_and_c1(std::string text) {
    const auto unsafe = [&](std::size_t i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        return byte == 0x7F || (byte == 0xC2 && i + 1 < text.size() &&
                                static_cast<unsigned char>(text[i + 1]) <= 0x9F);
    };
    std::size_t i = 0;
    while (i < text.size() && !unsafe(i)) {
        ++i;
    }
    if (i == text.size()) {
        return text;
    }
    std::string out = text.substr(0, i);
    for (; i < text.size(); ++i) {
        if (!unsafe(i)) {
            out += text[i];
        } else if (text[i] == 0x7F) {
            out += "\\u007f";
        } else {
            out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
            ++i;
        }
    }
    return out;
}

} // namespace

std::string to_compact_json(const ordered_json& json) {
    return escape_del_and_c1(json.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
}

void write_json(const nlohmann::ordered_json& json, std::ostream& out) {
    out << escape_del_and_c1(json.dump(2, ' ', false, ordered_json::error_handler_t::replace))
        << '\n';
}

} // namespace contra

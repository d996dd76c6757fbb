#include "output/render_json.hpp"

#include "output/report_json_writer.hpp"

#include <fmt/format.h>

namespace contra {
namespace {

using nlohmann::ordered_json;

ordered_json leaf_ids(const RulePack& pack, const SiteSet& sites) {
    ordered_json ids = ordered_json::array();
    for (std::string& id : pack.sites.leaf_ids(sites)) {
        ids.push_back(std::move(id));
    }
    return ids;
}

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

ordered_json value_to_json(const RulePack& pack, const Fact& fact, const Value& value) {
    switch (value.kind) {
    case ValueKind::unknown:
        return "unknown";
    case ValueKind::absent:
        return nullptr;
    case ValueKind::choice:
        return fact.values.at(value.choice);
    case ValueKind::number:
        return value.number;
    case ValueKind::none:
        return "none";
    case ValueKind::sites:
        return leaf_ids(pack, value.sites);
    }
    return nullptr;
}

ordered_json report_to_json(const RulePack& pack, const Report& report) {
    std::string text = "{";
    ReportJsonWriter(pack).append_members(report, text);
    text += '}';
    return ordered_json::parse(text);
}

std::string to_compact_json(const ordered_json& json) {
    return escape_del_and_c1(json.dump(-1, ' ', false, ordered_json::error_handler_t::replace));
}

void write_json(const nlohmann::ordered_json& json, std::ostream& out) {
    out << escape_del_and_c1(json.dump(2, ' ', false, ordered_json::error_handler_t::replace))
        << '\n';
}

void render_json(const RulePack& pack, const Report& report, std::ostream& out) {
    write_json(report_to_json(pack, report), out);
}

} // namespace contra

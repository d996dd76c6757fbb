#include "output/render_json.hpp"

#include "output/json_text.hpp"
#include "output/report_json_writer.hpp"

#include <fmt/format.h>

namespace contra {

using nlohmann::ordered_json;

ordered_json report_to_json(const RulePack& pack, const Report& report) {
    std::string text = "{";
    ReportJsonWriter(pack).append_members(report, text);
    text += '}';
    return ordered_json::parse(text);
}

void render_json(const RulePack& pack, const Report& report, std::ostream& out) {
    write_json(report_to_json(pack, report), out);
}

} // namespace contra

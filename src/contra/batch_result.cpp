#include "contra/batch_result.hpp"

#include "contra/evaluator.hpp"
#include "contra/render_json.hpp"

namespace contra {
namespace {

using nlohmann::ordered_json;

ordered_json record_head(std::size_t number, const std::optional<std::string>& id) {
    ordered_json json;
    json["record"] = number;
    if (id) {
        json["id"] = *id;
    }
    return json;
}

std::string serialized(const ordered_json& json) {
    return json.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

} // namespace

std::optional<Verdict> screen_record(const RulePack& pack,
                                     const ReportJsonWriter& writer,
                                     std::size_t number,
                                     const RecordProfile& record,
                                     std::string& out) {
    ordered_json head = record_head(number, record.id);
    if (!record.profile) {
        ordered_json errors = ordered_json::array();
        for (const Diagnostic& diagnostic : record.diagnostics.items()) {
            errors.push_back(ordered_json{
                {"code", to_string(diagnostic.code)},
                {"field",
                 diagnostic.field.empty() ? ordered_json(nullptr) : ordered_json(diagnostic.field)},
                {"message", diagnostic.message},
                {"file", diagnostic.where.file},
                {"line", diagnostic.where.line},
                {"column", diagnostic.where.column}});
        }
        head["errors"] = std::move(errors);
        out += serialized(head);
        out += '\n';
        return std::nullopt;
    }
    const Report report = evaluate(pack, *record.profile);
    std::string line = serialized(head);
    line.back() = ','; // the members of the report follow those of the record
    out += line;
    writer.append_members(report, out);
    out += "}\n";
    return report.verdict;
}

int outcome_rank(std::optional<Verdict> verdict) {
    if (!verdict) {
        return 6;
    }
    switch (*verdict) {
    case Verdict::proceed:
        return 0;
    case Verdict::proceed_with_precautions:
        return 1;
    case Verdict::incomplete:
        return 2;
    case Verdict::postpone_and_refer:
        return 3;
    case Verdict::do_not_massage:
        return 4;
    case Verdict::emergency:
        return 5;
    }
    return 6;
}

} // namespace contra

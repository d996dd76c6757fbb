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

std::string to_line(const ordered_json& json) {
    std::string line = json.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
    line += '\n';
    return line;
}

} // namespace

RecordOutcome screen_record(const RulePack& pack,
                            const ReportJsonWriter& writer,
                            std::size_t number,
                            RecordProfile record) {
    if (!record.profile) {
        ordered_json json = record_head(number, record.id);
        ordered_json errors = ordered_json::array();
        for (const Diagnostic& diagnostic : record.diagnostics.items()) {
            errors.push_back(ordered_json{{"code", to_string(diagnostic.code)},
                                          {"field", diagnostic.field.empty()
                                                        ? ordered_json(nullptr)
                                                        : ordered_json(diagnostic.field)},
                                          {"message", diagnostic.message},
                                          {"file", diagnostic.where.file},
                                          {"line", diagnostic.where.line},
                                          {"column", diagnostic.where.column}});
        }
        json["errors"] = std::move(errors);
        return {to_line(json), std::nullopt};
    }
    const Report report = evaluate(pack, *record.profile);
    std::string line = to_line(record_head(number, record.id));
    line.pop_back(); // the newline
    line.back() = ',';
    writer.append_members(report, line);
    line += "}\n";
    return {std::move(line), report.verdict};
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

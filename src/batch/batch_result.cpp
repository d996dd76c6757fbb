#include "batch/batch_result.hpp"

#include "engine/evaluator.hpp"
#include "engine/shelf_life.hpp"
#include "output/render_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace contra {
namespace {

using nlohmann::ordered_json;

// Outcomes from least to most urgent. A record that could not be read (nullopt) ranks above
// everything that allows treatment today and below every verdict that refers the client on:
// a bad record must not hide an emergency in the exit code.
constexpr std::array<std::optional<Verdict>, 7> k_outcomes_by_urgency{
    Verdict::proceed,
    Verdict::proceed_with_precautions,
    Verdict::incomplete,
    std::nullopt,
    Verdict::postpone_and_refer,
    Verdict::do_not_massage,
    Verdict::emergency};

// `{"record":N`, `,"id":…` when the record has one and `,"meta":{…}` when it carries any:
// the members every line starts with.
void append_head(std::size_t number, const RecordProfile& record, std::string& out) {
    out += fmt::format("{{\"record\":{}", number);
    if (record.id) {
        out += ",\"id\":";
        out += to_compact_json(*record.id);
    }
    if (!record.meta.empty()) {
        ordered_json meta = ordered_json::object();
        for (const auto& [header, cell] : record.meta) {
            meta[header] = cell;
        }
        out += ",\"meta\":";
        out += to_compact_json(meta);
    }
}

} // namespace

std::optional<Verdict> screen_record(const RulePack& pack,
                                     const ReportJsonWriter& writer,
                                     std::size_t number,
                                     const RecordProfile& record,
                                     ReportDetail detail,
                                     CalendarDate today,
                                     Report& report,
                                     std::string& out) {
    append_head(number, record, out);
    Diagnostics dated_after;
    if (record.profile) {
        if (auto error = answer_dated_after(pack, *record.profile, today)) {
            dated_after.add(std::move(*error));
        }
    }
    if (!record.profile || dated_after.has_errors()) {
        ordered_json errors = ordered_json::array();
        for (const Diagnostic& diagnostic :
             record.profile ? dated_after.items() : record.diagnostics.items()) {
            if (diagnostic.severity != Severity::error) {
                continue;
            }
            errors.push_back(ordered_json{
                {"code", to_string(diagnostic.code)},
                {"field",
                 diagnostic.field.empty() ? ordered_json(nullptr) : ordered_json(diagnostic.field)},
                {"message", diagnostic.message},
                {"file", diagnostic.where.file},
                {"line", diagnostic.where.line},
                {"column", diagnostic.where.column}});
        }
        out += ",\"errors\":";
        out += to_compact_json(errors);
        out += "}\n";
        return std::nullopt;
    }
    evaluate_on(pack, *record.profile, today, report);
    hold_unfinished(*record.profile, report);
    out += ',';
    writer.append_members(report, detail, out);
    out += "}\n";
    return report.verdict;
}

int outcome_rank(std::optional<Verdict> verdict) {
    const auto* found =
        std::find(k_outcomes_by_urgency.begin(), k_outcomes_by_urgency.end(), verdict);
    return static_cast<int>(found - k_outcomes_by_urgency.begin());
}

std::optional<Verdict> outcome_of_rank(int rank) {
    if (rank < 0 || rank >= static_cast<int>(k_outcomes_by_urgency.size())) {
        return std::nullopt;
    }
    return k_outcomes_by_urgency[static_cast<std::size_t>(rank)];
}

} // namespace contra

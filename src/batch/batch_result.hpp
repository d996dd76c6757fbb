#pragma once

#include "batch/record_profile.hpp"
#include "model/level.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"
#include "output/report_json_writer.hpp"
#include "util/calendar_date.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace contra {

/// Evaluates a record read without error and appends its result line (compact JSON and a
/// newline) to `out`: `record`, `id` when the record has one, then the fields of
/// `contra check --format json`, or with ReportDetail::ids their ids alone (docs/batch.md). A
/// record with diagnostics becomes an error line instead: `record`, `id`, and `errors`, each with
/// its code, field, message and location; so does a record with an answer dated after `today`.
/// Answers are checked as they stand on `today` (engine/shelf_life.hpp). Returns the verdict;
/// none for an error line. `report` is storage reused from record to record (its content is
/// replaced).
std::optional<Verdict> screen_record(const RulePack& pack,
                                     const ReportJsonWriter& writer,
                                     std::size_t number,
                                     const RecordProfile& record,
                                     ReportDetail detail,
                                     CalendarDate today,
                                     Report& report,
                                     std::string& out);

/// How urgent an outcome is, for a batch's exit code, from least to most: proceed,
/// proceed_with_precautions, incomplete (it allows treatment on the answers given but may not
/// stand), an error (nullopt), postpone_and_refer, do_not_massage, emergency. An error never
/// hides a record that must not be treated today (contract, "Exit codes never hide urgency").
int outcome_rank(std::optional<Verdict> verdict);

/// The verdict of an outcome_rank; nullopt for an error's rank, or -1 (no record at all).
std::optional<Verdict> outcome_of_rank(int rank);

} // namespace contra

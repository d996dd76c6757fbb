#include "batch/record_profile.hpp"

#include "input/fhir_response.hpp"
#include "input/profile_reader.hpp"

namespace contra {

namespace {

// A record cut out of the input but too long to read.
bool refuse_too_long(const BatchRecord& record, const std::string& file, RecordProfile& result) {
    if (record.error.empty()) {
        return false;
    }
    result.diagnostics.add(DiagnosticCode::limit_exceeded, {file, record.line, 1}, record.error);
    return true;
}

// The days of a record's answers are located in the record; an error about one (dated after
// today) must name its line in the whole input, as the reader's errors do.
void shift_date_lines(std::optional<Profile>& profile, std::int64_t lines) {
    if (!profile) {
        return;
    }
    if (profile->answered_on && profile->answered_on->where.line > 0) {
        profile->answered_on->where.line += lines;
    }
    for (auto& [fact, date] : profile->answer_dates) {
        if (date.where.line > 0) {
            date.where.line += lines;
        }
    }
}

} // namespace

RecordProfile
read_fhir_record(const RulePack& pack, const BatchRecord& record, const std::string& file) {
    RecordProfile result;
    if (refuse_too_long(record, file, result)) {
        return result;
    }
    ProfileResult read = read_fhir_response(pack, record.text, file, &result.id);
    result.profile = std::move(read.profile);
    result.diagnostics = std::move(read.diagnostics);
    result.diagnostics.shift_lines(record.line - 1);
    shift_date_lines(result.profile, record.line - 1);
    return result;
}

RecordProfile read_text_record(const RulePack& pack,
                               const BatchRecord& record,
                               const std::string& file,
                               ProfileSyntax syntax) {
    RecordProfile result;
    if (refuse_too_long(record, file, result)) {
        return result;
    }
    // Read in place: the record's buffer goes back to the reading thread for the next record.
    ProfileResult read = read_profile_text(pack, record.text, file, &result.id, syntax);
    result.profile = std::move(read.profile);
    result.diagnostics = std::move(read.diagnostics);
    result.diagnostics.shift_lines(record.line - 1);
    shift_date_lines(result.profile, record.line - 1);
    return result;
}

} // namespace contra

#include "contra/record_profile.hpp"

namespace contra {

RecordProfile read_text_record(const RulePack& pack, BatchRecord& record, const std::string& file) {
    RecordProfile result;
    if (!record.error.empty()) {
        result.diagnostics.add(DiagnosticCode::limit_exceeded, {file, record.line, 1}, record.error);
        return result;
    }
    ProfileResult read = read_profile_text(pack, std::move(record.text), file, &result.id);
    result.profile = std::move(read.profile);
    result.diagnostics = std::move(read.diagnostics);
    result.diagnostics.shift_lines(record.line - 1);
    return result;
}

} // namespace contra

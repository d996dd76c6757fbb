#pragma once

#include "batch/batch_record.hpp"
#include "input/profile_reader.hpp"
#include "model/profile.hpp"
#include "util/diagnostic.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace contra {

/// One batch record read: the profile (none when there is any diagnostic), the diagnostics
/// located in the whole input, and the record's `id` when it has one.
struct RecordProfile {
    std::optional<Profile> profile;
    Diagnostics diagnostics;
    std::optional<std::string> id;
    /// A CSV record's columns echoed under `meta` (the column map's `meta:`): header, cell.
    std::vector<std::pair<std::string, std::string>> meta;
};

/// A FHIR QuestionnaireResponse on one NDJSON line; its resource `id` is the record's.
RecordProfile
read_fhir_record(const RulePack& pack, const BatchRecord& record, const std::string& file);

/// Reads an NDJSON line (`syntax` json) or a YAML document of `file` as a profile that may carry
/// an `id`.
RecordProfile read_text_record(const RulePack& pack,
                               const BatchRecord& record,
                               const std::string& file,
                               ProfileSyntax syntax);

} // namespace contra

#pragma once

#include "cli/exit_codes.hpp"
#include "input/profile_reader.hpp"
#include "model/rule_pack.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace contra::cli {

/// Reads the profile at `path` (`-`: standard input, from `in`), as a profile mapping or, with
/// `fhir`, a FHIR QuestionnaireResponse. On failure the reasons go to `err` and the error's exit
/// code is returned (66 unreadable, 65 bad data): no verdict may follow. With `record_id`, a key
/// `id` (the record's identifier, as in a batch) is accepted and its text goes there.
OrError<Profile> read_profile_file(const RulePack& pack,
                                   const std::string& path,
                                   bool fhir,
                                   std::istream& in,
                                   std::ostream& err,
                                   std::optional<std::string>* record_id = nullptr);

} // namespace contra::cli

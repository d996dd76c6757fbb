#pragma once

#include "input/profile_reader.hpp"
#include "model/rule_pack.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace contra::cli {

/// Reads the profile at `path` (`-`: standard input, from `in`), as a profile mapping or, with
/// `fhir`, a FHIR QuestionnaireResponse. On failure the reasons go to `err`, `exit_code` is set
/// (66 unreadable, 65 bad data) and nullopt is returned: no verdict may follow.
std::optional<Profile> read_profile_file(const RulePack& pack,
                                         const std::string& path,
                                         bool fhir,
                                         std::istream& in,
                                         std::ostream& err,
                                         int& exit_code);

} // namespace contra::cli

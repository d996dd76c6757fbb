#pragma once

#include "cli/exit_codes.hpp"
#include "input/profile_reader.hpp"
#include "model/rule_pack.hpp"

#include <iosfwd>
#include <string>

namespace contra::cli {

/// Reads the profile at `path` (`-`: standard input, from `in`), as a profile mapping or, with
/// `fhir`, a FHIR QuestionnaireResponse. On failure the reasons go to `err` and the error's exit
/// code is returned (66 unreadable, 65 bad data): no verdict may follow.
OrError<Profile> read_profile_file(
    const RulePack& pack, const std::string& path, bool fhir, std::istream& in, std::ostream& err);

} // namespace contra::cli

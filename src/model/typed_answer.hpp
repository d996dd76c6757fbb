#pragma once

#include "model/body_sites.hpp"
#include "model/fact.hpp"
#include "model/fact_value.hpp"

#include <string>

namespace contra {

/// Parses an answer typed at an interview prompt for `fact`, where a single key may stand for a
/// word: `y`/`n` for yes/no, `n` for `none` (a site list, a number that allows it, a choice that
/// has it), a choice by its number (1 is the first) or by a prefix of its name. Anything else
/// is read as parse_answer reads it, with its error.
ParsedAnswer parse_typed_answer(const BodySites& sites, const Fact& fact, const std::string& typed);

} // namespace contra

#pragma once

#include "input/profile_reader.hpp"
#include "model/rule_pack.hpp"

#include <optional>
#include <string>

namespace contra {

/// Reads a FHIR R4 QuestionnaireResponse (JSON) to the pack's Questionnaire as a profile
/// (docs/fhir.md). Its `questionnaire` must name this pack's Questionnaire and version, and its
/// `status` be completed or amended; in-progress and stopped are read with a warning and give
/// an unfinished profile (never clearer than incomplete); entered-in-error is refused. Each
/// item's linkId is a fact id; its answer is a valueBoolean, a valueCoding's code (one answer per
/// site for a site list; a single code `none` for no site), a valueDecimal, a valueInteger or a
/// valueString. A `<fact>.none` item answered true answers a number `none`; a `screening.<id>`
/// item answered false answers each member of that screening question no. An item that is
/// absent or has no answer is unknown; nested items (groups) are read too. Unknown linkIds, two
/// items for one linkId, contradicting answers and values outside a fact's type are located
/// errors. The resource's `id` goes to `record_id` when it is given.
ProfileResult read_fhir_response(const RulePack& pack,
                                 std::string text,
                                 std::string file_name,
                                 std::optional<std::string>* record_id = nullptr);

} // namespace contra

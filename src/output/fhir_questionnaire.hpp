#pragma once

#include "model/rule_pack.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace contra {

/// The pack's intake as a FHIR R4 Questionnaire (docs/fhir.md): one item per fact, linkId = fact
/// id, the question as text; yes/no facts are `boolean`, numbers `decimal` with their unit and
/// bounds (minValue, maxValue) and, where none is allowed, a boolean `<fact>.none` "None / never"
/// beside them; enums `choice` with their values as answer options, site lists `choice` that
/// repeats, with every site id (leaves and groups) and `none`. Codes use the system
/// `urn:contra:<pack>:<fact>`. Required questions are `required`; each question shows only while
/// it applies (enable_when_of); a screening question is a boolean `screening.<id>` whose members
/// follow in a group shown when it is answered yes; a follow-up comes after the question it
/// follows. The url is `urn:contra:<pack>`, with the pack's version as `version`.
nlohmann::ordered_json questionnaire_to_fhir(const RulePack& pack);

/// The same questions as a printable form in Markdown, with what each answer can be.
void render_questions_markdown(const RulePack& pack, std::ostream& out);

} // namespace contra

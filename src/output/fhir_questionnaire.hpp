#pragma once

#include "model/rule_pack.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace contra {

/// The pack's intake as a FHIR R4 Questionnaire: one item per fact, linkId = fact id, the
/// question as text; yes/no facts are `boolean`, numbers `decimal`, enums `choice` with their
/// values as answer options, site lists `choice` that repeats, with every site id (leaves and
/// groups) and `none`. Codes use the system `urn:contra:<pack>:<fact>`.
nlohmann::ordered_json questionnaire_to_fhir(const RulePack& pack);

/// The same questions as a printable form in Markdown, with what each answer can be.
void render_questions_markdown(const RulePack& pack, std::ostream& out);

} // namespace contra

#pragma once

#include "model/rule_pack.hpp"

#include <ostream>

namespace contra {

/// The pack as one Markdown document for a clinical reviewer to sign off: per rule its level,
/// clearability, condition in words, sites, action, sources with their types, grade, the kinds
/// of evidence it rests on and any deviation; then every source with what it supports and the
/// rules that cite it. `contra rules --format markdown`; docs/evidence.md is its output.
void render_evidence_markdown(const RulePack& pack, std::ostream& out);

/// The kinds of evidence a rule rests on, strongest first ("guideline, textbook"), or
/// "practitioner articles only"; "free-text citations" in a pack without a sources section.
std::string evidence_basis(const RulePack& pack, const Rule& rule);

} // namespace contra

#pragma once

// When the pack's FHIR Questionnaire shows a question (docs/fhir.md, "What is shown when").

#include "model/rule_pack.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace contra {

/// The code system of a fact's answer options: `urn:contra:<pack>:<fact>`.
std::string answer_code_system(const RulePack& pack, const Fact& fact);

/// The enableWhen entries of `fact`'s item, all of which must hold (empty: always shown). The
/// item is shown while its situation is true or not yet known, as `required_when` reads it:
/// `required_when` (each part of an `all`, through predicates; a yes/no or enum test, or sites
/// of a site-list fact), the question a declared follow-up follows (shown unless that is
/// answered with its "no"), and for a number that allows none its "None / never" item (shown
/// unless that is ticked). A part that enableWhen cannot say is left out: the item is then shown
/// more often, never less.
nlohmann::ordered_json enable_when_of(const RulePack& pack, std::uint32_t fact);

/// The question `fact` follows, when its item is placed right after that one's: the question of
/// its follow-up declaration, else the first fact its `required_when` tests. Nullopt for a
/// screening question's member, or when there is none.
std::optional<std::uint32_t> anchor_of(const RulePack& pack, std::uint32_t fact);

} // namespace contra

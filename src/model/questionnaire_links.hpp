#pragma once

// How the pack's FHIR Questionnaire names its items and itself (docs/fhir.md), shared by the
// Questionnaire that output writes and the QuestionnaireResponse that input reads. Pack ids are
// letters, digits and underscores, so a linkId with a dot is never a fact.

#include "model/rule_pack.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace contra {

/// The boolean item "None / never" beside a number question that allows none.
inline constexpr std::string_view k_none_link_suffix = ".none";
/// The boolean item that puts a screening question ("any of these?").
inline constexpr std::string_view k_screening_link_prefix = "screening.";
/// The group that holds a screening question's members, shown when it is answered yes.
inline constexpr std::string_view k_screening_members_suffix = ".members";

inline std::string none_link_id(const Fact& fact) {
    return fact.id + std::string(k_none_link_suffix);
}

inline std::string screening_link_id(const ScreeningGroup& group) {
    return std::string(k_screening_link_prefix) + group.id;
}

/// The Questionnaire's canonical url (without its version): `urn:contra:<pack name>`.
inline std::string questionnaire_url(const PackInfo& info) {
    return fmt::format("urn:contra:{}", info.name);
}

} // namespace contra

#pragma once

// A small pack, written inline, that exercises every feature of the engine.

#include "input/profile_reader.hpp"
#include "pack/pack_loader.hpp"
#include "yaml/yaml_reader.hpp"

#include <gtest/gtest.h>

#include <string>

namespace contra::testing {

inline const std::string k_manifest = R"(pack:
  name: test-pack
  version: 1.2.3
  files: [pack-body.yaml]
)";

inline const std::string k_test_pack = R"(sites:
  - {id: face}
  - {id: abdomen}
  - {id: thigh_left, level: 0}
  - {id: calf_left, level: 2}
  - {id: ankle_left, level: 3}
  - {id: foot_left, level: 4}
  - {id: thigh_right, level: 0}
  - {id: calf_right, level: 2}
  - {id: ankle_right, level: 3}
  - {id: foot_right, level: 4}
groups:
  - {id: leg_left, limb: true, contains: [thigh_left, calf_left, ankle_left, foot_left]}
  - {id: leg_right, limb: true, contains: [thigh_right, calf_right, ankle_right, foot_right]}
  - {id: legs, contains: [leg_left, leg_right]}
facts:
  - {id: modality, type: enum, values: [leg_massage, facial], question: "Which treatment?"}
  - {id: treatment_area, type: site_list, question: "Which areas?"}
  - {id: medical_clearance, type: yes_no, question: "Cleared by a doctor?", unknown: optional}
  - {id: breathless, type: yes_no, question: "Suddenly breathless?"}
  - {id: leg_warmth, type: yes_no, question: "One warm leg?"}
  - {id: leg_sign_sites, type: site_list, question: "Where?", unknown: {assume: [legs], note: both legs}}
  - {id: swelling, type: enum, values: [none, one_leg, both_legs], question: "Swollen?"}
  - id: swelling_onset
    type: enum
    values: [new, longstanding]
    question: "New?"
    unknown: {required_when: {fact: swelling, ne: none}}
  - {id: varicose_sites, type: site_list, question: "Varicose veins where?"}
  - {id: twisted, type: yes_no, question: "Twisted or bulging?", unknown: {assume: "yes"}}
  - {id: age_years, type: number, unit: years, min: 16, max: 110, question: "Age?", unknown: {assume: 61, note: over 60}}
  - {id: weeks_since_surgery, type: number, unit: weeks, min: 0, max: 520, allow_none: true, question: "Surgery?"}
  - {id: bruise_sites, type: site_list, question: "Bruises?", unknown: optional}
  - {id: heart_condition, type: yes_no, question: "Heart condition?"}
treatment:
  modality_fact: modality
  area_fact: treatment_area
  clearance_fact: medical_clearance
modalities:
  - {id: leg_massage, title: Leg massage, default_area: [legs]}
  - {id: facial, title: Facial, default_area: [face]}
predicates:
  - id: leg_work
    title: The area includes a leg
    when: {has_sites: {in_area: {sites: [legs]}}}
  - id: dvt_sign
    title: A clot sign
    when:
      any:
        - {fact: leg_warmth, eq: "yes"}
        - all: [{fact: swelling, eq: one_leg}, {fact: swelling_onset, ne: longstanding}]
rules:
  - id: E1
    name: breathless
    title: Sudden breathlessness
    level: emergency
    when: {fact: breathless, eq: "yes"}
    action: Call emergency services.
    rationale: Possible pulmonary embolism.
    sources: [seed 003]
  - id: D1
    name: clot_sign
    title: Possible clot
    level: do_not_massage
    when: {predicate: dvt_sign}
    avoid: {whole_limb_of: {fact: leg_sign_sites}, otherwise: {sites: [legs]}}
    action: Do not massage.
    action_notes:
      - when: {fact: weeks_since_surgery, lte: 12}
        text: Recent surgery makes it likelier.
    rationale: A clot can move.
    sources: [seed 003]
  - id: P1
    name: recent_surgery
    title: Recent surgery
    level: postpone_and_refer
    clearable: true
    when:
      all: [{predicate: leg_work}, {fact: weeks_since_surgery, lte: 12}]
    action: Get the surgeon's agreement.
    rationale: Clot risk.
    sources: [NICE NG158]
  - id: P2
    name: heart
    title: Heart condition
    level: postpone_and_refer
    when: {fact: heart_condition, eq: "yes"}
    action: See the heart team.
    rationale: Fluid load.
    sources: [Vodder]
  - id: C1
    name: twisted_varicose
    title: Twisted varicose veins
    level: proceed_with_precautions
    when:
      all:
        - {has_sites: {in_area: {fact: varicose_sites}}}
        - {fact: twisted, eq: "yes"}
    avoid: {with_distal: {in_area: {fact: varicose_sites}}}
    action: Avoid them and below.
    rationale: Seed 000.
    sources: [seed 000]
  - id: C2
    name: mild_varicose
    title: Mild varicose veins
    level: proceed_with_precautions
    when:
      all:
        - {has_sites: {in_area: {fact: varicose_sites}}}
        - {fact: twisted, eq: "no"}
    no_pressure: {in_area: {fact: varicose_sites}}
    action: Light pressure.
    rationale: Werner.
    sources: [Werner]
  - id: C3
    name: older_legs
    title: Over 60 with leg work
    level: proceed_with_precautions
    when:
      all: [{predicate: leg_work}, {fact: age_years, gt: 60}]
    no_pressure: {in_area: {sites: [calf_left, calf_right]}}
    action: Gentle on the calves.
    rationale: Risk factor.
    sources: [NHS]
  - id: C4
    name: bruises
    title: Bruises in the area
    level: proceed_with_precautions
    when: {has_sites: {in_area: {fact: bruise_sites}}}
    avoid: {in_area: {fact: bruise_sites}}
    action: Do not work on bruises.
    rationale: NYSED.
    sources: [NYSED]
)";

inline PackLoadResult load_test_pack_text(const std::string& body) {
    return load_pack(
        PackSource{"pack.yaml", k_manifest}, {PackSource{"pack-body.yaml", body}}, "test/");
}

/// The test pack, loaded; fails the test if it does not load.
inline const RulePack& test_pack() {
    static const RulePack pack = [] {
        PackLoadResult result = load_test_pack_text(k_test_pack);
        if (!result.pack) {
            ADD_FAILURE() << result.diagnostics.format();
            return RulePack{};
        }
        return *result.pack;
    }();
    return pack;
}

/// A profile of the test pack from inline YAML; fails the test on diagnostics.
inline Profile profile_of(const std::string& yaml) {
    ProfileResult result = read_profile(test_pack(), yaml, "profile.yaml");
    if (!result.profile) {
        ADD_FAILURE() << result.diagnostics.format();
        return empty_profile(test_pack());
    }
    return *result.profile;
}

/// Every answer of the test pack given, all harmless: the verdict is proceed.
inline const std::string k_healthy = R"(modality: leg_massage
breathless: no
leg_warmth: no
leg_sign_sites: []
swelling: none
varicose_sites: []
twisted: no
age_years: 40
weeks_since_surgery: none
heart_condition: no
)";

/// The healthy profile with `changes` (YAML) applied over it.
inline Profile healthy_with(const std::string& changes) {
    Profile profile = profile_of(k_healthy);
    if (changes.empty()) {
        return profile;
    }
    Diagnostics out;
    const YamlDocument doc = YamlDocument::parse(changes, "changes.yaml", out);
    if (!doc.ok() || !apply_profile_node(test_pack(), doc, doc.root(), profile, out)) {
        ADD_FAILURE() << out.format();
    }
    return profile;
}

/// The test pack with one piece of text replaced; the replaced text must exist.
inline std::string test_pack_with(const std::string& from, const std::string& to) {
    std::string text = k_test_pack;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) {
        text.replace(at, from.size(), to);
    }
    return text;
}

/// The test pack with several pieces of text replaced, each (from, to) in turn.
inline std::string
test_pack_with_all(const std::vector<std::pair<std::string, std::string>>& replacements) {
    std::string text = k_test_pack;
    for (const auto& [from, to] : replacements) {
        const auto at = text.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        if (at != std::string::npos) {
            text.replace(at, from.size(), to);
        }
    }
    return text;
}

/// The bundled pack (rules/), loaded once; fails the test if it does not load.
inline const RulePack& bundled_pack() {
    static const RulePack pack = [] {
        PackLoadResult result = load_pack_from_directory(CONTRA_RULES_DIR);
        EXPECT_TRUE(result.pack) << result.diagnostics.format();
        return result.pack ? std::move(*result.pack) : RulePack{};
    }();
    return pack;
}

} // namespace contra::testing

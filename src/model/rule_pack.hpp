#pragma once

#include "model/body_sites.hpp"
#include "model/condition.hpp"
#include "model/evidence.hpp"
#include "model/fact.hpp"
#include "model/level.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// The manifest of a pack and the hash that identifies its exact content.
struct PackInfo {
    std::string name;
    std::string version;
    std::string title;
    std::vector<std::string> authors;
    std::string reviewed;
    std::vector<std::string> do_not_cite; ///< domains a source's URL must not be on (lint)
    std::string sha256;
    friend bool operator==(const PackInfo&, const PackInfo&) = default;
};

struct Modality {
    std::string id;
    std::string title;
    SiteSet default_area;
    friend bool operator==(const Modality&, const Modality&) = default;
};

struct Predicate {
    std::string id;
    std::string title;
    std::uint32_t condition = 0;
    friend bool operator==(const Predicate&, const Predicate&) = default;
};

struct ActionNote {
    std::uint32_t condition = 0;
    std::string text;
    friend bool operator==(const ActionNote&, const ActionNote&) = default;
};

/// One question that screens several yes/no facts at once in the interview ("Today, do you have
/// any of these: ..."): `no` answers each member no, `yes` asks each in turn.
struct ScreeningGroup {
    std::string id;
    std::string question;
    std::vector<std::uint32_t> facts; ///< the member facts, in the order they are asked
    friend bool operator==(const ScreeningGroup&, const ScreeningGroup&) = default;
};

/// Interview order declared in the pack: `facts` are asked only after `after` (rules/README.md,
/// "Interview"), on top of the order derived from the conditions.
struct FollowUps {
    std::uint32_t after = 0;
    std::vector<std::uint32_t> facts;
    friend bool operator==(const FollowUps&, const FollowUps&) = default;
};

/// Index + 1 of an optional arena node; 0 means "none".
using OptionalIndex = std::uint32_t;

struct Rule {
    std::string id;
    std::string name;
    std::string title;
    Level level = Level::proceed_with_precautions;
    bool clearable = false;
    std::uint32_t condition = 0;
    OptionalIndex avoid = 0;
    OptionalIndex no_pressure = 0;
    std::string action;
    std::vector<ActionNote> action_notes;
    std::string rationale;
    std::vector<std::string> sources; ///< each citation as text (the source's citation)
    std::vector<Citation> citations;  ///< the pack's sources cited; empty in a free-text pack
    std::string grade;
    std::string deviation;
    friend bool operator==(const Rule&, const Rule&) = default;
};

/// A loaded, validated rule pack: plain data, no YAML. Conditions and site expressions are
/// stored in flat arenas that rules, predicates and facts index into.
struct RulePack {
    PackInfo info;
    BodySites sites;
    std::vector<Fact> facts;
    std::uint32_t modality_fact = 0;
    std::uint32_t area_fact = 0;
    std::optional<std::uint32_t> clearance_fact;
    std::vector<Modality> modalities; ///< in the order of the modality fact's values
    std::vector<Predicate> predicates;
    std::vector<Rule> rules;
    std::vector<EvidenceSource> evidence; ///< the `sources` section; empty: free-text citations
    std::vector<Condition> conditions;
    std::vector<SiteExpr> site_exprs;
    std::vector<std::uint32_t> children; ///< child indexes of all/any nodes and site unions
    ArenaReads reads; ///< derived from the arenas when the pack is built or decoded (arena_reads)
    std::vector<ScreeningGroup> screening; ///< interview screening questions (may be empty)
    std::vector<FollowUps> follow_ups;     ///< declared interview order (may be empty)

    [[nodiscard]] std::optional<std::uint32_t> find_fact(std::string_view id) const;
    [[nodiscard]] const Rule* find_rule(std::string_view id) const;
    [[nodiscard]] std::vector<std::string> fact_ids() const;

    friend bool operator==(const RulePack&, const RulePack&) = default;
};

} // namespace contra

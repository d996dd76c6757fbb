#pragma once

#include "model/level.hpp"
#include "model/site_set.hpp"
#include "model/value.hpp"
#include "util/calendar_date.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace contra {

/// A rule that fired. Indexes refer to the RulePack the report was made from.
struct Finding {
    std::uint32_t rule = 0;
    Level level = Level::proceed; ///< after the medical-clearance adjustment
    bool cleared = false;         ///< lowered by medical clearance
    SiteSet avoid;
    SiteSet no_pressure;
    std::vector<std::string> notes; ///< action notes whose condition held
    /// The facts whose assumed (not answered) value the finding needs: without those
    /// assumptions it would not fire, or would cover fewer sites. Empty when it rests on answers.
    std::vector<std::uint32_t> assumed_facts;
    friend bool operator==(const Finding&, const Finding&) = default;
};

/// A rule whose condition is unknown and whose firing would change the outcome.
struct CouldFire {
    std::uint32_t rule = 0;
    Level level = Level::proceed;
    std::vector<std::uint32_t> needs; ///< unanswered facts that would settle it
    friend bool operator==(const CouldFire&, const CouldFire&) = default;
};

/// An unanswered question that could change the outcome, and the level it could reach.
struct Unanswered {
    std::uint32_t fact = 0;
    Level could_raise_to = Level::proceed;
    friend bool operator==(const Unanswered&, const Unanswered&) = default;
};

/// A value used in place of an unanswered question.
struct Assumption {
    std::uint32_t fact = 0;
    Value value;
    bool is_default_area = false; ///< the modality's default treatment area
    friend bool operator==(const Assumption&, const Assumption&) = default;
};

/// An answer too old to hold today (the fact's valid_for): it was treated as unanswered.
struct ExpiredAnswer {
    std::uint32_t fact = 0;
    CalendarDate answered_on;
    friend bool operator==(const ExpiredAnswer&, const ExpiredAnswer&) = default;
};

/// A number that counts time (the fact's `ages`), advanced by the time since it was given.
struct AgedAnswer {
    std::uint32_t fact = 0;
    CalendarDate answered_on;
    double given = 0;
    double used = 0;
    friend bool operator==(const AgedAnswer&, const AgedAnswer&) = default;
};

/// The outcome of checking one profile against one pack.
struct Report {
    Verdict verdict = Verdict::proceed;
    Level established = Level::proceed; ///< the level the answers given already reach
    SiteSet avoid;
    SiteSet no_pressure;                ///< never overlaps `avoid`
    std::vector<Finding> findings;      ///< most severe first, then in pack order
    std::vector<CouldFire> could_fire;  ///< most severe first, then in pack order
    std::vector<Unanswered> unanswered; ///< highest reach first, then in vocabulary order
    std::vector<Assumption> assumed;    ///< in vocabulary order
    /// True when the answers alone, every assumption left unanswered, give another verdict.
    bool verdict_rests_on_assumptions = false;
    /// With verdict_rests_on_assumptions: the assumed questions to confirm, in vocabulary order.
    std::vector<std::uint32_t> to_confirm;
    std::vector<ExpiredAnswer> expired; ///< in vocabulary order
    std::vector<AgedAnswer> aged;       ///< in vocabulary order
    friend bool operator==(const Report&, const Report&) = default;
};

} // namespace contra

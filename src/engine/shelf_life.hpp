#pragma once

// The answers of a dated profile as they stand on a given day (rules/README.md, "Shelf life"):
// an answer older than its fact's valid_for is dropped, a number that ages is advanced.

#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"
#include "util/calendar_date.hpp"
#include "util/diagnostic.hpp"

#include <optional>
#include <vector>

namespace contra {

/// A profile's answers on one day, and what was done to get them.
struct CurrentAnswers {
    Profile profile; ///< expired answers unknown, aged numbers advanced; dates as given
    std::vector<ExpiredAnswer> expired;
    std::vector<AgedAnswer> aged;
};

/// True when an answer given on `answered_on` no longer holds on `today` (an aged number never
/// expires: pass its value).
bool has_expired(const Fact& fact,
                 const Value& answer,
                 CalendarDate answered_on,
                 CalendarDate today);

/// The answers of `profile` as they stand on `today`; undated answers are today's.
CurrentAnswers answers_on(const RulePack& pack, const Profile& profile, CalendarDate today);

/// The first answer of `profile` dated after `today`, as a located error (bad profile data);
/// nullopt when there is none.
std::optional<Diagnostic>
answer_dated_after(const RulePack& pack, const Profile& profile, CalendarDate today);

/// The facts whose answer was given to another question than the pack asks now (the saved
/// question_digest differs: its wording, values or range changed), in vocabulary order.
std::vector<std::uint32_t> changed_questions(const RulePack& pack, const Profile& profile);

/// evaluate() of the answers as they stand on `today`, the expired and aged answers listed in
/// the report; `current` (if not null) receives those answers.
Report
evaluate_on(const RulePack& pack, const Profile& profile, CalendarDate today, Profile* current);

/// The same, into `report` (its content replaced, its storage reused: the batch's path). An
/// undated profile is evaluated as it stands, without a copy of its answers.
void evaluate_on(const RulePack& pack, const Profile& profile, CalendarDate today, Report& report);

} // namespace contra

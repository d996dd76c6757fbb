#pragma once

// The answers an interview starts from and saves, with their dates: a second visit keeps the
// answers that still hold (with the day they were given), asks again those that expired or
// whose question changed, and saves each answer's date and the pack that asked it.

#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"
#include "util/calendar_date.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <iosfwd>
#include <map>
#include <vector>

namespace contra::cli {

/// A starting profile sorted on the day of the interview.
struct KeptAnswers {
    Profile current; ///< what the interview starts from: only answers that hold today
    std::vector<ExpiredAnswer> expired;
    std::vector<AgedAnswer> aged;
    std::vector<std::uint32_t> changed;          ///< answers to a question that has changed since
    std::map<std::uint32_t, CalendarDate> dates; ///< the kept answers' days (aged ones: today)
};

/// Sorts the answers of `dated` on `today`.
KeptAnswers keep_valid_answers(const RulePack& pack, const Profile& dated, CalendarDate today);

/// Says how many answers were kept and from when, and what is asked again and why.
void announce_kept(const RulePack& pack,
                   const KeptAnswers& kept,
                   CalendarDate today,
                   std::ostream& out);

/// `answers` (the interview's) with the day each was given: a kept answer unchanged keeps its
/// day, any other is today's.
Profile dated_answers(const KeptAnswers& kept, const Profile& answers, CalendarDate today);

/// The saved profile: `answered_on` (today), the pack, the answers, the days of answers given
/// on other days (`answer_dates`) and each answered question's digest (`question_digests`).
nlohmann::ordered_json
saved_profile_json(const RulePack& pack, const Profile& dated, bool unfinished, CalendarDate today);

/// The interview's final report with what the start left: the expired answers still
/// unanswered, and the aged numbers.
void add_kept_to_report(const KeptAnswers& kept, const Profile& answers, Report& report);

} // namespace contra::cli

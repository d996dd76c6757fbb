#pragma once

#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace contra {

/// The answers given, as a JSON object of fact id to answer in vocabulary order; unanswered
/// questions are left out. The same answers always give the same bytes, whether they came from
/// a file, options or both, so its SHA-256 identifies a profile without holding it.
nlohmann::ordered_json answers_to_json(const RulePack& pack, const Profile& profile);

/// The day each answer of `profile` was given (undated: `today`), fact id to YYYY-MM-DD in
/// vocabulary order.
nlohmann::ordered_json
answer_dates_to_json(const RulePack& pack, const Profile& profile, CalendarDate today);

/// One line of the audit log (docs/audit-log.md), without the newline: time, pack, verdict,
/// the fired rules, the profile's SHA-256, the day checked on, the first and last day the
/// answers were given and how many had expired, and only when `include_profile` the answers
/// themselves and each one's day. `utc_time` is ISO
/// 8601, e.g. 2026-11-22T13:08:00Z.
std::string audit_record(const RulePack& pack,
                         const Profile& profile,
                         const Report& report,
                         std::string_view utc_time,
                         CalendarDate today,
                         bool include_profile);

} // namespace contra

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

/// One line of the audit log (docs/audit-log.md), without the newline: time, pack, verdict,
/// the fired rules and the profile's SHA-256, and the answers themselves only when
/// `include_profile`. `utc_time` is ISO 8601, e.g. 2026-11-22T13:08:00Z.
std::string audit_record(const RulePack& pack,
                         const Profile& profile,
                         const Report& report,
                         std::string_view utc_time,
                         bool include_profile);

} // namespace contra

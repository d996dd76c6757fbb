#include "output/audit_record.hpp"

#include "output/answer_json.hpp"
#include "output/render_json.hpp"
#include "util/sha256.hpp"

#include <algorithm>

namespace contra {

using nlohmann::ordered_json;

ordered_json answers_to_json(const RulePack& pack, const Profile& profile) {
    ordered_json answers = ordered_json::object();
    for (std::size_t i = 0; i < pack.facts.size(); ++i) {
        if (!profile.answers[i].is_unknown()) {
            answers[pack.facts[i].id] = value_to_json(pack, pack.facts[i], profile.answers[i]);
        }
    }
    return answers;
}

ordered_json
answer_dates_to_json(const RulePack& pack, const Profile& profile, CalendarDate today) {
    ordered_json dates = ordered_json::object();
    for (std::uint32_t i = 0; i < pack.facts.size(); ++i) {
        if (!profile.answers[i].is_unknown()) {
            dates[pack.facts[i].id] = to_string(profile.date_of(i).value_or(today));
        }
    }
    return dates;
}

std::string audit_record(const RulePack& pack,
                         const Profile& profile,
                         const Report& report,
                         std::string_view utc_time,
                         CalendarDate today,
                         bool include_profile) {
    ordered_json fired = ordered_json::array();
    for (const Finding& finding : report.findings) {
        fired.push_back(pack.rules[finding.rule].id);
    }
    const ordered_json answers = answers_to_json(pack, profile);
    ordered_json record{{"time", utc_time},
                        {"pack",
                         ordered_json{{"name", pack.info.name},
                                      {"version", pack.info.version},
                                      {"sha256", pack.info.sha256}}},
                        {"verdict", to_string(report.verdict)},
                        {"fired", std::move(fired)},
                        {"profile_sha256", sha256_hex(to_compact_json(answers))},
                        {"today", to_string(today)}};
    // The days alone, not which questions were answered when: that is part of the profile.
    const ordered_json dates = answer_dates_to_json(pack, profile, today);
    std::vector<std::string> days;
    for (const auto& [fact, day] : dates.items()) {
        days.push_back(day.get<std::string>());
    }
    const auto [first, last] = std::minmax_element(days.begin(), days.end());
    record["answered"] =
        days.empty() ? ordered_json(nullptr) : ordered_json{{"from", *first}, {"to", *last}};
    record["expired"] = report.expired.size();
    if (include_profile) {
        record["profile"] = answers;
        record["answer_dates"] = dates;
    }
    return to_compact_json(record);
}

} // namespace contra

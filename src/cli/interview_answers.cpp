#include "cli/interview_answers.hpp"

#include "engine/shelf_life.hpp"
#include "model/fact_value.hpp"
#include "output/audit_record.hpp"
#include "output/render_json.hpp"

#include <fmt/ostream.h>

#include <algorithm>

namespace contra::cli {

using nlohmann::ordered_json;

KeptAnswers keep_valid_answers(const RulePack& pack, const Profile& dated, CalendarDate today) {
    CurrentAnswers current = answers_on(pack, dated, today);
    KeptAnswers kept{std::move(current.profile),
                     std::move(current.expired),
                     std::move(current.aged),
                     changed_questions(pack, dated),
                     {}};
    for (const std::uint32_t fact : kept.changed) {
        kept.current.answers[fact] = Value{};
    }
    for (std::uint32_t i = 0; i < pack.facts.size(); ++i) {
        if (!kept.current.answers[i].is_unknown()) {
            kept.dates[i] = dated.date_of(i).value_or(today);
        }
    }
    for (const AgedAnswer& aged : kept.aged) {
        kept.dates[aged.fact] = today; // saved as the number it is today
    }
    return kept;
}

void announce_kept(const RulePack& pack,
                   const KeptAnswers& kept,
                   CalendarDate today,
                   std::ostream& out) {
    const std::size_t again = kept.expired.size() + kept.changed.size();
    if (kept.dates.empty() && again == 0) {
        return;
    }
    std::vector<CalendarDate> days;
    for (const auto& [fact, day] : kept.dates) {
        days.push_back(day);
    }
    std::string when = "today";
    if (!days.empty()) {
        const auto [first, last] = std::minmax_element(days.begin(), days.end());
        when = *first == *last ? (*first == today ? "today" : "on " + to_string(*first))
                               : fmt::format("from {} to {}", to_string(*first), to_string(*last));
    }
    fmt::print(out,
               "Kept {} answer{} still valid today, given {}.\n",
               kept.dates.size(),
               kept.dates.size() == 1 ? "" : "s",
               when);
    if (!kept.expired.empty()) {
        fmt::print(out,
                   "{} answer{} expired (given {}): asked again.\n",
                   kept.expired.size(),
                   kept.expired.size() == 1 ? " has" : "s have",
                   to_string(kept.expired.front().answered_on));
    }
    if (!kept.changed.empty()) {
        fmt::print(out,
                   "{} question{} changed since {} answered: asked again.\n",
                   kept.changed.size(),
                   kept.changed.size() == 1 ? " has" : "s have",
                   kept.changed.size() == 1 ? "it was" : "they were");
    }
    for (const AgedAnswer& aged : kept.aged) {
        const Fact& fact = pack.facts[aged.fact];
        fmt::print(out,
                   "{}: {} given on {} is {} today.\n",
                   fact.id,
                   format_number(aged.given),
                   to_string(aged.answered_on),
                   format_number(aged.used));
    }
}

Profile dated_answers(const KeptAnswers& kept, const Profile& answers, CalendarDate today) {
    Profile dated = answers;
    dated.answered_on = AnswerDate{today, {}};
    dated.answer_dates.clear();
    for (const auto& [fact, day] : kept.dates) {
        if (day != today && answers.answers[fact] == kept.current.answers[fact]) {
            dated.answer_dates[fact] = AnswerDate{day, {}};
        }
    }
    return dated;
}

ordered_json saved_profile_json(const RulePack& pack,
                                const Profile& dated,
                                bool unfinished,
                                CalendarDate today) {
    ordered_json json;
    if (unfinished) {
        json[std::string(k_unfinished_key)] = "unfinished";
    }
    json[std::string(k_answered_on_key)] = to_string(today);
    json[std::string(k_asked_with_pack_key)] = ordered_json{
        {"name", pack.info.name}, {"version", pack.info.version}, {"sha256", pack.info.sha256}};
    json.update(answers_to_json(pack, dated));
    ordered_json days = ordered_json::object();
    ordered_json digests = ordered_json::object();
    for (std::uint32_t i = 0; i < pack.facts.size(); ++i) {
        if (dated.answers[i].is_unknown()) {
            continue;
        }
        if (const auto day = dated.date_of(i); day && *day != today) {
            days[pack.facts[i].id] = to_string(*day);
        }
        digests[pack.facts[i].id] = question_digest(pack.facts[i]);
    }
    if (!days.empty()) {
        json[std::string(k_answer_dates_key)] = std::move(days);
    }
    json[std::string(k_question_digests_key)] = std::move(digests);
    return json;
}

void add_kept_to_report(const KeptAnswers& kept, const Profile& answers, Report& report) {
    for (const ExpiredAnswer& expired : kept.expired) {
        if (answers.answers[expired.fact].is_unknown()) {
            report.expired.push_back(expired);
        }
    }
    report.aged = kept.aged;
}

} // namespace contra::cli

#include "engine/shelf_life.hpp"

#include "engine/evaluator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace contra {
namespace {

constexpr double k_days_per_week = 7;

bool is_aged_number(const Fact& fact, const Value& answer) {
    return fact.ages != Ages::none && answer.kind == ValueKind::number;
}

double elapsed(const Fact& fact, CalendarDate answered_on, CalendarDate today) {
    switch (fact.ages) {
    case Ages::weeks:
        return std::floor(days_between(answered_on, today) / k_days_per_week);
    case Ages::years:
        return whole_years_between(answered_on, today);
    case Ages::none:
        break;
    }
    return 0;
}

} // namespace

bool has_expired(const Fact& fact,
                 const Value& answer,
                 CalendarDate answered_on,
                 CalendarDate today) {
    if (answer.is_unknown() || is_aged_number(fact, answer)) {
        return false;
    }
    const int age = days_between(answered_on, today);
    switch (fact.valid_for) {
    case ValidFor::visit:
        return age > 0;
    case ValidFor::days:
        return age >= static_cast<int>(fact.valid_days);
    case ValidFor::always:
    case ValidFor::unset:
        break;
    }
    return false;
}

CurrentAnswers answers_on(const RulePack& pack, const Profile& profile, CalendarDate today) {
    CurrentAnswers current{profile, {}, {}};
    for (std::uint32_t i = 0; i < pack.facts.size(); ++i) {
        const Fact& fact = pack.facts[i];
        Value& answer = current.profile.answers[i];
        const auto answered_on = profile.date_of(i);
        if (!answered_on || answer.is_unknown()) {
            continue;
        }
        if (has_expired(fact, answer, *answered_on, today)) {
            answer = Value{};
            current.expired.push_back({i, *answered_on});
        } else if (is_aged_number(fact, answer)) {
            const double used =
                std::min(fact.max, answer.number + elapsed(fact, *answered_on, today));
            if (used != answer.number) {
                current.aged.push_back({i, *answered_on, answer.number, used});
                answer.number = used;
            }
        }
    }
    return current;
}

std::optional<Diagnostic>
answer_dated_after(const RulePack& pack, const Profile& profile, CalendarDate today) {
    const auto future = [&](const AnswerDate& date, std::string field) {
        return Diagnostic{DiagnosticCode::bad_value,
                          Severity::error,
                          date.where,
                          fmt::format("the answers are dated {}, after today ({}); an answer "
                                      "cannot be given in the future",
                                      to_string(date.date),
                                      to_string(today)),
                          {},
                          std::move(field)};
    };
    if (profile.answered_on && profile.answered_on->date > today) {
        return future(*profile.answered_on, std::string(k_answered_on_key));
    }
    for (const auto& [fact, date] : profile.answer_dates) {
        if (date.date > today) {
            Diagnostic error = future(date, pack.facts[fact].id);
            error.message = fmt::format("'{}' is dated {}, after today ({}); an answer cannot "
                                        "be given in the future",
                                        pack.facts[fact].id,
                                        to_string(date.date),
                                        to_string(today));
            return error;
        }
    }
    return std::nullopt;
}

std::vector<std::uint32_t> changed_questions(const RulePack& pack, const Profile& profile) {
    std::vector<std::uint32_t> changed;
    for (const auto& [fact, digest] : profile.question_digests) {
        if (!profile.answers[fact].is_unknown() && digest != question_digest(pack.facts[fact])) {
            changed.push_back(fact);
        }
    }
    return changed;
}

Report
evaluate_on(const RulePack& pack, const Profile& profile, CalendarDate today, Profile* current) {
    CurrentAnswers answers = answers_on(pack, profile, today);
    Report report = evaluate(pack, answers.profile);
    report.expired = std::move(answers.expired);
    report.aged = std::move(answers.aged);
    if (current != nullptr) {
        *current = std::move(answers.profile);
    }
    return report;
}

void evaluate_on(const RulePack& pack, const Profile& profile, CalendarDate today, Report& report) {
    if (!profile.answered_on && profile.answer_dates.empty()) {
        evaluate(pack, profile, report);
        report.expired.clear();
        report.aged.clear();
        return;
    }
    CurrentAnswers answers = answers_on(pack, profile, today);
    evaluate(pack, answers.profile, report);
    report.expired = std::move(answers.expired);
    report.aged = std::move(answers.aged);
}

} // namespace contra

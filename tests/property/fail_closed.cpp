#include "fail_closed.hpp"

#include "engine/evaluation.hpp"
#include "engine/evaluator.hpp"
#include "output/answer_json.hpp"
#include "output/render_json.hpp"
#include "profile_generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace contra::testing {
namespace {

constexpr std::size_t k_completions_per_profile = 20;
constexpr std::size_t k_max_reported = 5;

int severity(Verdict verdict) {
    switch (verdict) {
    case Verdict::proceed:
        return 0;
    case Verdict::proceed_with_precautions:
        return 1;
    case Verdict::postpone_and_refer:
        return 2;
    case Verdict::do_not_massage:
        return 3;
    case Verdict::emergency:
        return 4;
    case Verdict::incomplete:
        break;
    }
    return -1;
}

std::string describe(const RulePack& pack, const Profile& profile) {
    std::string text;
    for (std::size_t i = 0; i < pack.facts.size(); ++i) {
        if (!profile.answers[i].is_unknown()) {
            text += fmt::format("\n  {}: {}",
                                pack.facts[i].id,
                                value_to_json(pack, pack.facts[i], profile.answers[i]).dump());
        }
    }
    return text;
}

void report(std::vector<std::string>& into, std::string line) {
    if (into.size() < k_max_reported) {
        into.push_back(std::move(line));
    }
}

// The unanswered questions the pack requires: not those with a declared default, nor a
// follow-up whose condition the answers already rule out or whose assumption applies
// (rules/REFERENCE.md's conditional tiers): those the unknown policies leave unknown.
std::vector<std::size_t> open_questions(const RulePack& pack, const Profile& profile) {
    const detail::Evaluation evaluation(pack, profile);
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < pack.facts.size(); ++i) {
        if (evaluation.values()[i].is_unknown() && i != pack.area_fact) {
            open.push_back(i);
        }
    }
    return open;
}

// The answers worth trying alone: each choice, the ends of a number's range, no sites, all
// sites and three single leaves.
std::vector<Value> answers_to_try(const RulePack& pack, const Fact& fact, std::mt19937& random) {
    std::vector<Value> answers;
    switch (fact.type) {
    case FactType::yes_no:
    case FactType::enumeration:
        for (std::size_t choice = 0; choice < fact.values.size(); ++choice) {
            answers.push_back(Value::of_choice(static_cast<std::uint8_t>(choice)));
        }
        break;
    case FactType::number:
        answers = {Value::of_number(fact.min), Value::of_number(fact.max)};
        if (fact.allow_none) {
            answers.push_back(Value::of_none());
        }
        break;
    case FactType::site_list:
        std::uniform_int_distribution<std::size_t> leaf(0, pack.sites.leaves().size() - 1);
        answers.push_back(Value::of_sites({}));
        answers.push_back(Value::of_sites(pack.sites.all()));
        for (int i = 0; i < 3; ++i) {
            answers.push_back(Value::of_sites(SiteSet::of(leaf(random))));
        }
        break;
    }
    return answers;
}

// A blank site list widens the sites to avoid or touch lightly to all it could name, and that
// can settle a verdict. An answer that narrows them lets other questions about sites matter
// again: then `incomplete` coming back is right, and the one exception to the property.
bool narrows_widened_sites(const Report& before, const Report& after) {
    const SiteSet was = before.avoid | before.no_pressure;
    const SiteSet now = after.avoid | after.no_pressure;
    return now.is_subset_of(was) && now != was;
}

bool is_clear(Verdict verdict) {
    return verdict == Verdict::proceed || verdict == Verdict::proceed_with_precautions;
}

// Leaves questions of a clear profile unanswered, in random order, as long as the verdict stays
// the same: the questions the engine judges unable to change it, which the property then tests.
Profile unanswer_while_unchanged(const RulePack& pack, Profile profile, std::mt19937& random) {
    const Verdict verdict = evaluate(pack, profile).verdict;
    std::vector<std::size_t> order(pack.facts.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    for (const std::size_t fact : order) {
        if (has_declared_default(pack, fact) || profile.answers[fact].is_unknown()) {
            continue;
        }
        Value answer = profile.answers[fact];
        profile.answers[fact] = Value{};
        if (evaluate(pack, profile).verdict != verdict) {
            profile.answers[fact] = answer;
        }
    }
    return profile;
}

std::string rule_id(const RulePack& pack, const Finding& finding) {
    return pack.rules[finding.rule].id;
}

bool fires(const Report& report, std::uint32_t rule) {
    return std::any_of(report.findings.begin(), report.findings.end(), [&](const Finding& finding) {
        return finding.rule == rule;
    });
}

// Clearance covers what was told: every question left open without it is still listed with it,
// and could still raise the verdict at least as far.
void check_clearance_keeps_questions(const RulePack& pack,
                                     const Profile& profile,
                                     const Report& before,
                                     FailClosedSummary& summary) {
    if (!pack.clearance_fact || profile.answers[*pack.clearance_fact] == Value::of_choice(k_yes)) {
        return;
    }
    ++summary.profiles_given_clearance;
    Profile cleared = profile;
    cleared.answers[*pack.clearance_fact] = Value::of_choice(k_yes);
    const Report after = evaluate(pack, cleared);
    for (const Unanswered& open : before.unanswered) {
        const auto kept = std::find_if(
            after.unanswered.begin(), after.unanswered.end(), [&](const Unanswered& item) {
                return item.fact == open.fact && item.could_raise_to >= open.could_raise_to;
            });
        if (kept == after.unanswered.end()) {
            report(summary.clearance_hid,
                   fmt::format("clearance hid '{}' (could raise it to {}): {}",
                               pack.facts[open.fact].id,
                               to_string(open.could_raise_to),
                               describe(pack, cleared)));
        }
    }
}

// Each assumption a finding does not list can be answered any way without removing it.
void check_assumed_facts(const RulePack& pack,
                         const Profile& profile,
                         const Report& before,
                         std::mt19937& random,
                         FailClosedSummary& summary) {
    for (const Assumption& assumption : before.assumed) {
        if (assumption.is_default_area) {
            continue;
        }
        const Fact& fact = pack.facts[assumption.fact];
        for (const Value& answer : answers_to_try(pack, fact, random)) {
            Profile answered = profile;
            answered.answers[assumption.fact] = answer;
            ++summary.assumptions_answered;
            const Report after = evaluate(pack, answered);
            for (const Finding& finding : before.findings) {
                const bool listed = std::find(finding.assumed_facts.begin(),
                                              finding.assumed_facts.end(),
                                              assumption.fact) != finding.assumed_facts.end();
                if (!listed && !fires(after, finding.rule)) {
                    report(summary.assumed_facts_wrong,
                           fmt::format("{} needs the assumed '{}' but does not list it: {}",
                                       rule_id(pack, finding),
                                       fact.id,
                                       describe(pack, answered)));
                }
            }
        }
    }
}

} // namespace

FailClosedSummary
check_fail_closed(const RulePack& pack, std::uint32_t seed, std::size_t profiles) {
    ProfileGenerator generator(pack, seed);
    FailClosedSummary summary;
    for (std::size_t n = 0; n < profiles; ++n) {
        // Odd rounds: a random share unknown. Even rounds: as many unknown as leave a clear
        // verdict standing, the hardest case for the engine's claim that they cannot matter.
        Profile profile = generator.partial_profile(n % 2 == 1 ? 0.6 : 0.0);
        if (n % 2 == 0 && is_clear(evaluate(pack, profile).verdict)) {
            profile = unanswer_while_unchanged(pack, profile, generator.random());
        }
        const Report before = evaluate(pack, profile);
        const Verdict verdict = before.verdict;
        const std::vector<std::size_t> open = open_questions(pack, profile);
        const bool clear = is_clear(verdict);
        const auto check_more_severe = [&](const Profile& answered) {
            ++summary.completions_checked;
            const Verdict after = evaluate(pack, answered).verdict;
            if (severity(after) > severity(verdict)) {
                report(summary.violations,
                       fmt::format("{} became {} when its open questions were "
                                   "answered.\nanswered:{}\nbefore:{}",
                                   to_string(verdict),
                                   to_string(after),
                                   describe(pack, answered),
                                   describe(pack, profile)));
            }
        };
        if (clear && !open.empty()) {
            ++summary.clear_profiles_with_open_questions;
            for (std::size_t c = 0; c < k_completions_per_profile; ++c) {
                Profile answered = profile;
                for (const std::size_t fact : open) {
                    answered.answers[fact] = generator.any_answer(pack.facts[fact]);
                }
                check_more_severe(answered);
            }
        }
        if (verdict != Verdict::incomplete) {
            for (const std::size_t fact : open) {
                for (const Value& answer :
                     answers_to_try(pack, pack.facts[fact], generator.random())) {
                    Profile answered = profile;
                    answered.answers[fact] = answer;
                    ++summary.single_answers_checked;
                    if (clear) {
                        check_more_severe(answered);
                    }
                    const Report after = evaluate(pack, answered);
                    if (after.verdict == Verdict::incomplete &&
                        !narrows_widened_sites(before, after)) {
                        report(summary.incomplete_returned,
                               fmt::format("{} became incomplete when {} was answered: {}",
                                           to_string(verdict),
                                           pack.facts[fact].id,
                                           describe(pack, answered)));
                    }
                }
            }
        }
        check_clearance_keeps_questions(pack, profile, before, summary);
        check_assumed_facts(pack, profile, before, generator.random(), summary);
        if ((verdict == Verdict::do_not_massage || verdict == Verdict::emergency) &&
            pack.clearance_fact) {
            ++summary.severe_profiles_cleared;
            Profile cleared = profile;
            cleared.answers[*pack.clearance_fact] = Value::of_choice(k_yes);
            const Verdict after = evaluate(pack, cleared).verdict;
            if (after != verdict) {
                report(summary.clearance_lowered,
                       fmt::format("{} became {} with clearance: {}",
                                   to_string(verdict),
                                   to_string(after),
                                   describe(pack, cleared)));
            }
        }
    }
    return summary;
}

} // namespace contra::testing

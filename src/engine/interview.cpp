#include "engine/interview.hpp"

#include "engine/evaluation.hpp"
#include "engine/evaluator.hpp"
#include "engine/interview_order.hpp"
#include "model/fact_value.hpp"

#include <algorithm>

namespace contra {
namespace {

std::optional<Level> higher(std::optional<Level> a, Level b) {
    return a ? std::max(*a, b) : b;
}

std::vector<const Finding*> by_rule(const RulePack& pack, const Report& report) {
    std::vector<const Finding*> found(pack.rules.size(), nullptr);
    for (const Finding& finding : report.findings) {
        found[finding.rule] = &finding;
    }
    return found;
}

bool same_finding(const Finding* a, const Finding* b) {
    if (a == nullptr || b == nullptr) {
        return a == b;
    }
    return a->level == b->level && a->avoid == b->avoid && a->no_pressure == b->no_pressure;
}

// How `trial` differs from `now`: nullopt when the verdict, the sites and the findings are the
// same; otherwise the most serious level among the findings that differ. Marks those rules in
// `rules` when given.
std::optional<Level> difference(const RulePack& pack,
                                const std::vector<const Finding*>& now,
                                const Report& current,
                                const Report& trial,
                                std::vector<bool>* rules) {
    std::optional<Level> level;
    const std::vector<const Finding*> then = by_rule(pack, trial);
    for (std::uint32_t rule = 0; rule < pack.rules.size(); ++rule) {
        if (same_finding(now[rule], then[rule])) {
            continue;
        }
        for (const Finding* finding : {now[rule], then[rule]}) {
            if (finding != nullptr) {
                level = higher(level, finding->level);
            }
        }
        if (rules != nullptr) {
            (*rules)[rule] = true;
        }
    }
    if (!level && (current.verdict != trial.verdict || current.avoid != trial.avoid ||
                   current.no_pressure != trial.no_pressure)) {
        level = std::max({current.established, trial.established, Level::proceed_with_precautions});
    }
    return level;
}

} // namespace

Interview::Interview(const RulePack& pack, Profile start)
    : m_pack(pack), m_profile(std::move(start)), m_skipped(pack.facts.size(), false),
      m_gates(question_gates(pack)), m_candidates(candidate_answers(pack)),
      m_group_of(pack.facts.size()) {
    for (std::uint32_t group = 0; group < pack.screening.size(); ++group) {
        for (const std::uint32_t fact : pack.screening[group].facts) {
            m_group_of[fact] = group;
        }
    }
    m_report = evaluate(m_pack, m_profile);
    m_next = choose();
}

// Still to be asked: unanswered (or only assumed), not skipped, and not the treatment area
// while the modality's default area stands in for it.
bool Interview::open(std::uint32_t fact) const {
    if (!m_profile.answers[fact].is_unknown() || m_skipped[fact]) {
        return false;
    }
    const Fact& question = m_pack.facts[fact];
    if (question.unknown == UnknownPolicy::required_when &&
        detail::Evaluation(m_pack, m_profile).condition(question.required_when) == Tri::no) {
        return false; // a follow-up whose situation is ruled out: the pack counts it absent
    }
    if (fact == m_pack.area_fact) {
        return std::none_of(
            m_report.assumed.begin(), m_report.assumed.end(), [](const Assumption& assumption) {
                return assumption.is_default_area;
            });
    }
    return true;
}

std::optional<Level> Interview::reach_of(std::uint32_t fact) const {
    if (!open(fact)) {
        return std::nullopt;
    }
    std::optional<Level> reach;
    for (const Unanswered& unanswered : m_report.unanswered) {
        if (unanswered.fact == fact) {
            reach = unanswered.could_raise_to;
        }
    }
    const std::vector<const Finding*> now = by_rule(m_pack, m_report);
    Profile trial = m_profile;
    for (const Value& candidate : m_candidates[fact]) {
        trial.answers[fact] = candidate;
        if (auto level = difference(m_pack, now, m_report, evaluate(m_pack, trial), nullptr)) {
            reach = higher(reach, *level);
        }
    }
    return reach;
}

std::vector<std::uint32_t> Interview::rules_at_stake(std::uint32_t fact) const {
    std::vector<bool> rules(m_pack.rules.size(), false);
    const std::vector<const Finding*> now = by_rule(m_pack, m_report);
    Profile trial = m_profile;
    for (const Value& candidate : m_candidates[fact]) {
        trial.answers[fact] = candidate;
        (void)difference(m_pack, now, m_report, evaluate(m_pack, trial), &rules);
    }
    for (const CouldFire& could_fire : m_report.could_fire) {
        if (std::find(could_fire.needs.begin(), could_fire.needs.end(), fact) !=
            could_fire.needs.end()) {
            rules[could_fire.rule] = true;
        }
    }
    std::vector<std::uint32_t> result;
    for (std::uint32_t rule = 0; rule < rules.size(); ++rule) {
        if (rules[rule]) {
            result.push_back(rule);
        }
    }
    std::stable_sort(result.begin(), result.end(), [&](std::uint32_t a, std::uint32_t b) {
        return m_pack.rules[a].level > m_pack.rules[b].level;
    });
    return result;
}

std::vector<std::uint32_t> Interview::open_members(std::uint32_t group) const {
    std::vector<std::uint32_t> members;
    for (const std::uint32_t fact : m_pack.screening[group].facts) {
        if (m_profile.answers[fact].is_unknown() && !m_skipped[fact]) {
            members.push_back(fact);
        }
    }
    return members;
}

std::optional<InterviewQuestion> Interview::choose() const {
    if (m_report.verdict == Verdict::emergency) {
        return std::nullopt; // nothing more to ask: call for help now
    }
    for (const std::uint32_t fact : m_queue) {
        if (m_profile.answers[fact].is_unknown() && !m_skipped[fact]) {
            return InterviewQuestion{false, fact, m_queue_reach};
        }
    }
    const std::size_t count = m_pack.facts.size();
    std::vector<std::optional<Level>> reach(count);
    for (std::uint32_t fact = 0; fact < count; ++fact) {
        reach[fact] = reach_of(fact);
    }
    // A question waits for its gates that are still to be asked, and lends them its reach so
    // that the gate comes as early as the question would have.
    std::vector<std::optional<Level>> effective = reach;
    std::vector<bool> waiting(count, false);
    for (int pass = 0; pass < 3; ++pass) {
        for (std::uint32_t fact = 0; fact < count; ++fact) {
            if (!effective[fact]) {
                continue;
            }
            for (const std::uint32_t gate : m_gates[fact]) {
                if (open(gate) && gate != fact) {
                    waiting[fact] = true;
                    effective[gate] = higher(effective[gate], *effective[fact]);
                }
            }
        }
    }
    std::optional<std::uint32_t> best;
    for (const bool respect_gates : {true, false}) { // a cycle of gates must not stall it
        for (std::uint32_t fact = 0; fact < count; ++fact) {
            if (effective[fact] && !(respect_gates && waiting[fact]) &&
                (!best || *effective[fact] > *effective[*best])) {
                best = fact;
            }
        }
        if (best) {
            break;
        }
    }
    if (!best) {
        return std::nullopt;
    }
    if (const auto group = m_group_of[*best]; group && open_members(*group).size() >= 2) {
        return InterviewQuestion{true, *group, *effective[*best]};
    }
    return InterviewQuestion{false, *best, *effective[*best]};
}

void Interview::change(Step& step,
                       std::uint32_t fact,
                       const std::optional<Value>& value,
                       bool skip) {
    step.changes.push_back({fact, m_profile.answers[fact], m_skipped[fact]});
    if (value) {
        m_profile.answers[fact] = *value;
    }
    if (skip) {
        m_skipped[fact] = true;
    }
}

void Interview::commit(Step step) {
    m_steps.push_back(std::move(step));
    m_report = evaluate(m_pack, m_profile);
    m_next = choose();
}

void Interview::answer(std::uint32_t fact, const Value& value) {
    Step step{{}, m_queue, m_queue_reach};
    change(step, fact, value, false);
    commit(std::move(step));
}

void Interview::skip(std::uint32_t fact) {
    Step step{{}, m_queue, m_queue_reach};
    change(step, fact, std::nullopt, true);
    commit(std::move(step));
}

void Interview::screen_no(std::uint32_t group) {
    Step step{{}, m_queue, m_queue_reach};
    for (const std::uint32_t fact : open_members(group)) {
        const std::optional<Value> no = no_answer(m_pack.facts[fact]);
        change(step, fact, no, !no); // an optional fact without a `no`: not measured
    }
    commit(std::move(step));
}

void Interview::screen_yes(std::uint32_t group) {
    Step step{{}, m_queue, m_queue_reach};
    m_queue = open_members(group);
    m_queue_reach = m_next ? m_next->reach : Level::proceed;
    commit(std::move(step));
}

void Interview::screen_skip(std::uint32_t group) {
    Step step{{}, m_queue, m_queue_reach};
    for (const std::uint32_t fact : open_members(group)) {
        change(step, fact, std::nullopt, true);
    }
    commit(std::move(step));
}

bool Interview::back() {
    if (m_steps.empty()) {
        return false;
    }
    Step step = std::move(m_steps.back());
    m_steps.pop_back();
    for (auto change = step.changes.rbegin(); change != step.changes.rend(); ++change) {
        m_profile.answers[change->fact] = change->previous;
        m_skipped[change->fact] = change->was_skipped;
    }
    m_queue = std::move(step.queue);
    m_queue_reach = step.queue_reach;
    m_report = evaluate(m_pack, m_profile);
    m_next = choose();
    return true;
}

} // namespace contra

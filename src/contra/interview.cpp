#include "contra/interview.hpp"

#include "contra/evaluator.hpp"

namespace contra {

Interview::Interview(const RulePack& pack, Profile start)
    : m_pack(pack), m_profile(std::move(start)), m_skipped(pack.facts.size(), false) {
    evaluate_now();
}

void Interview::evaluate_now() {
    m_report = evaluate(m_pack, m_profile);
}

std::optional<std::uint32_t> Interview::next_question() const {
    if (m_report.verdict == Verdict::emergency) {
        return std::nullopt; // nothing to ask: call for help now
    }
    // `unanswered` lists only questions that can change the outcome, highest reach first.
    for (const Unanswered& unanswered : m_report.unanswered) {
        if (!m_skipped[unanswered.fact]) {
            return unanswered.fact;
        }
    }
    return std::nullopt;
}

Level Interview::reach(std::uint32_t fact) const {
    for (const Unanswered& unanswered : m_report.unanswered) {
        if (unanswered.fact == fact) {
            return unanswered.could_raise_to;
        }
    }
    return Level::proceed;
}

void Interview::answer(std::uint32_t fact, const Value& value) {
    m_steps.push_back({fact, m_profile.answers[fact], false});
    m_profile.answers[fact] = value;
    evaluate_now();
}

void Interview::skip(std::uint32_t fact) {
    m_steps.push_back({fact, m_profile.answers[fact], true});
    m_skipped[fact] = true;
}

bool Interview::back() {
    if (m_steps.empty()) {
        return false;
    }
    const Step step = m_steps.back();
    m_steps.pop_back();
    m_profile.answers[step.fact] = step.previous;
    if (step.skipped) {
        m_skipped[step.fact] = false;
    }
    evaluate_now();
    return true;
}

} // namespace contra

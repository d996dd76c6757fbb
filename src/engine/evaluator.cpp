#include "engine/evaluator.hpp"

#include "engine/evaluation.hpp"

#include <algorithm>
#include <optional>

namespace contra {
namespace {

bool clearance_given(const RulePack& pack, const std::vector<Value>& values) {
    if (!pack.clearance_fact) {
        return false;
    }
    const Value& value = values[*pack.clearance_fact];
    return value.kind == ValueKind::choice && value.choice == k_yes;
}

struct Candidate {
    std::uint32_t rule;
    Level level;
    SiteSet avoid;
    SiteSet no_pressure;
};

/// The same profile evaluated on its answers alone, to tell which findings need an assumption.
class AnswersAlone {
  public:
    AnswersAlone(const RulePack& pack,
                 const Profile& profile,
                 const std::vector<Assumption>& assumptions)
        : m_evaluation(pack, profile, detail::Assumptions::withhold),
          m_assumed(pack.facts.size(), false) {
        for (const Assumption& assumption : assumptions) {
            m_assumed[assumption.fact] = !assumption.is_default_area;
        }
    }

    /// Whether the rule fires without any assumption (medical clearance covers only that).
    bool fires(const Rule& rule) { return m_evaluation.condition(rule.condition) == Tri::yes; }

    /// The assumed facts a fired rule needs: those that, left unanswered, leave its condition
    /// unknown or its sites less certain than `full` makes them.
    std::vector<std::uint32_t> assumed_facts(const Rule& rule, detail::Evaluation& full) {
        std::vector<bool> needs(m_assumed.size(), false);
        if (!fires(rule)) {
            m_evaluation.collect_needs(rule.condition, needs);
        }
        for (const std::uint32_t sites : {rule.avoid, rule.no_pressure}) {
            if (sites != 0 && m_evaluation.sites(sites - 1).lower != full.sites(sites - 1).lower) {
                m_evaluation.collect_site_needs(sites - 1, needs);
            }
        }
        std::vector<std::uint32_t> facts;
        for (std::uint32_t fact = 0; fact < needs.size(); ++fact) {
            if (needs[fact] && m_assumed[fact]) {
                facts.push_back(fact);
            }
        }
        return facts;
    }

    detail::Evaluation& evaluation() { return m_evaluation; }

  private:
    detail::Evaluation m_evaluation;
    std::vector<bool> m_assumed;
};

void add_finding(const Rule& rule,
                 detail::Evaluation& evaluation,
                 Finding finding,
                 Report& report) {
    for (const ActionNote& note : rule.action_notes) {
        if (evaluation.condition(note.condition) == Tri::yes) {
            finding.notes.push_back(note.text);
        }
    }
    report.established = std::max(report.established, finding.level);
    report.avoid |= finding.avoid;
    report.no_pressure |= finding.no_pressure;
    report.findings.push_back(std::move(finding));
}

// A rule that could fire matters when it could raise the level, or, while treatment is still
// possible today, add a site the practitioner has not been told to spare.
void add_open_questions(const RulePack& pack,
                        detail::Evaluation& evaluation,
                        const std::vector<Candidate>& candidates,
                        Report& report) {
    const bool treatable = report.established < Level::postpone_and_refer;
    std::vector<bool> needed(pack.facts.size(), false);
    std::vector<Level> reach(pack.facts.size(), Level::proceed);
    for (const Candidate& candidate : candidates) {
        const bool raises = candidate.level > report.established;
        const bool adds_sites =
            treatable && (!candidate.avoid.is_subset_of(report.avoid) ||
                          !candidate.no_pressure.is_subset_of(report.avoid | report.no_pressure));
        if (!raises && !adds_sites) {
            continue;
        }
        std::vector<bool> needs(pack.facts.size(), false);
        evaluation.collect_needs(pack.rules[candidate.rule].condition, needs);
        CouldFire could_fire{candidate.rule, candidate.level, {}};
        for (std::uint32_t fact = 0; fact < needs.size(); ++fact) {
            if (needs[fact]) {
                could_fire.needs.push_back(fact);
                needed[fact] = true;
                reach[fact] = std::max(reach[fact], candidate.level);
            }
        }
        report.could_fire.push_back(std::move(could_fire));
    }
    std::stable_sort(report.could_fire.begin(),
                     report.could_fire.end(),
                     [](const CouldFire& a, const CouldFire& b) { return a.level > b.level; });
    for (std::uint32_t fact = 0; fact < needed.size(); ++fact) {
        if (needed[fact]) {
            report.unanswered.push_back({fact, reach[fact]});
        }
    }
    std::stable_sort(report.unanswered.begin(),
                     report.unanswered.end(),
                     [](const Unanswered& a, const Unanswered& b) {
                         return a.could_raise_to > b.could_raise_to;
                     });
    const bool settled = !treatable || report.could_fire.empty();
    report.verdict = settled ? to_verdict(report.established) : Verdict::incomplete;
}

/// The report of one evaluation. With `answers_alone` (the profile has assumptions), each
/// finding names the assumptions it needs, and clearance lowers only rules that fire without.
Report assess(const RulePack& pack, detail::Evaluation& evaluation, AnswersAlone* answers_alone) {
    Report report;
    report.assumed = evaluation.assumptions();
    const bool cleared = clearance_given(pack, evaluation.values());
    std::vector<Candidate> candidates;
    for (std::uint32_t i = 0; i < pack.rules.size(); ++i) {
        const Rule& rule = pack.rules[i];
        const Tri fires = evaluation.condition(rule.condition);
        if (fires == Tri::no) {
            continue;
        }
        const SiteSet avoid = rule.avoid != 0 ? evaluation.sites(rule.avoid - 1).upper : SiteSet{};
        const SiteSet no_pressure =
            rule.no_pressure != 0 ? evaluation.sites(rule.no_pressure - 1).upper : SiteSet{};
        if (fires == Tri::unknown) {
            // Clearance covers what was told: a rule that could fire is never lowered.
            candidates.push_back({i, rule.level, avoid, no_pressure});
            continue;
        }
        const bool lowered =
            rule.clearable && cleared && (answers_alone == nullptr || answers_alone->fires(rule));
        const Level level = lowered ? Level::proceed_with_precautions : rule.level;
        Finding finding{i, level, lowered, avoid, no_pressure, {}, {}};
        if (answers_alone != nullptr) {
            finding.assumed_facts = answers_alone->assumed_facts(rule, evaluation);
        }
        add_finding(rule, evaluation, std::move(finding), report);
    }
    report.no_pressure -= report.avoid;
    std::stable_sort(report.findings.begin(),
                     report.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.level > b.level; });
    add_open_questions(pack, evaluation, candidates, report);
    return report;
}

// The assumed questions that decide the verdict: those the findings need, and those that,
// unanswered, keep the verdict on the answers alone open.
std::vector<std::uint32_t> questions_to_confirm(const Report& report, const Report& on_answers) {
    std::vector<std::uint32_t> facts;
    for (const Finding& finding : report.findings) {
        facts.insert(facts.end(), finding.assumed_facts.begin(), finding.assumed_facts.end());
    }
    for (const Unanswered& unanswered : on_answers.unanswered) {
        const bool assumed = std::any_of(
            report.assumed.begin(), report.assumed.end(), [&](const Assumption& assumption) {
                return assumption.fact == unanswered.fact && !assumption.is_default_area;
            });
        if (assumed) {
            facts.push_back(unanswered.fact);
        }
    }
    std::sort(facts.begin(), facts.end());
    facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
    return facts;
}

} // namespace

Report evaluate(const RulePack& pack, const Profile& profile) {
    detail::Evaluation evaluation(pack, profile);
    const std::vector<Assumption>& assumed = evaluation.assumptions();
    if (std::all_of(assumed.begin(), assumed.end(), [](const Assumption& assumption) {
            return assumption.is_default_area;
        })) {
        return assess(pack, evaluation, nullptr);
    }
    AnswersAlone answers_alone(pack, profile, evaluation.assumptions());
    Report report = assess(pack, evaluation, &answers_alone);
    const Report on_answers = assess(pack, answers_alone.evaluation(), nullptr);
    report.verdict_rests_on_assumptions = on_answers.verdict != report.verdict;
    if (report.verdict_rests_on_assumptions) {
        report.to_confirm = questions_to_confirm(report, on_answers);
    }
    return report;
}

} // namespace contra

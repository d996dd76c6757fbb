#include "engine/evaluator.hpp"

#include "engine/evaluation.hpp"

#include <algorithm>
#include <optional>
#include <utility>

namespace contra {
namespace {

bool clearance_given(const RulePack& pack, const std::vector<Value>& values) {
    if (!pack.clearance_fact) {
        return false;
    }
    const Value& value = values[*pack.clearance_fact];
    return value.kind == ValueKind::choice && value.choice == k_yes;
}

// A stable sort, most severe first, for the short lists of a report: in place, without the
// buffer std::stable_sort allocates (a batch sorts millions of them).
template <typename Item, typename LevelOf>
void sort_most_severe_first(std::vector<Item>& items, LevelOf level_of) {
    for (std::size_t i = 1; i < items.size(); ++i) {
        for (std::size_t j = i; j > 0 && level_of(items[j - 1]) < level_of(items[j]); --j) {
            std::swap(items[j - 1], items[j]);
        }
    }
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
          m_assumed(pack.facts.size(), false), m_needs(pack.facts.size()) {
        for (const Assumption& assumption : assumptions) {
            m_assumed[assumption.fact] = !assumption.is_default_area;
        }
    }

    /// Whether the rule fires without any assumption (medical clearance covers only that).
    bool fires(const Rule& rule) { return m_evaluation.condition(rule.condition) == Tri::yes; }

    /// The assumed facts a fired rule needs: those that, left unanswered, leave its condition
    /// unknown or its sites less certain than `full` makes them.
    std::vector<std::uint32_t> assumed_facts(const Rule& rule, detail::Evaluation& full) {
        m_needs.clear();
        if (!fires(rule)) {
            m_evaluation.collect_needs(rule.condition, m_needs);
        }
        for (const std::uint32_t sites : {rule.avoid, rule.no_pressure}) {
            if (sites != 0 && m_evaluation.sites(sites - 1).lower != full.sites(sites - 1).lower) {
                m_evaluation.collect_site_needs(sites - 1, m_needs);
            }
        }
        std::vector<std::uint32_t> facts;
        for (const std::uint32_t fact : m_needs.sorted()) {
            if (m_assumed[fact]) {
                facts.push_back(fact);
            }
        }
        return facts;
    }

    detail::Evaluation& evaluation() { return m_evaluation; }

  private:
    detail::Evaluation m_evaluation;
    std::vector<bool> m_assumed;
    detail::FactMarks m_needs;
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

bool treatable(const Report& report) {
    return report.established < Level::postpone_and_refer;
}

// A rule that could fire matters when it could raise the level, or, while treatment is still
// possible today, add a site the practitioner has not been told to spare.
bool matters(const Candidate& candidate, const Report& report) {
    const bool raises = candidate.level > report.established;
    const bool adds_sites =
        treatable(report) &&
        (!candidate.avoid.is_subset_of(report.avoid) ||
         !candidate.no_pressure.is_subset_of(report.avoid | report.no_pressure));
    return raises || adds_sites;
}

Verdict verdict_of(const Report& report, bool some_rule_that_matters_could_fire) {
    const bool settled = !treatable(report) || !some_rule_that_matters_could_fire;
    return settled ? to_verdict(report.established) : Verdict::incomplete;
}

void add_open_questions(const RulePack& pack,
                        detail::Evaluation& evaluation,
                        const std::vector<Candidate>& candidates,
                        Report& report) {
    detail::FactMarks needed(pack.facts.size());
    detail::FactMarks needs(pack.facts.size());
    std::vector<Level> reach(pack.facts.size(), Level::proceed);
    for (const Candidate& candidate : candidates) {
        if (!matters(candidate, report)) {
            continue;
        }
        needs.clear();
        evaluation.collect_needs(pack.rules[candidate.rule].condition, needs);
        const std::vector<std::uint32_t>& facts = needs.sorted();
        report.could_fire.push_back({candidate.rule, candidate.level, facts});
        for (const std::uint32_t fact : facts) {
            needed.insert(fact);
            reach[fact] = std::max(reach[fact], candidate.level);
        }
    }
    sort_most_severe_first(report.could_fire,
                           [](const CouldFire& could_fire) { return could_fire.level; });
    report.unanswered.reserve(needed.sorted().size());
    for (const std::uint32_t fact : needed.sorted()) {
        report.unanswered.push_back({fact, reach[fact]});
    }
    sort_most_severe_first(report.unanswered,
                           [](const Unanswered& unanswered) { return unanswered.could_raise_to; });
    report.verdict = verdict_of(report, !report.could_fire.empty());
}

/// How much of a report assess() makes.
enum class Parts : std::uint8_t {
    all,
    verdict, ///< the verdict, established level and sites: no notes, no open questions
};

/// The report of one evaluation. With `answers_alone` (the profile has assumptions), each
/// finding names the assumptions it needs, and clearance lowers only rules that fire without.
Report assess(const RulePack& pack,
              detail::Evaluation& evaluation,
              AnswersAlone* answers_alone,
              Parts parts = Parts::all) {
    Report report;
    report.assumed = evaluation.assumptions();
    const bool cleared = clearance_given(pack, evaluation.values());
    std::vector<Candidate> candidates;
    candidates.reserve(pack.rules.size());
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
        if (parts == Parts::verdict) {
            report.established = std::max(report.established, level);
            report.avoid |= avoid;
            report.no_pressure |= no_pressure;
            continue;
        }
        Finding finding{i, level, lowered, avoid, no_pressure, {}, {}};
        if (answers_alone != nullptr) {
            finding.assumed_facts = answers_alone->assumed_facts(rule, evaluation);
        }
        add_finding(rule, evaluation, std::move(finding), report);
    }
    report.no_pressure -= report.avoid;
    sort_most_severe_first(report.findings, [](const Finding& finding) { return finding.level; });
    if (parts == Parts::verdict) {
        report.verdict = verdict_of(
            report, std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
                return matters(c, report);
            }));
        return report;
    }
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
    // Only the verdict on the answers alone is needed, unless it differs: then also the
    // questions it leaves open.
    const Verdict on_answers =
        assess(pack, answers_alone.evaluation(), nullptr, Parts::verdict).verdict;
    report.verdict_rests_on_assumptions = on_answers != report.verdict;
    if (report.verdict_rests_on_assumptions) {
        report.to_confirm =
            questions_to_confirm(report, assess(pack, answers_alone.evaluation(), nullptr));
    }
    return report;
}

void hold_unfinished(const Profile& profile, Report& report) {
    if (profile.unfinished && report.established < Level::postpone_and_refer) {
        report.verdict = Verdict::incomplete;
    }
}

} // namespace contra

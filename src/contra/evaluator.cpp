#include "contra/evaluator.hpp"

#include "contra/evaluation.hpp"

#include <algorithm>

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

} // namespace

Report evaluate(const RulePack& pack, const Profile& profile) {
    detail::Evaluation evaluation(pack, profile);
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
        const bool lowered = rule.clearable && cleared;
        const Level level = lowered ? Level::proceed_with_precautions : rule.level;
        const SiteSet avoid = rule.avoid != 0 ? evaluation.sites(rule.avoid - 1).upper : SiteSet{};
        const SiteSet no_pressure =
            rule.no_pressure != 0 ? evaluation.sites(rule.no_pressure - 1).upper : SiteSet{};
        if (fires == Tri::unknown) {
            candidates.push_back({i, level, avoid, no_pressure});
            continue;
        }
        Finding finding{i, level, lowered, avoid, no_pressure, {}};
        for (const ActionNote& note : rule.action_notes) {
            if (evaluation.condition(note.condition) == Tri::yes) {
                finding.notes.push_back(note.text);
            }
        }
        report.established = std::max(report.established, level);
        report.avoid |= avoid;
        report.no_pressure |= no_pressure;
        report.findings.push_back(std::move(finding));
    }
    report.no_pressure -= report.avoid;
    std::stable_sort(report.findings.begin(),
                     report.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.level > b.level; });

    // A rule that could fire matters when it could raise the level, or, while treatment is still
    // possible today, add a site the practitioner has not been told to spare.
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
    return report;
}

} // namespace contra

#include "engine/evaluator.hpp"

#include "engine/evaluation.hpp"

#include <algorithm>
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

/// What one thread reuses from one evaluation to the next: tables sized by the pack, and the
/// items of earlier reports with the storage they hold (a batch evaluates millions of profiles,
/// and allocating these afresh for each was an eighth of its work).
struct Scratch {
    detail::Evaluation full;
    detail::Evaluation answers_alone;
    std::vector<bool> assumed; ///< per fact: its value is assumed (not the default area)
    detail::FactMarks assumed_needs;
    detail::FactMarks needed;
    detail::FactMarks needs;
    std::vector<Level> reach;
    std::vector<Candidate> candidates;
    Report on_answers;
    std::vector<Finding> spare_findings;
    std::vector<CouldFire> spare_could_fire;
};

Scratch& thread_scratch() {
    thread_local Scratch scratch;
    return scratch;
}

template <typename Item> void set_aside(std::vector<Item>& items, std::vector<Item>& spare) {
    for (Item& item : items) {
        spare.push_back(std::move(item));
    }
    items.clear();
}

/// A new item at the end of `items`, with the storage of a spare one when there is one.
template <typename Item> Item& add_item(std::vector<Item>& items, std::vector<Item>& spare) {
    if (spare.empty()) {
        return items.emplace_back();
    }
    items.push_back(std::move(spare.back()));
    spare.pop_back();
    return items.back();
}

/// Empties a report, keeping the storage of its lists and items for the next one.
void clear_report(Report& report, Scratch& scratch) {
    set_aside(report.findings, scratch.spare_findings);
    set_aside(report.could_fire, scratch.spare_could_fire);
    report.verdict = Verdict::proceed;
    report.established = Level::proceed;
    report.avoid = {};
    report.no_pressure = {};
    report.unanswered.clear();
    report.assumed.clear();
    report.verdict_rests_on_assumptions = false;
    report.to_confirm.clear();
}

/// The same profile evaluated on its answers alone, to tell which findings need an assumption.
class AnswersAlone {
  public:
    AnswersAlone(const RulePack& pack,
                 const Profile& profile,
                 detail::Evaluation& full,
                 Scratch& scratch)
        : m_evaluation(scratch.answers_alone), m_assumed(scratch.assumed),
          m_needs(scratch.assumed_needs) {
        m_evaluation.reset(pack, profile, detail::Assumptions::withhold);
        m_evaluation.share_with(full);
        m_assumed.assign(pack.facts.size(), false);
        for (const Assumption& assumption : full.assumptions()) {
            m_assumed[assumption.fact] = !assumption.is_default_area;
        }
        m_needs.reset(pack.facts.size());
    }

    /// Whether the rule fires without any assumption (medical clearance covers only that).
    bool fires(const Rule& rule) { return m_evaluation.condition(rule.condition) == Tri::yes; }

    /// Sets `facts` to the assumed facts a fired rule needs: those that, left unanswered, leave
    /// its condition unknown or its sites less certain than `full` makes them.
    void
    assumed_facts(const Rule& rule, detail::Evaluation& full, std::vector<std::uint32_t>& facts) {
        m_needs.clear();
        if (!fires(rule)) {
            m_evaluation.collect_needs(rule.condition, m_needs);
        }
        for (const std::uint32_t sites : {rule.avoid, rule.no_pressure}) {
            if (sites != 0 && m_evaluation.sites(sites - 1).lower != full.sites(sites - 1).lower) {
                m_evaluation.collect_site_needs(sites - 1, m_needs);
            }
        }
        facts.clear();
        for (const std::uint32_t fact : m_needs.sorted()) {
            if (m_assumed[fact]) {
                facts.push_back(fact);
            }
        }
    }

    detail::Evaluation& evaluation() { return m_evaluation; }

  private:
    detail::Evaluation& m_evaluation;
    std::vector<bool>& m_assumed;
    detail::FactMarks& m_needs;
};

void add_notes(const Rule& rule, detail::Evaluation& evaluation, Finding& finding) {
    finding.notes.clear();
    for (const ActionNote& note : rule.action_notes) {
        if (evaluation.condition(note.condition) == Tri::yes) {
            finding.notes.push_back(note.text);
        }
    }
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
                        Scratch& scratch,
                        Report& report) {
    detail::FactMarks& needed = scratch.needed;
    detail::FactMarks& needs = scratch.needs;
    std::vector<Level>& reach = scratch.reach;
    needed.reset(pack.facts.size());
    needs.reset(pack.facts.size());
    reach.assign(pack.facts.size(), Level::proceed);
    for (const Candidate& candidate : scratch.candidates) {
        if (!matters(candidate, report)) {
            continue;
        }
        needs.clear();
        evaluation.collect_needs(pack.rules[candidate.rule].condition, needs);
        const std::vector<std::uint32_t>& facts = needs.sorted();
        CouldFire& could_fire = add_item(report.could_fire, scratch.spare_could_fire);
        could_fire.rule = candidate.rule;
        could_fire.level = candidate.level;
        could_fire.needs.assign(facts.begin(), facts.end());
        for (const std::uint32_t fact : facts) {
            needed.insert(fact);
            reach[fact] = std::max(reach[fact], candidate.level);
        }
    }
    sort_most_severe_first(report.could_fire,
                           [](const CouldFire& could_fire) { return could_fire.level; });
    const std::vector<std::uint32_t>& open = needed.sorted();
    report.unanswered.reserve(open.size());
    for (const std::uint32_t fact : open) {
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

/// Adds a rule that fired to the report. With `answers_alone`, the finding names the
/// assumptions it needs, and clearance (`cleared`) lowers it only if it fires without them.
void add_fired(const RulePack& pack,
               std::uint32_t index,
               const Candidate& sites,
               bool cleared,
               detail::Evaluation& evaluation,
               AnswersAlone* answers_alone,
               Scratch& scratch,
               Report& report) {
    const Rule& rule = pack.rules[index];
    const bool lowered =
        rule.clearable && cleared && (answers_alone == nullptr || answers_alone->fires(rule));
    Finding& finding = add_item(report.findings, scratch.spare_findings);
    finding.rule = index;
    finding.level = lowered ? Level::proceed_with_precautions : rule.level;
    finding.cleared = lowered;
    finding.avoid = sites.avoid;
    finding.no_pressure = sites.no_pressure;
    finding.assumed_facts.clear();
    if (answers_alone != nullptr) {
        answers_alone->assumed_facts(rule, evaluation, finding.assumed_facts);
    }
    add_notes(rule, evaluation, finding);
    report.established = std::max(report.established, finding.level);
}

/// Fills `report` (empty) from one evaluation. With `answers_alone` (the profile has
/// assumptions), each finding names the assumptions it needs, and clearance lowers only rules
/// that fire without.
void assess(const RulePack& pack,
            detail::Evaluation& evaluation,
            AnswersAlone* answers_alone,
            Parts parts,
            Scratch& scratch,
            Report& report) {
    if (parts == Parts::all) {
        report.assumed = evaluation.assumptions();
    }
    const bool cleared = clearance_given(pack, evaluation.values());
    std::vector<Candidate>& candidates = scratch.candidates;
    candidates.clear();
    for (std::uint32_t i = 0; i < pack.rules.size(); ++i) {
        const Rule& rule = pack.rules[i];
        const Tri fires = evaluation.condition(rule.condition);
        if (fires == Tri::no) {
            continue;
        }
        const Candidate candidate{
            i,
            rule.level,
            rule.avoid != 0 ? evaluation.sites(rule.avoid - 1).upper : SiteSet{},
            rule.no_pressure != 0 ? evaluation.sites(rule.no_pressure - 1).upper : SiteSet{}};
        if (fires == Tri::unknown) {
            // Clearance covers what was told: a rule that could fire is never lowered.
            candidates.push_back(candidate);
        } else if (parts == Parts::verdict) {
            const bool lowered = rule.clearable && cleared;
            report.established = std::max(report.established,
                                          lowered ? Level::proceed_with_precautions : rule.level);
        } else {
            add_fired(pack, i, candidate, cleared, evaluation, answers_alone, scratch, report);
        }
        if (fires == Tri::yes) {
            report.avoid |= candidate.avoid;
            report.no_pressure |= candidate.no_pressure;
        }
    }
    report.no_pressure -= report.avoid;
    if (parts == Parts::verdict) {
        report.verdict = verdict_of(
            report, std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
                return matters(c, report);
            }));
        return;
    }
    sort_most_severe_first(report.findings, [](const Finding& finding) { return finding.level; });
    add_open_questions(pack, evaluation, scratch, report);
}

// The assumed questions that decide the verdict: those the findings need, and those that,
// unanswered, keep the verdict on the answers alone open.
// `assumed`: per fact, whether its value is assumed (not the default area).
void add_questions_to_confirm(const Report& on_answers,
                              const std::vector<bool>& assumed,
                              Report& report) {
    std::vector<std::uint32_t>& facts = report.to_confirm;
    for (const Finding& finding : report.findings) {
        facts.insert(facts.end(), finding.assumed_facts.begin(), finding.assumed_facts.end());
    }
    for (const Unanswered& unanswered : on_answers.unanswered) {
        if (assumed[unanswered.fact]) {
            facts.push_back(unanswered.fact);
        }
    }
    std::sort(facts.begin(), facts.end());
    facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
}

// Withholding the assumptions only takes information away, and Kleene logic is monotone: each
// rule that could fire with them still could without them, and a rule that fires without them
// fires with them too, at the same level while the answer on clearance is the same. So when a
// rule that could fire would raise the level, the verdict on the answers alone is `incomplete`
// as well, and need not be computed (most partly answered profiles of a batch).
bool open_on_the_answers_alone_too(const RulePack& pack,
                                   const Report& report,
                                   const detail::Evaluation& full,
                                   const detail::Evaluation& answers_alone) {
    if (report.verdict != Verdict::incomplete || !answers_alone.knows_no_more_than_shared()) {
        return false;
    }
    if (pack.clearance_fact &&
        !(full.values()[*pack.clearance_fact] == answers_alone.values()[*pack.clearance_fact])) {
        return false;
    }
    return std::any_of(
        report.could_fire.begin(), report.could_fire.end(), [&](const CouldFire& could_fire) {
            return could_fire.level > report.established;
        });
}

} // namespace

Report evaluate(const RulePack& pack, const Profile& profile) {
    Report report;
    evaluate(pack, profile, report);
    return report;
}

void evaluate(const RulePack& pack, const Profile& profile, Report& report) {
    Scratch& scratch = thread_scratch();
    clear_report(report, scratch);
    detail::Evaluation& evaluation = scratch.full;
    evaluation.reset(pack, profile);
    const std::vector<Assumption>& assumed = evaluation.assumptions();
    if (std::all_of(assumed.begin(), assumed.end(), [](const Assumption& assumption) {
            return assumption.is_default_area;
        })) {
        assess(pack, evaluation, nullptr, Parts::all, scratch, report);
        return;
    }
    AnswersAlone answers_alone(pack, profile, evaluation, scratch);
    assess(pack, evaluation, &answers_alone, Parts::all, scratch, report);
    if (open_on_the_answers_alone_too(pack, report, evaluation, answers_alone.evaluation())) {
        return; // the verdict does not rest on the assumptions
    }
    // Only the verdict on the answers alone is needed, unless it differs: then also the
    // questions it leaves open.
    Report& on_answers = scratch.on_answers;
    clear_report(on_answers, scratch);
    assess(pack, answers_alone.evaluation(), nullptr, Parts::verdict, scratch, on_answers);
    report.verdict_rests_on_assumptions = on_answers.verdict != report.verdict;
    if (report.verdict_rests_on_assumptions) {
        clear_report(on_answers, scratch);
        assess(pack, answers_alone.evaluation(), nullptr, Parts::all, scratch, on_answers);
        add_questions_to_confirm(on_answers, scratch.assumed, report);
    }
}

Verdict detail::verdict_on_the_answers_alone(const RulePack& pack, const Profile& profile) {
    Scratch& scratch = thread_scratch();
    detail::Evaluation evaluation(pack, profile, detail::Assumptions::withhold);
    Report report;
    assess(pack, evaluation, nullptr, Parts::verdict, scratch, report);
    return report.verdict;
}

void hold_unfinished(const Profile& profile, Report& report) {
    if (profile.unfinished && report.established < Level::postpone_and_refer) {
        report.verdict = Verdict::incomplete;
    }
}

} // namespace contra

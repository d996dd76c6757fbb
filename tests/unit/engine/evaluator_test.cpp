#include "engine/evaluation.hpp"
#include "engine/evaluator.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace contra {
namespace {

using testing::test_pack;

std::set<std::string> fired(const Report& report) {
    std::set<std::string> ids;
    for (const Finding& finding : report.findings) {
        ids.insert(test_pack().rules[finding.rule].id);
    }
    return ids;
}

std::set<std::string> unanswered(const Report& report) {
    std::set<std::string> ids;
    for (const Unanswered& item : report.unanswered) {
        ids.insert(test_pack().facts[item.fact].id);
    }
    return ids;
}

std::vector<std::string> leaves(const SiteSet& sites) {
    return test_pack().sites.leaf_ids(sites);
}

Report check(const std::string& changes) {
    return evaluate(test_pack(), testing::healthy_with(changes));
}

TEST(Evaluator, FullyAnsweredHealthyClientMayProceed) {
    const Report report = check("");
    EXPECT_EQ(report.verdict, Verdict::proceed);
    EXPECT_TRUE(report.findings.empty());
    EXPECT_TRUE(report.could_fire.empty());
    EXPECT_TRUE(report.unanswered.empty());
    ASSERT_EQ(report.assumed.size(), 1U); // only the modality's default treatment area
    EXPECT_TRUE(report.assumed[0].is_default_area);
}

TEST(Evaluator, AnUnansweredClotSignQuestionBlocksClearance) {
    const Report report = check("leg_warmth: unknown\n");
    EXPECT_EQ(report.verdict, Verdict::incomplete);
    EXPECT_EQ(report.established, Level::proceed);
    ASSERT_EQ(report.could_fire.size(), 1U);
    EXPECT_EQ(test_pack().rules[report.could_fire[0].rule].id, "D1");
    ASSERT_EQ(report.unanswered.size(), 1U);
    EXPECT_EQ(test_pack().facts[report.unanswered[0].fact].id, "leg_warmth");
    EXPECT_EQ(report.unanswered[0].could_raise_to, Level::do_not_massage);
}

TEST(Evaluator, KleeneOrIsTrueWhenOneSideIsTrueWhateverTheOther) {
    // dvt_sign = warmth OR (one leg swollen AND onset not longstanding)
    const Report report = check("leg_warmth: yes\nswelling: unknown\n");
    EXPECT_EQ(report.verdict, Verdict::do_not_massage);
    EXPECT_EQ(fired(report), (std::set<std::string>{"D1"}));
}

TEST(Evaluator, KleeneAndIsFalseWhenOneSideIsFalseWhateverTheOther) {
    const Report report = check("swelling: none\nswelling_onset: unknown\n");
    EXPECT_EQ(report.verdict, Verdict::proceed);
    EXPECT_TRUE(unanswered(report).empty());
}

TEST(Evaluator, AFollowUpQuestionIsAskedOnlyWhenItCanMatter) {
    EXPECT_TRUE(unanswered(check("swelling: none\n")).empty());
    const Report swollen = check("swelling: one_leg\n");
    EXPECT_EQ(swollen.verdict, Verdict::incomplete);
    EXPECT_EQ(unanswered(swollen), (std::set<std::string>{"swelling_onset"}));
    EXPECT_EQ(check("swelling: one_leg\nswelling_onset: longstanding\n").verdict, Verdict::proceed);
    EXPECT_EQ(check("swelling: one_leg\nswelling_onset: new\n").verdict, Verdict::do_not_massage);
}

TEST(Evaluator, TheMostSevereFiredRuleSetsTheVerdict) {
    const Report report = check("breathless: yes\nleg_warmth: yes\nheart_condition: yes\n");
    EXPECT_EQ(report.verdict, Verdict::emergency);
    ASSERT_EQ(report.findings.size(), 3U);
    EXPECT_EQ(test_pack().rules[report.findings[0].rule].id, "E1");
    EXPECT_EQ(test_pack().rules[report.findings[1].rule].id, "D1");
    EXPECT_EQ(test_pack().rules[report.findings[2].rule].id, "P2");
}

TEST(Evaluator, AVerdictThatRulesOutTreatmentStillListsWhatCouldRaiseIt) {
    const Report report = check("heart_condition: yes\nbreathless: unknown\nleg_warmth: unknown\n");
    EXPECT_EQ(report.verdict, Verdict::postpone_and_refer);
    ASSERT_EQ(report.unanswered.size(), 2U);
    EXPECT_EQ(test_pack().facts[report.unanswered[0].fact].id, "breathless");
    EXPECT_EQ(report.unanswered[0].could_raise_to, Level::emergency);
    EXPECT_EQ(report.unanswered[1].could_raise_to, Level::do_not_massage);
}

std::vector<std::string> assumed_facts(const Finding& finding) {
    std::vector<std::string> ids;
    for (const std::uint32_t fact : finding.assumed_facts) {
        ids.push_back(test_pack().facts[fact].id);
    }
    return ids;
}

TEST(Evaluator, AFindingOnAnAssumedAnswerNamesTheAssumption) {
    const Report report = check("varicose_sites: [calf_left]\ntwisted: unknown\n");
    ASSERT_EQ(report.findings.size(), 1U);
    EXPECT_EQ(test_pack().rules[report.findings[0].rule].id, "C1");
    EXPECT_EQ(assumed_facts(report.findings[0]), std::vector<std::string>{"twisted"});
    // On the answers alone C1 and C2 could fire: another verdict, so it rests on the assumption.
    EXPECT_TRUE(report.verdict_rests_on_assumptions);
    ASSERT_EQ(report.to_confirm.size(), 1U);
    EXPECT_EQ(test_pack().facts[report.to_confirm[0]].id, "twisted");
}

TEST(Evaluator, AFindingOnAnswersAloneNamesNoAssumptionEvenWhenOthersAreMade) {
    const Report report = check("varicose_sites: [calf_left]\ntwisted: yes\nage_years: unknown\n");
    ASSERT_EQ(fired(report), (std::set<std::string>{"C1", "C3"}));
    for (const Finding& finding : report.findings) {
        const std::string id = test_pack().rules[finding.rule].id;
        EXPECT_EQ(assumed_facts(finding),
                  id == "C3" ? std::vector<std::string>{"age_years"} : std::vector<std::string>{})
            << id;
    }
}

TEST(Evaluator, TheModalitysDefaultAreaIsNoFindingsAssumption) {
    const Report report = check("weeks_since_surgery: 6\n");
    ASSERT_EQ(report.findings.size(), 1U);
    EXPECT_TRUE(report.findings[0].assumed_facts.empty());
    EXPECT_FALSE(report.verdict_rests_on_assumptions);
}

TEST(Evaluator, ClearanceNeverLowersARuleThatOnlyCouldFire) {
    const Report report =
        check("heart_condition: no\nweeks_since_surgery: unknown\nmedical_clearance: yes\n");
    EXPECT_EQ(report.verdict, Verdict::incomplete);
    ASSERT_EQ(report.unanswered.size(), 1U);
    EXPECT_EQ(test_pack().facts[report.unanswered[0].fact].id, "weeks_since_surgery");
    EXPECT_EQ(report.unanswered[0].could_raise_to, Level::postpone_and_refer);
}

TEST(Evaluator, MedicalClearanceLowersOnlyClearableRules) {
    const Report not_cleared = check("weeks_since_surgery: 6\n");
    EXPECT_EQ(not_cleared.verdict, Verdict::postpone_and_refer);
    const Report cleared = check("weeks_since_surgery: 6\nmedical_clearance: yes\n");
    EXPECT_EQ(cleared.verdict, Verdict::proceed_with_precautions);
    ASSERT_EQ(cleared.findings.size(), 1U);
    EXPECT_TRUE(cleared.findings[0].cleared);
    EXPECT_EQ(check("heart_condition: yes\nmedical_clearance: yes\n").verdict,
              Verdict::postpone_and_refer);
    EXPECT_EQ(check("leg_warmth: yes\nmedical_clearance: yes\n").verdict, Verdict::do_not_massage);
}

TEST(Evaluator, NumberThresholdsAreInclusiveAndNoneNeverMatches) {
    EXPECT_EQ(check("weeks_since_surgery: 12\n").verdict, Verdict::postpone_and_refer);
    EXPECT_EQ(check("weeks_since_surgery: 13\n").verdict, Verdict::proceed);
    EXPECT_EQ(check("weeks_since_surgery: none\n").verdict, Verdict::proceed);
}

TEST(Evaluator, TwistedVaricoseVeinsAreAvoidedWithEverythingDistal) {
    const Report report = check("varicose_sites: [calf_left]\ntwisted: yes\n");
    EXPECT_EQ(report.verdict, Verdict::proceed_with_precautions);
    EXPECT_EQ(leaves(report.avoid),
              (std::vector<std::string>{"calf_left", "ankle_left", "foot_left"}));
}

TEST(Evaluator, ASiteBothAvoidedAndLightTouchIsOnlyAvoided) {
    const Report report = check("varicose_sites: [calf_left]\ntwisted: yes\nage_years: 70\n");
    EXPECT_EQ(leaves(report.avoid),
              (std::vector<std::string>{"calf_left", "ankle_left", "foot_left"}));
    EXPECT_EQ(leaves(report.no_pressure), (std::vector<std::string>{"calf_right"}));
}

TEST(Evaluator, ALocalRuleIgnoresLesionsOutsideTheTreatmentArea) {
    const Report report = check("modality: facial\nvaricose_sites: [calf_left]\ntwisted: yes\n");
    EXPECT_EQ(report.verdict, Verdict::proceed);
    EXPECT_TRUE(report.avoid.empty());
}

TEST(Evaluator, AnExplicitTreatmentAreaOverridesTheModalityDefault) {
    const Report report =
        check("treatment_area: [leg_right]\nvaricose_sites: [calf_left]\ntwisted: yes\n");
    EXPECT_EQ(report.verdict, Verdict::proceed);
    EXPECT_TRUE(report.assumed.empty());
}

TEST(Evaluator, WithoutModalityOrAreaLocalRulesCouldFireAndTheModalityIsAsked) {
    const Report report = check("modality: unknown\nvaricose_sites: [calf_left]\ntwisted: yes\n");
    EXPECT_EQ(report.verdict, Verdict::incomplete);
    EXPECT_EQ(unanswered(report), (std::set<std::string>{"modality"}));
}

TEST(Evaluator, AssumptionsAreConservativeAndReported) {
    const Report report = check("twisted: unknown\nvaricose_sites: [calf_right]\n");
    EXPECT_EQ(fired(report), (std::set<std::string>{"C1"}));
    const bool twisted_assumed =
        std::any_of(report.assumed.begin(), report.assumed.end(), [](const Assumption& a) {
            return test_pack().facts[a.fact].id == "twisted";
        });
    EXPECT_TRUE(twisted_assumed);
    EXPECT_EQ(fired(check("age_years: unknown\n")), (std::set<std::string>{"C3"}));
}

TEST(Evaluator, AnOptionalQuestionLeftBlankNeverBlocks) {
    const Report report = check("bruise_sites: unknown\n");
    EXPECT_EQ(report.verdict, Verdict::proceed);
}

TEST(Evaluator, AnUnansweredQuestionThatCouldAddASiteToAvoidKeepsTheVerdictIncomplete) {
    // C3 already gives precautions; C1 could fire at the same level but would add sites to avoid.
    const Report report = check("age_years: 70\nvaricose_sites: unknown\n");
    EXPECT_EQ(report.established, Level::proceed_with_precautions);
    EXPECT_EQ(report.verdict, Verdict::incomplete);
    EXPECT_EQ(unanswered(report), (std::set<std::string>{"varicose_sites"}));
}

TEST(Evaluator, AClotSignAvoidsTheWholeAffectedLegOrBothWhenTheSideIsUnknown) {
    EXPECT_EQ(leaves(check("leg_warmth: yes\nleg_sign_sites: [calf_right]\n").avoid),
              (std::vector<std::string>{"thigh_right", "calf_right", "ankle_right", "foot_right"}));
    EXPECT_EQ(check("leg_warmth: yes\nleg_sign_sites: unknown\n").avoid.size(), 8U);
    EXPECT_EQ(check("leg_warmth: yes\nleg_sign_sites: []\n").avoid.size(), 8U);
}

TEST(Evaluator, ActionNotesAreAddedWhenTheirConditionHolds) {
    const Report recent = check("leg_warmth: yes\nweeks_since_surgery: 4\n");
    const auto clot =
        std::find_if(recent.findings.begin(), recent.findings.end(), [](const Finding& f) {
            return test_pack().rules[f.rule].id == "D1";
        });
    ASSERT_NE(clot, recent.findings.end());
    EXPECT_EQ(clot->notes, (std::vector<std::string>{"Recent surgery makes it likelier."}));
    EXPECT_TRUE(check("leg_warmth: yes\n").findings[0].notes.empty());
}

TEST(Evaluator, AnsweringAnOpenQuestionNeverMakesIncompleteComeBack) {
    const Report before = check("varicose_sites: [calf_left]\ntwisted: no\n");
    ASSERT_EQ(before.verdict, Verdict::proceed_with_precautions);
    for (const char* answer : {"bruise_sites: []\n", "bruise_sites: [thigh_left]\n"}) {
        // Precautions still, never incomplete again.
        EXPECT_EQ(check(std::string("varicose_sites: [calf_left]\ntwisted: no\n") + answer).verdict,
                  Verdict::proceed_with_precautions)
            << answer;
    }
}

// Profiles with every part of a report: findings with notes and assumed facts, could-fire
// rules, open questions, assumptions, a verdict resting on them; the first has the most
// findings, so later reports are smaller than the storage they reuse.
const std::vector<std::string> k_varied_changes{
    "breathless: yes\nleg_warmth: yes\nheart_condition: yes\nweeks_since_surgery: 4\n",
    "",
    "leg_warmth: unknown\n",
    "varicose_sites: [calf_left]\ntwisted: yes\nage_years: unknown\n",
    "heart_condition: yes\nbreathless: unknown\nleg_warmth: unknown\n",
    "weeks_since_surgery: 6\nmedical_clearance: yes\n",
    "leg_warmth: yes\nleg_sign_sites: unknown\n",
    "bruise_sites: unknown\n",
    "modality: unknown\nvaricose_sites: [calf_left]\ntwisted: yes\n",
};

TEST(Evaluator, AReusedReportEqualsAFreshOneWhateverCameBefore) {
    std::vector<Profile> profiles;
    for (const std::string& changes : k_varied_changes) {
        profiles.push_back(testing::healthy_with(changes));
    }
    profiles.push_back(empty_profile(test_pack()));
    Report reused;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < profiles.size(); ++i) {
            const Profile& profile = profiles[pass == 0 ? i : profiles.size() - 1 - i];
            evaluate(test_pack(), profile, reused);
            EXPECT_EQ(reused, evaluate(test_pack(), profile)) << "pass " << pass << ", " << i;
        }
    }
}

// The evaluation on the answers alone takes from the one with assumptions each value whose
// computation read no fact on which they differ: every condition and site expression must come
// out as computed from scratch, whichever side computes a node first.
TEST(Evaluator, AnEvaluationSharingValuesEqualsOneComputedAlone) {
    const RulePack& pack = test_pack();
    for (const std::string& changes : k_varied_changes) {
        const Profile profile = testing::healthy_with(changes);
        for (const bool assumptions_first : {true, false}) {
            detail::Evaluation with_assumptions(pack, profile);
            detail::Evaluation shared(pack, profile, detail::Assumptions::withhold);
            shared.share_with(with_assumptions);
            detail::Evaluation alone(pack, profile, detail::Assumptions::withhold);
            for (std::uint32_t i = 0; i < pack.conditions.size(); ++i) {
                if (assumptions_first) {
                    // Computed there first, so the value here may be taken from there.
                    (void)with_assumptions.condition(i);
                }
                EXPECT_EQ(shared.condition(i), alone.condition(i)) << changes << i;
            }
            for (std::uint32_t i = 0; i < pack.site_exprs.size(); ++i) {
                (void)with_assumptions.sites(i);
                EXPECT_EQ(shared.sites(i).lower, alone.sites(i).lower) << changes << i;
                EXPECT_EQ(shared.sites(i).upper, alone.sites(i).upper) << changes << i;
            }
        }
    }
}

} // namespace
} // namespace contra

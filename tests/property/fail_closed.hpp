#pragma once

#include "model/rule_pack.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace contra::testing {

/// What check_fail_closed saw: how often each property was put to the test, and each
/// counterexample as a readable line (empty when the property holds).
struct FailClosedSummary {
    std::size_t clear_profiles_with_open_questions = 0;
    std::size_t completions_checked = 0;
    std::size_t single_answers_checked = 0;
    std::size_t severe_profiles_cleared = 0;
    std::vector<std::string> violations;          ///< a completion more severe than the verdict
    std::vector<std::string> incomplete_returned; ///< a settled verdict became incomplete
    std::vector<std::string> clearance_lowered;   ///< clearance lowered a verdict above p&r
    std::size_t profiles_given_clearance = 0;
    std::size_t assumptions_answered = 0;
    std::vector<std::string> clearance_hid;       ///< clearance dropped an open question
    std::vector<std::string> assumed_facts_wrong; ///< a finding needed an unlisted assumption
};

/// Generates `profiles` partial profiles from `seed` and checks, for each:
/// - if the verdict is proceed or proceed_with_precautions, random answers to all its open
///   questions (but those with a declared default: optional or assume) and each single answer
///   to each open question never give a more severe verdict;
/// - if the verdict is not incomplete, answering any one open question (without a declared
///   default) never gives incomplete, unless the answer narrows the sites that a blank site
///   list had widened (then the questions about the remaining sites matter again);
/// - if the verdict is do_not_massage or emergency, adding medical clearance keeps it;
/// - adding medical clearance keeps every unanswered question listed, with at least the level it
///   could raise the verdict to (clearance covers what was told);
/// - answering an assumed question that a finding does not list in its assumed_facts, with any
///   answer, keeps that finding fired (each finding lists every assumption it needs).
FailClosedSummary check_fail_closed(const RulePack& pack, std::uint32_t seed, std::size_t profiles);

} // namespace contra::testing

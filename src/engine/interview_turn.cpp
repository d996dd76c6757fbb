#include "engine/interview_turn.hpp"

#include "model/fact_value.hpp"
#include "model/typed_answer.hpp"
#include "util/text_parse.hpp"

namespace contra {
namespace {

Turn screening_turn(Interview& interview, std::uint32_t group, std::string_view typed) {
    if (typed == "y" || typed == "yes") {
        interview.screen_yes(group);
    } else if (typed == "n" || typed == "no") {
        interview.screen_no(group);
    } else if (typed == "u") {
        interview.screen_skip(group);
    } else {
        return {TurnResult::not_an_answer,
                "Type y (yes, to any of these), n (none of these) or u (not sure)"};
    }
    return {};
}

Turn fact_turn(const RulePack& pack,
               Interview& interview,
               std::uint32_t index,
               const std::string& typed) {
    const Fact& fact = pack.facts[index];
    if (typed == "u") {
        interview.skip(index);
        return {};
    }
    if (typed == "n" && (no_answer(fact) || fact.unknown == UnknownPolicy::optional)) {
        if (const auto no = no_answer(fact)) {
            interview.answer(index, *no);
        } else {
            interview.skip(index); // an optional measurement not taken counts as absent
        }
        return {};
    }
    const ParsedAnswer answer = parse_typed_answer(pack.sites, fact, typed);
    if (!answer.value) {
        return {TurnResult::not_an_answer, answer.error};
    }
    interview.answer(index, *answer.value);
    return {};
}

} // namespace

Turn take_turn(const RulePack& pack,
               Interview& interview,
               const InterviewQuestion& question,
               std::string_view line) {
    const std::string typed(trim(line, " \t\r"));
    if (typed == "?") {
        return {TurnResult::explain, {}};
    }
    if (typed == "b") {
        return {interview.back() ? TurnResult::went_back : TurnResult::no_earlier_answer, {}};
    }
    if (question.is_screening) {
        return screening_turn(interview, question.index, typed);
    }
    return fact_turn(pack, interview, question.index, typed);
}

Report final_report(const Interview& interview, bool stopped) {
    Report report = interview.report();
    if (stopped && report.established < Level::postpone_and_refer) {
        report.verdict = Verdict::incomplete;
    }
    return report;
}

} // namespace contra

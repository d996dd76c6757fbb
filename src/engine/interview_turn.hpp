#pragma once

#include "engine/interview.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <string>
#include <string_view>

namespace contra {

/// What a line typed at an interview question did.
enum class TurnResult {
    answered,          ///< the answer was taken: on to the next question
    explain,           ///< `?`: why the question is asked; it is asked again
    went_back,         ///< `b`: the last answer was taken back
    no_earlier_answer, ///< `b` with no answer to take back; the question is asked again
    not_an_answer      ///< `message` says what was expected; the question is asked again
};

struct Turn {
    TurnResult result = TurnResult::answered;
    std::string message; ///< for not_an_answer
};

/// Applies a line typed at `question` (surrounding blanks ignored) to `interview`, the keys of
/// `contra interview`: `?` why, `b` back, `u` unknown (not asked again), and for a screening
/// question `y` (ask each in turn) or `n` (none of them). For a fact, `n` is its no or none
/// where it has one, and skips an optional question that has none; anything else is an answer
/// in the fact's terms (parse_typed_answer).
Turn take_turn(const RulePack& pack,
               Interview& interview,
               const InterviewQuestion& question,
               std::string_view line);

/// The report at the end of an interview. One `stopped` before its end is incomplete, unless it
/// already refers or worse: questions that could change its verdict were not asked.
Report final_report(const Interview& interview, bool stopped);

} // namespace contra

#pragma once

#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <ostream>
#include <string_view>

namespace contra {

/// How much of the report to show, and how: the first screen (verdict, one line per finding,
/// where, the most serious open questions) always comes first.
struct TextOptions {
    bool colour = false;
    std::size_t width = 80;
    bool brief = false;         ///< the verdict, what to do and where, nothing else
    bool why = false;           ///< each finding's rationale and sources
    bool all_questions = false; ///< every open question, not only the most serious few
    bool assumptions = false;   ///< the cautious answers used for unanswered questions
    /// End with the instruction again for emergency and do_not_massage, so it is on screen
    /// when the output ends; false when the caller prints more and ends with it itself
    /// (render_closing_instruction).
    bool closing_instruction = true;
};

/// The report for a person: the verdict, one line per finding, where, what is still to ask,
/// each finding's instruction, then what `options` ask for (why, what was assumed).
void render_text(const RulePack& pack,
                 const Report& report,
                 const TextOptions& options,
                 std::ostream& out);

/// For emergency and do_not_massage, a blank line and the instruction in one line (at 80
/// columns); nothing for other verdicts.
void render_closing_instruction(const Report& report,
                                const TextOptions& options,
                                std::ostream& out);

/// What a verdict means, in one sentence for the practitioner.
std::string_view verdict_meaning(Verdict verdict);

} // namespace contra

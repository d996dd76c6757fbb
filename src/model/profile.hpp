#pragma once

#include "model/rule_pack.hpp"
#include "util/calendar_date.hpp"
#include "util/diagnostic.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// The reserved top-level profile key `contra interview --save` writes, with the value
/// `unfinished`, when the interview was stopped part-way (not a fact id: facts start with a
/// letter).
inline constexpr std::string_view k_unfinished_key = "_interview";

/// Reserved top-level profile keys (rules/README.md, "Shelf life"; README "Answers have a
/// date"): the day all answers were given, the days of single answers, the pack that asked
/// them, and a digest of each question as it was asked. A pack may not name a fact so.
inline constexpr std::string_view k_answered_on_key = "answered_on";
inline constexpr std::string_view k_answer_dates_key = "answer_dates";
inline constexpr std::string_view k_asked_with_pack_key = "pack";
inline constexpr std::string_view k_question_digests_key = "question_digests";

/// The day an answer was given, and where the profile says so (for an error about it).
struct AnswerDate {
    CalendarDate date;
    SourceLocation where;
};

/// A client's intake answers: one value per fact of the pack, unknown where unanswered.
struct Profile {
    std::vector<Value> answers;
    bool unfinished = false; ///< saved from an interview stopped part-way (k_unfinished_key)
    /// The day of every answer without a date of its own; none: today.
    std::optional<AnswerDate> answered_on;
    std::map<std::uint32_t, AnswerDate> answer_dates; ///< by fact index
    /// By fact index: question_digest() of the question when it was answered (interview --save).
    std::map<std::uint32_t, std::string> question_digests;
    /// The pack the answers were given under (name, version and sha256 only), as saved.
    std::optional<PackInfo> asked_with_pack;

    /// The day the answer to `fact` was given; nullopt: today.
    [[nodiscard]] std::optional<CalendarDate> date_of(std::uint32_t fact) const;
};

/// A profile with every answer unknown.
Profile empty_profile(const RulePack& pack);

} // namespace contra

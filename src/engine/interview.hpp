#pragma once

#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace contra {

/// One question of the interview: a fact, or a screening question covering several.
struct InterviewQuestion {
    bool is_screening = false;
    std::uint32_t index = 0;      ///< a fact, or a screening group of the pack
    Level reach = Level::proceed; ///< the most serious level its answer could reach, either way
};

/// The logic of `contra interview`, without any terminal: which question to ask next, the
/// answers so far, and going back.
///
/// A question is asked when some answer to it would give a different verdict, different sites
/// or different findings than leaving it as it is (unknown, or at the pack's cautious
/// assumption), or when the report lists it as unanswered. The most serious first; a question
/// waits for its gates (question_gates()); the interview ends at once on an emergency.
class Interview {
  public:
    Interview(const RulePack& pack, Profile start);

    /// The next question, or nullopt when nothing left can change the outcome.
    [[nodiscard]] const std::optional<InterviewQuestion>& next_question() const { return m_next; }
    /// The number to show for the next question: one more than the answers kept.
    [[nodiscard]] std::size_t question_number() const { return m_steps.size() + 1; }

    void answer(std::uint32_t fact, const Value& value);
    /// The client does not know: the question stays unanswered (its assumption, if the pack
    /// declares one, stands) and is not asked again.
    void skip(std::uint32_t fact);
    /// A screening question answered no: each member not yet answered is answered no.
    void screen_no(std::uint32_t group);
    /// A screening question answered yes: each member not yet answered is asked in turn.
    void screen_yes(std::uint32_t group);
    /// A screening question answered unknown: each member not yet answered is skipped.
    void screen_skip(std::uint32_t group);
    /// Takes the last answer back; false when there is none.
    bool back();

    /// The rules whose outcome an answer to `fact` could change, most serious first.
    [[nodiscard]] std::vector<std::uint32_t> rules_at_stake(std::uint32_t fact) const;

    [[nodiscard]] const Report& report() const { return m_report; }
    [[nodiscard]] const Profile& profile() const { return m_profile; }
    /// True when the client answered `unknown` (u) to `fact`.
    [[nodiscard]] bool skipped(std::uint32_t fact) const { return m_skipped[fact]; }

  private:
    struct Change {
        std::uint32_t fact;
        Value previous;
        bool was_skipped;
    };
    struct Step {
        std::vector<Change> changes;
        std::vector<std::uint32_t> queue; ///< the screening follow-ups before this step
        Level queue_reach = Level::proceed;
    };

    [[nodiscard]] bool open(std::uint32_t fact) const;
    [[nodiscard]] std::optional<Level> reach_of(std::uint32_t fact) const;
    [[nodiscard]] std::optional<InterviewQuestion> choose() const;
    [[nodiscard]] std::vector<std::uint32_t> open_members(std::uint32_t group) const;
    void change(Step& step, std::uint32_t fact, const std::optional<Value>& value, bool skip);
    void commit(Step step);

    const RulePack& m_pack;
    Profile m_profile;
    Report m_report;
    std::vector<bool> m_skipped;
    std::vector<std::vector<std::uint32_t>> m_gates;
    std::vector<std::vector<Value>> m_candidates;
    std::vector<std::optional<std::uint32_t>> m_group_of;
    std::vector<std::uint32_t> m_queue; ///< screening members to ask after a `yes`
    Level m_queue_reach = Level::proceed;
    std::vector<Step> m_steps;
    std::optional<InterviewQuestion> m_next;
};

} // namespace contra

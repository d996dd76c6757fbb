#pragma once

#include "contra/profile.hpp"
#include "contra/report.hpp"
#include "contra/rule_pack.hpp"

#include <optional>
#include <vector>

namespace contra {

/// The logic of `contra interview`, without any terminal: which question to ask next, the
/// answers so far, and going back. Only questions whose answer can still change the verdict
/// are asked, the most serious first; the interview is over when none is left, or at once
/// when the verdict is an emergency.
class Interview {
  public:
    Interview(const RulePack& pack, Profile start);

    /// The next question, or nullopt when the verdict is settled.
    [[nodiscard]] std::optional<std::uint32_t> next_question() const;
    /// The level the next question's answer could raise the verdict to.
    [[nodiscard]] Level reach(std::uint32_t fact) const;

    void answer(std::uint32_t fact, const Value& value);
    /// The client does not know: the question stays unanswered and is not asked again.
    void skip(std::uint32_t fact);
    /// Takes the last answer or skip back; false when there is none.
    bool back();

    [[nodiscard]] const Report& report() const { return m_report; }
    [[nodiscard]] const Profile& profile() const { return m_profile; }

  private:
    struct Step {
        std::uint32_t fact;
        Value previous;
        bool skipped;
    };

    void evaluate_now();

    const RulePack& m_pack;
    Profile m_profile;
    Report m_report;
    std::vector<bool> m_skipped;
    std::vector<Step> m_steps;
};

} // namespace contra

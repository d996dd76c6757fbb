#include "model/profile.hpp"

namespace contra {

Profile empty_profile(const RulePack& pack) {
    Profile profile;
    profile.answers.resize(pack.facts.size());
    return profile;
}

std::optional<CalendarDate> Profile::date_of(std::uint32_t fact) const {
    if (const auto found = answer_dates.find(fact); found != answer_dates.end()) {
        return found->second.date;
    }
    if (answered_on) {
        return answered_on->date;
    }
    return std::nullopt;
}

} // namespace contra

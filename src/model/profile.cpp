#include "model/profile.hpp"

namespace contra {

Profile empty_profile(const RulePack& pack) {
    return Profile{std::vector<Value>(pack.facts.size())};
}

} // namespace contra

#pragma once

#include "model/profile.hpp"
#include "model/rule_pack.hpp"

#include <random>

namespace contra::testing {

/// Random answers for property tests, from each fact's own domain.
class ProfileGenerator {
  public:
    ProfileGenerator(const RulePack& pack, std::uint32_t seed) : m_pack(pack), m_random(seed) {}

    /// Any answer `fact` accepts, each about equally likely.
    Value any_answer(const Fact& fact);
    /// The quiet answer (no, the first value, no sites) but with probability `risk` any answer,
    /// so that some profiles are clear and some are not.
    Value quiet_leaning_answer(const Fact& fact, double risk);
    /// A profile of quiet-leaning answers, a random share (up to `most_unknown`) of the
    /// questions left unknown.
    Profile partial_profile(double most_unknown);

    std::mt19937& random() { return m_random; }

  private:
    SiteSet some_sites(std::size_t most);

    const RulePack& m_pack;
    std::mt19937 m_random;
};

/// True for a fact whose unanswered state is declared acceptable by the pack (`optional`), or
/// replaced by a declared assumption (`assume`, and the treatment area, which defaults to the
/// modality's): the property tests leave these alone.
bool has_declared_default(const RulePack& pack, std::size_t fact);

} // namespace contra::testing

#include "profile_generator.hpp"

namespace contra::testing {

SiteSet ProfileGenerator::some_sites(std::size_t most) {
    const std::size_t leaves = m_pack.sites.leaves().size();
    std::uniform_int_distribution<std::size_t> count(0, most);
    std::uniform_int_distribution<std::size_t> leaf(0, leaves - 1);
    SiteSet sites;
    for (std::size_t i = count(m_random); i > 0; --i) {
        sites.insert(leaf(m_random));
    }
    return sites;
}

Value ProfileGenerator::any_answer(const Fact& fact) {
    switch (fact.type) {
    case FactType::yes_no:
    case FactType::enumeration: {
        std::uniform_int_distribution<std::size_t> choice(0, fact.values.size() - 1);
        return Value::of_choice(static_cast<std::uint8_t>(choice(m_random)));
    }
    case FactType::number: {
        if (fact.allow_none && std::bernoulli_distribution(0.2)(m_random)) {
            return Value::of_none();
        }
        std::uniform_real_distribution<double> number(fact.min, fact.max);
        return Value::of_number(number(m_random));
    }
    case FactType::site_list: {
        // The treatment area is never empty: that is bad profile data, not an answer.
        const SiteSet sites = some_sites(4);
        return Value::of_sites(sites.empty() && fact.requires_sites ? m_pack.sites.all() : sites);
    }
    }
    return {};
}

Value ProfileGenerator::quiet_leaning_answer(const Fact& fact, double risk) {
    if (std::bernoulli_distribution(risk)(m_random)) {
        return any_answer(fact);
    }
    switch (fact.type) {
    case FactType::yes_no:
        return Value::of_choice(k_no);
    case FactType::enumeration:
        return Value::of_choice(0);
    case FactType::number:
        return fact.allow_none ? Value::of_none() : Value::of_number(fact.min);
    case FactType::site_list:
        return Value::of_sites(fact.requires_sites ? m_pack.sites.all() : SiteSet{});
    }
    return {};
}

Profile ProfileGenerator::partial_profile(double most_unknown) {
    Profile profile = empty_profile(m_pack);
    const double unknown_share =
        std::uniform_real_distribution<double>(0.0, most_unknown)(m_random);
    const double risk = std::uniform_real_distribution<double>(0.0, 0.2)(m_random);
    for (std::size_t i = 0; i < m_pack.facts.size(); ++i) {
        if (!std::bernoulli_distribution(unknown_share)(m_random)) {
            profile.answers[i] = quiet_leaning_answer(m_pack.facts[i], risk);
        }
    }
    return profile;
}

bool has_declared_default(const RulePack& pack, std::size_t fact) {
    const UnknownPolicy policy = pack.facts[fact].unknown;
    return policy == UnknownPolicy::optional || policy == UnknownPolicy::assume ||
           fact == pack.area_fact;
}

} // namespace contra::testing

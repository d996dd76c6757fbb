#include "model/fact.hpp"
#include "util/sha256.hpp"

#include <fmt/format.h>

namespace contra {

std::string_view to_string(Ages ages) {
    switch (ages) {
    case Ages::none:
        return "none";
    case Ages::weeks:
        return "weeks";
    case Ages::years:
        return "years";
    }
    return "?";
}

std::string describe_shelf_life(const Fact& fact) {
    std::string holds;
    switch (fact.valid_for) {
    case ValidFor::unset:
        holds = "not declared";
        break;
    case ValidFor::visit:
        holds = "this visit";
        break;
    case ValidFor::days:
        holds = fmt::format("{} day{}", fact.valid_days, fact.valid_days == 1 ? "" : "s");
        break;
    case ValidFor::always:
        holds = "always";
        break;
    }
    if (fact.ages != Ages::none) {
        holds += fmt::format(" (ages in {})", to_string(fact.ages));
    }
    return holds;
}

std::string question_digest(const Fact& fact) {
    constexpr std::size_t k_digest_length = 12;
    const std::string asked = fmt::format("{}\n{}\n{}\n{} {} {} {}",
                                          fact.question,
                                          to_string(fact.type),
                                          fmt::join(fact.values, ","),
                                          fact.min,
                                          fact.max,
                                          fact.unit,
                                          fact.allow_none);
    return sha256_hex(asked).substr(0, k_digest_length);
}

} // namespace contra

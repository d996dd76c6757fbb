#include "model/fact.hpp"

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

} // namespace contra

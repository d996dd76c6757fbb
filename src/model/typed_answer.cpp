#include "model/typed_answer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace contra {
namespace {

// A choice typed by its number or by the one name it begins; otherwise the text as typed.
std::string choice_named(const Fact& fact, const std::string& typed) {
    if (!typed.empty() && typed.find_first_not_of("0123456789") == std::string::npos) {
        const auto number = std::stoul(typed.substr(0, 6));
        if (number >= 1 && number <= fact.values.size()) {
            return fact.values[number - 1];
        }
        return typed;
    }
    std::vector<std::string> matches;
    for (const std::string& value : fact.values) {
        if (value.starts_with(typed)) {
            matches.push_back(value);
        }
    }
    return matches.size() == 1 ? matches.front() : typed;
}

ParsedAnswer
parse_typed_choice(const BodySites& sites, const Fact& fact, const std::string& typed) {
    const auto has_none =
        std::find(fact.values.begin(), fact.values.end(), "none") != fact.values.end();
    if (typed == "n" && has_none) {
        return parse_answer(sites, fact, "none");
    }
    if (typed == "n") {
        return {std::nullopt,
                fmt::format("'n' is no answer to this question: choose one of {} (by number "
                            "or name), or u if it is not known",
                            fmt::join(fact.values, ", "))};
    }
    return parse_answer(sites, fact, choice_named(fact, typed));
}

} // namespace

ParsedAnswer
parse_typed_answer(const BodySites& sites, const Fact& fact, const std::string& typed) {
    std::string text = typed;
    if (fact.type == FactType::yes_no) {
        text = typed == "y" ? "yes" : typed == "n" ? "no" : typed;
    } else if (fact.type == FactType::site_list ||
               (fact.type == FactType::number && fact.allow_none)) {
        text = typed == "n" ? "none" : typed;
    } else if (fact.type == FactType::number && typed == "n") {
        return {std::nullopt,
                fmt::format("'n' is no answer to this question: type a number from {} to {}, "
                            "or u if it is not known",
                            format_number(fact.min),
                            format_number(fact.max))};
    } else if (fact.type == FactType::enumeration) {
        return parse_typed_choice(sites, fact, typed);
    }
    return parse_answer(sites, fact, text);
}

} // namespace contra

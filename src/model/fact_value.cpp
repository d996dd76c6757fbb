#include "model/fact_value.hpp"

#include "model/site_spelling.hpp"
#include "util/suggest.hpp"
#include "util/text_parse.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    return fmt::format("{}", fmt::join(items, separator));
}

ParsedAnswer parse_choice(const Fact& fact, std::string_view text) {
    if (fact.type == FactType::yes_no) {
        if (auto yes = parse_yes_no(text)) {
            return {Value::of_choice(*yes ? k_yes : k_no), {}};
        }
        return {std::nullopt,
                fmt::format("expected yes, no or unknown for '{}', got '{}'", fact.id, text)};
    }
    const auto found = std::find(fact.values.begin(), fact.values.end(), text);
    if (found != fact.values.end()) {
        return {Value::of_choice(static_cast<std::uint8_t>(found - fact.values.begin())), {}};
    }
    return {std::nullopt,
            fmt::format("'{}' is not a value of '{}' (expected one of: {}){}",
                        text,
                        fact.id,
                        join(fact.values, ", "),
                        did_you_mean(text, fact.values))};
}

ParsedAnswer parse_number_answer(const Fact& fact, std::string_view text) {
    if (text == "none") {
        if (fact.allow_none) {
            return {Value::of_none(), {}};
        }
        return {std::nullopt,
                fmt::format("'{}' needs a number ({}), not none", fact.id, fact.unit)};
    }
    const std::optional<double> number = parse_number(text);
    if (!number) {
        return {
            std::nullopt,
            fmt::format("expected a number of {} for '{}', got '{}'", fact.unit, fact.id, text)};
    }
    if (*number < fact.min || *number > fact.max) {
        return {std::nullopt,
                fmt::format("{} {} is outside the range of '{}' ({} to {} {})",
                            format_number(*number),
                            fact.unit,
                            fact.id,
                            format_number(fact.min),
                            format_number(fact.max),
                            fact.unit)};
    }
    return {Value::of_number(*number), {}};
}

ParsedAnswer parse_sites(const BodySites& sites, const Fact& fact, std::string_view text) {
    SiteSet set;
    if (site_spelling_key(text) == "none" || text.empty()) {
        if (auto error = empty_sites_error(fact)) {
            return {std::nullopt, *error};
        }
        return {Value::of_sites(set), {}};
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view id = trim(text.substr(start, comma - start));
        if (id == "none" || id.empty()) {
            return {std::nullopt,
                    fmt::format("'{}' takes site ids separated by commas, or none alone", fact.id)};
        }
        if (auto error = add_site(sites, id, set, fact.id)) {
            return {std::nullopt, *error};
        }
        start = comma + 1;
    }
    return {Value::of_sites(set), {}};
}

} // namespace

std::optional<std::string> empty_sites_error(const Fact& fact) {
    if (!fact.requires_sites) {
        return std::nullopt;
    }
    return fmt::format("'{}' is empty: there is nothing to treat; name the sites to work, or "
                       "leave it out to use the modality's default area",
                       fact.id);
}

std::vector<std::string> site_list_words(const BodySites& sites) {
    std::vector<std::string> words = sites.all_ids();
    words.emplace_back("none");
    return words;
}

std::optional<std::string>
add_site(const BodySites& sites, std::string_view text, SiteSet& into, std::string_view owner) {
    const SiteReading reading = read_site(sites, text);
    if (reading.sites) {
        into |= *reading.sites;
        return std::nullopt;
    }
    const std::string in_owner = owner.empty() ? "" : fmt::format(" in '{}'", owner);
    if (reading.needs_side) {
        return fmt::format("body site '{}'{} has no side{}", text, in_owner, reading.hint);
    }
    return fmt::format("unknown body site '{}'{}{}", text, in_owner, reading.hint);
}

std::optional<std::string> add_site_id(const BodySites& sites, std::string_view id, SiteSet& into) {
    const std::optional<SiteSet> expanded = sites.expand(id);
    if (!expanded) {
        return fmt::format("unknown body site '{}'{}", id, did_you_mean(id, sites.all_ids()));
    }
    into |= *expanded;
    return std::nullopt;
}

ParsedAnswer parse_answer(const BodySites& sites, const Fact& fact, std::string_view text) {
    text = trim(text);
    if (text == "unknown") {
        return {Value{}, {}};
    }
    switch (fact.type) {
    case FactType::yes_no:
    case FactType::enumeration:
        return parse_choice(fact, text);
    case FactType::number:
        return parse_number_answer(fact, text);
    case FactType::site_list:
        return parse_sites(sites, fact, text);
    }
    return {std::nullopt, "unsupported fact type"};
}

std::string format_number(double number) {
    return fmt::format("{}", number);
}

std::string describe_value(const BodySites& sites, const Fact& fact, const Value& value) {
    switch (value.kind) {
    case ValueKind::unknown:
        return "unknown";
    case ValueKind::absent:
        return "not answered";
    case ValueKind::choice:
        return fact.values.at(value.choice);
    case ValueKind::number:
        return fact.unit.empty() ? format_number(value.number)
                                 : fmt::format("{} {}", format_number(value.number), fact.unit);
    case ValueKind::none:
        return "none";
    case ValueKind::sites:
        return value.sites.empty() ? "none" : join(sites.describe(value.sites), ", ");
    }
    return "?";
}

std::optional<Value> no_answer(const Fact& fact) {
    switch (fact.type) {
    case FactType::yes_no:
        return Value::of_choice(k_no);
    case FactType::enumeration: {
        const auto none = std::find(fact.values.begin(), fact.values.end(), "none");
        if (none != fact.values.end()) {
            return Value::of_choice(static_cast<std::uint8_t>(none - fact.values.begin()));
        }
        for (std::size_t choice = 0; choice < fact.values.size(); ++choice) {
            if ((fact.benign >> choice) & 1U) { // the first value declared to call for no rule
                return Value::of_choice(static_cast<std::uint8_t>(choice));
            }
        }
        return std::nullopt;
    }
    case FactType::number:
        return fact.allow_none ? std::optional<Value>(Value::of_none()) : std::nullopt;
    case FactType::site_list:
        return Value::of_sites({});
    }
    return std::nullopt;
}

} // namespace contra

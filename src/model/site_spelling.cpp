#include "model/site_spelling.hpp"

#include "util/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra {
namespace {

bool is_side(std::string_view word) {
    return word == "left" || word == "right";
}

std::string_view side_of(std::string_view id) {
    for (const std::string_view side : {"left", "right"}) {
        if (id.size() > side.size() + 1 && id.substr(id.size() - side.size()) == side &&
            id[id.size() - side.size() - 1] == '_') {
            return side;
        }
    }
    return {};
}

// "lower_leg_left" -> "lower leg".
std::string part_in_words(std::string_view sided_id) {
    std::string words(sided_id.substr(0, sided_id.size() - side_of(sided_id).size() - 1));
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

// "did you mean calf_left, calf_right or both (calf_left,calf_right)? (the whole lower leg:
// lower_leg_left, lower_leg_right)"
std::string side_hint(const BodySites& sites, const std::vector<std::string>& sided) {
    if (sided.size() == 1) {
        return fmt::format(": did you mean {}?", sided.front());
    }
    SiteSet both;
    for (const std::string& id : sided) {
        both |= *sites.expand(id);
    }
    std::string hint = fmt::format(": did you mean {}", fmt::join(sided, ", "));
    const auto same = std::find_if(sites.groups().begin(),
                                   sites.groups().end(),
                                   [&](const SiteGroup& group) { return group.leaves == both; });
    if (same != sites.groups().end()) {
        return hint + fmt::format(" or {} (both)?", same->id);
    }
    hint = fmt::format(
        ": did you mean {} or both ({})?", fmt::join(sided, ", "), fmt::join(sided, ","));
    const SiteGroup* around = sites.smallest_group_around(*sites.expand(sided.front()));
    if (around != nullptr && !side_of(around->id).empty()) {
        const std::string stem =
            around->id.substr(0, around->id.size() - side_of(around->id).size() - 1);
        hint += fmt::format(" (the whole {}: {})",
                            part_in_words(around->id),
                            fmt::join(sites.sided_ids(stem), ", "));
    }
    return hint;
}

std::vector<std::string> names_for_suggestions(const BodySites& sites) {
    std::vector<std::string> names = sites.all_ids();
    for (const SiteAlias& alias : sites.aliases()) {
        names.push_back(alias.name);
    }
    names.emplace_back("none"); // "None" is not a typo of "nose"
    return names;
}

} // namespace

std::string site_spelling_key(std::string_view text) {
    std::string key;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '-' || c == '_') {
            if (!key.empty() && key.back() != '_') {
                key += '_';
            }
        } else {
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!key.empty() && key.back() == '_') {
        key.pop_back();
    }
    return key;
}

SidedPart split_side(std::string_view key) {
    const std::size_t first_break = key.find('_');
    if (first_break != std::string_view::npos && is_side(key.substr(0, first_break))) {
        return {std::string(key.substr(first_break + 1)), std::string(key.substr(0, first_break))};
    }
    const std::string_view side = side_of(key);
    if (!side.empty()) {
        return {std::string(key.substr(0, key.size() - side.size() - 1)), std::string(side)};
    }
    return {std::string(key), {}};
}

SiteReading read_site(const BodySites& sites, std::string_view text) {
    const std::string key = site_spelling_key(text);
    if (auto found = sites.expand(key)) {
        return {found, key, false, {}};
    }
    const SidedPart written = split_side(key);
    const std::string part = sites.alias_target(written.part).value_or(written.part);
    if (!written.side.empty()) {
        const std::string id = part + "_" + written.side;
        if (auto found = sites.expand(id)) {
            return {found, id, false, {}};
        }
        return {std::nullopt,
                {},
                false,
                did_you_mean(written.part + "_" + written.side, sites.all_ids())};
    }
    if (auto found = sites.expand(part)) {
        return {found, part, false, {}};
    }
    const std::vector<std::string> sided = sites.sided_ids(part);
    if (!sided.empty()) {
        return {std::nullopt, {}, true, side_hint(sites, sided)};
    }
    return {std::nullopt, {}, false, did_you_mean(key, names_for_suggestions(sites))};
}

} // namespace contra

#pragma once

#include "model/body_sites.hpp"
#include "model/fact.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace contra {

/// An answer parsed from text, or why it is not one.
struct ParsedAnswer {
    std::optional<Value> value;
    std::string error; ///< what was expected and what was found, with a did-you-mean
};

/// Parses one answer written as text: a YAML scalar or a command-line value. `unknown` gives
/// an unknown value. Yes/no facts take yes/no/true/false; enums their value ids; numbers a
/// decimal in range (or `none` where allowed); site lists comma-separated leaf or group ids,
/// or `none` for no sites.
ParsedAnswer parse_answer(const BodySites& sites, const Fact& fact, std::string_view text);

/// The error for an empty answer to a fact that must name sites (the treatment area: nothing to
/// treat), or nothing for any other fact.
std::optional<std::string> empty_sites_error(const Fact& fact);

/// Every word a site-list answer may hold: each site id (leaves, then groups), then `none`.
std::vector<std::string> site_list_words(const BodySites& sites);

/// Adds one site as a person wrote it (see read_site: any case, side first or last, the pack's
/// aliases); returns an error message for an unknown site or a paired part without its side,
/// naming `owner` (a fact id) when it is given.
std::optional<std::string>
add_site(const BodySites& sites, std::string_view text, SiteSet& into, std::string_view owner = {});

/// Adds one site id (leaf or group) exactly as the pack declares it, for the pack's own files.
std::optional<std::string> add_site_id(const BodySites& sites, std::string_view id, SiteSet& into);

/// How an answer reads to a person: "yes", "61 years", "calf_left, ankle_left", "none".
std::string describe_value(const BodySites& sites, const Fact& fact, const Value& value);

/// A number without a needless ".0": 61, 37.5.
std::string format_number(double number);

/// The answer meaning "no" or "none" for a fact that has one: yes/no `no`, an enum's `none`
/// (else its first `benign` value), a site list's empty list, a number's `none` where allowed.
std::optional<Value> no_answer(const Fact& fact);

} // namespace contra

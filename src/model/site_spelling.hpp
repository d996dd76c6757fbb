#pragma once

#include "model/body_sites.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace contra {

/// How one body site written by a person reads against the pack's sites.
struct SiteReading {
    std::optional<SiteSet> sites; ///< the leaves it stands for, when it names a site
    std::string id;               ///< the leaf or group id it names
    bool needs_side = false;      ///< a paired part written without its side ("calf")
    std::string hint;             ///< otherwise what it may have meant: "; did you mean ...?"
};

/// Reads one site as people write it: in any case; words separated by spaces, hyphens or
/// underscores; the side before or after the part ("left calf", "Calf Left", "calf-left" are
/// all calf_left); and the pack's aliases ("left armpit" is axilla_left). A paired part without
/// its side is never read as either side, nor as both: `needs_side` is set and `hint` names the
/// sided ids, both, and the sided groups that hold them.
SiteReading read_site(const BodySites& sites, std::string_view text);

/// "Calf  Left" -> "calf_left": lower case, each run of spaces, hyphens and underscores one '_'.
std::string site_spelling_key(std::string_view text);

/// `left_calf` -> {"calf", "left"}; {"calf", ""} when no side is written first or last.
struct SidedPart {
    std::string part;
    std::string side;
};
SidedPart split_side(std::string_view key);

} // namespace contra

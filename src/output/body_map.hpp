#pragma once

#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <string>
#include <string_view>

namespace contra {

/// How a body map shows one site: `avoid` and `no-pressure` where findings name it; otherwise
/// `no-treatment-today` when the verdict rules out treatment today (postpone_and_refer and
/// above), `outside` outside the treatment area, `not-cleared` in it while the verdict is
/// incomplete, else `treat`. Fail safe: no site is `treat` unless the verdict clears treatment.
std::string_view body_map_class(const Report& report, const SiteSet& area, std::size_t leaf);

/// An SVG drawing of the body, front and back, and the face enlarged. Every site of the pack is
/// one shape whose id is the site id and whose class is its `body_map_class` (`avoid` and
/// `no-pressure` followed by ` no-treatment-today` when the verdict rules treatment out); other
/// shapes showing the same site (the back of an arm, the heel) carry it as `data-site`. When the
/// verdict rules out treatment today the whole figure is hatched and the rules why are in the
/// title, heading and legend. Sites the drawing has no place for (a custom pack's) are listed
/// beside it with their class. The front view shows the client's right on the viewer's left,
/// the back view the client's left on the viewer's left.
std::string render_body_map_svg(const RulePack& pack, const Profile& profile, const Report& report);

} // namespace contra

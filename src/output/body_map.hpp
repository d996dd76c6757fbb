#pragma once

#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <string>
#include <string_view>

namespace contra {

/// How a body map shows one site. Fail safe: while the verdict does not clear treatment today
/// (incomplete, or postpone_and_refer and above), no site is `treat`: the treatment area is
/// `avoid`, whatever part of it a rule named.
std::string_view body_map_class(const Report& report, const SiteSet& area, std::size_t leaf);

/// An SVG drawing of the body, front and back, with every site of the pack as one element whose
/// id is the site id and whose class is `avoid`, `no-pressure`, `treat` or `outside` (the
/// treatment area); a legend, and the verdict as the title. Sites the drawing has no place for
/// (a custom pack's) are listed beside it with their colour. The front view shows the client's
/// right on the viewer's left, the back view the client's left on the viewer's left.
std::string render_body_map_svg(const RulePack& pack, const Profile& profile, const Report& report);

} // namespace contra

#include "output/body_map.hpp"

#include <fmt/format.h>

#include <array>
#include <string>
#include <tinyxml2.h>

namespace contra {
namespace {

struct Region {
    std::string_view site;
    bool back;      ///< drawn on the back view
    int x, y, w, h; ///< relative to the figure's centre line, for the client's right side
    bool mirrored;  ///< a left/right pair: this is the right one, the left is mirrored
};

// The client's right side; `mirrored` regions get their `_left` twin on the other side.
constexpr std::array k_regions{
    Region{"scalp", true, -22, 18, 44, 54, false},
    Region{"forehead", false, -22, 20, 44, 14, false},
    Region{"periorbital_right", false, -20, 35, 16, 9, true},
    Region{"ear_region_right", false, -30, 38, 7, 16, true},
    Region{"nose", false, -4, 44, 8, 12, false},
    Region{"cheek_right", false, -22, 45, 16, 14, true},
    Region{"perioral", false, -10, 58, 20, 9, false},
    Region{"jawline_right", false, -21, 66, 12, 9, true},
    Region{"chin", false, -8, 68, 16, 9, false},
    Region{"neck_front", false, -8, 80, 16, 16, false},
    Region{"neck_side_right", false, -16, 80, 8, 16, true},
    Region{"neck_back", true, -12, 80, 24, 16, false},
    Region{"supraclavicular_right", false, -40, 96, 38, 10, true},
    Region{"chest_right", false, -40, 106, 38, 44, true},
    Region{"axilla_right", false, -52, 106, 12, 24, true},
    Region{"abdomen", false, -36, 150, 72, 50, false},
    Region{"groin_right", false, -36, 200, 34, 14, true},
    Region{"upper_arm_right", false, -68, 110, 15, 60, true},
    Region{"forearm_right", false, -72, 172, 15, 56, true},
    Region{"hand_right", false, -74, 230, 17, 24, true},
    Region{"thigh_front_right", false, -36, 216, 20, 90, true},
    Region{"thigh_inner_right", false, -16, 216, 14, 90, true},
    Region{"knee_right", false, -34, 308, 30, 22, true},
    Region{"shin_right", false, -32, 332, 26, 90, true},
    Region{"ankle_right", false, -30, 424, 22, 14, true},
    Region{"foot_right", false, -34, 440, 28, 16, true},
    Region{"upper_back", true, -40, 100, 80, 60, false},
    Region{"lower_back", true, -36, 160, 72, 40, false},
    Region{"buttock_right", true, -36, 200, 34, 36, true},
    Region{"thigh_back_right", true, -36, 238, 34, 68, true},
    Region{"popliteal_right", true, -34, 308, 30, 22, true},
    Region{"calf_right", true, -32, 332, 26, 90, true},
};

constexpr int k_front_centre = 150;
constexpr int k_back_centre = 420;

struct ClassStyle {
    std::string_view name;
    std::string_view colour;
    std::string_view meaning;
};

constexpr std::array k_styles{
    ClassStyle{"avoid", "#d7263d", "avoid: do not touch"},
    ClassStyle{"no-pressure", "#f4a259", "light touch only, no pressure"},
    ClassStyle{"treat", "#3c9d5d", "treat, with the report's precautions"},
    ClassStyle{"outside", "#d9d9d9", "outside the treatment area"},
};

std::string_view colour_of(std::string_view name) {
    for (const ClassStyle& style : k_styles) {
        if (style.name == name) {
            return style.colour;
        }
    }
    return "#ffffff";
}

SiteSet treatment_area(const RulePack& pack, const Profile& profile, const Report& report) {
    const Value& answer = profile.answers[pack.area_fact];
    if (answer.kind == ValueKind::sites) {
        return answer.sites;
    }
    for (const Assumption& assumption : report.assumed) {
        if (assumption.fact == pack.area_fact && assumption.value.kind == ValueKind::sites) {
            return assumption.value.sites;
        }
    }
    return pack.sites.all(); // not known: every site may be in it
}

tinyxml2::XMLElement*
add_text(tinyxml2::XMLElement* parent, int x, int y, const std::string& text, int size = 12) {
    tinyxml2::XMLElement* element = parent->InsertNewChildElement("text");
    element->SetAttribute("x", x);
    element->SetAttribute("y", y);
    element->SetAttribute("font-family", "sans-serif");
    element->SetAttribute("font-size", size);
    element->SetText(text.c_str());
    return element;
}

void add_region(tinyxml2::XMLElement* parent,
                std::string_view site,
                std::string_view css_class,
                int x,
                int y,
                int w,
                int h) {
    tinyxml2::XMLElement* rect = parent->InsertNewChildElement("rect");
    rect->SetAttribute("id", std::string(site).c_str());
    rect->SetAttribute("class", std::string(css_class).c_str());
    rect->SetAttribute("x", x);
    rect->SetAttribute("y", y);
    rect->SetAttribute("width", w);
    rect->SetAttribute("height", h);
    rect->SetAttribute("rx", 3);
    rect->SetAttribute("fill", std::string(colour_of(css_class)).c_str());
    // Not by colour alone: avoid has a heavy outline, light touch a dashed one.
    rect->SetAttribute("stroke", css_class == "avoid" ? "#000000" : "#333333");
    rect->SetAttribute("stroke-width", css_class == "avoid" ? 2.5 : 0.8);
    if (css_class == "no-pressure") {
        rect->SetAttribute("stroke-dasharray", "3 2");
        rect->SetAttribute("stroke-width", 1.5);
    }
    rect->InsertNewChildElement("title")->SetText(fmt::format("{}: {}", site, css_class).c_str());
}

bool cleared_for_treatment(const Report& report) {
    return report.verdict == Verdict::proceed ||
           report.verdict == Verdict::proceed_with_precautions;
}

} // namespace

std::string_view body_map_class(const Report& report, const SiteSet& area, std::size_t leaf) {
    if (report.avoid.contains(leaf)) {
        return "avoid";
    }
    if (report.no_pressure.contains(leaf)) {
        return "no-pressure";
    }
    if (!area.contains(leaf)) {
        return "outside";
    }
    return cleared_for_treatment(report) ? "treat" : "avoid";
}

namespace {

tinyxml2::XMLElement* add_svg_root(tinyxml2::XMLDocument& doc, const Report& report) {
    tinyxml2::XMLElement* svg = doc.NewElement("svg");
    doc.InsertEndChild(svg);
    svg->SetAttribute("xmlns", "http://www.w3.org/2000/svg");
    svg->SetAttribute("width", 800);
    svg->SetAttribute("height", 580);
    svg->SetAttribute("viewBox", "0 0 800 580");
    const std::string title = fmt::format("contra: {}", to_string(report.verdict));
    svg->InsertNewChildElement("title")->SetText(title.c_str());
    tinyxml2::XMLElement* background = svg->InsertNewChildElement("rect");
    background->SetAttribute("width", "100%");
    background->SetAttribute("height", "100%");
    background->SetAttribute("fill", "#ffffff");
    return svg;
}

void add_verdict_heading(tinyxml2::XMLElement* svg, const Report& report) {
    add_text(svg, 20, 24, fmt::format("Verdict: {}", to_string(report.verdict)), 18)
        ->SetAttribute("font-weight", "bold");
    add_text(
        svg, 20, 42, "A screening aid for the practitioner's judgement; it does not diagnose.", 11);
    if (!cleared_for_treatment(report)) {
        add_text(svg,
                 20,
                 58,
                 "Not cleared for treatment today: the whole treatment area is shown as avoid.",
                 11)
            ->SetAttribute("fill", "#d7263d");
    }
}

// Draws the front and back figures; returns which leaves of the pack they show.
std::vector<bool> add_figures(tinyxml2::XMLElement* svg,
                              const RulePack& pack,
                              const Report& report,
                              const SiteSet& area) {
    const auto& leaves = pack.sites.leaves();
    std::vector<bool> drawn(leaves.size(), false);
    auto draw = [&](std::string_view site, bool back, int x, int y, int w, int h) {
        for (std::size_t i = 0; i < leaves.size(); ++i) {
            if (leaves[i].id == site) {
                const int centre = back ? k_back_centre : k_front_centre;
                add_region(svg, site, body_map_class(report, area, i), centre + x, y + 56, w, h);
                drawn[i] = true;
                return;
            }
        }
        // not drawn: a custom pack without this site
    };
    for (const Region& region : k_regions) {
        // On the back the client's right is on the viewer's right: mirror the whole view.
        const int right_x = region.back ? -region.x - region.w : region.x;
        draw(region.site, region.back, right_x, region.y, region.w, region.h);
        if (region.mirrored) {
            std::string left(region.site);
            left.replace(left.rfind("_right"), 6, "_left");
            draw(left, region.back, -right_x - region.w, region.y, region.w, region.h);
        }
    }
    return drawn;
}

void add_view_labels(tinyxml2::XMLElement* svg) {
    add_text(svg, k_front_centre - 20, 540, "FRONT", 13);
    add_text(svg, k_front_centre - 95, 540, "R", 13);
    add_text(svg, k_front_centre + 85, 540, "L", 13);
    add_text(svg, k_back_centre - 18, 540, "BACK", 13);
    add_text(svg, k_back_centre - 95, 540, "L", 13);
    add_text(svg, k_back_centre + 85, 540, "R", 13);
}

// The legend, then the leaves the figures do not show (`drawn` false), each with its class.
void add_legend(tinyxml2::XMLElement* svg,
                const RulePack& pack,
                const Report& report,
                const SiteSet& area,
                const std::vector<bool>& drawn) {
    const auto& leaves = pack.sites.leaves();
    int y = 80;
    add_text(svg, 560, y, "Legend", 14)->SetAttribute("font-weight", "bold");
    for (const ClassStyle& style : k_styles) {
        y += 24;
        add_region(svg, fmt::format("legend-{}", style.name), style.name, 560, y - 12, 16, 16);
        add_text(svg, 582, y, std::string(style.meaning), 11);
    }
    bool heading = false;
    for (std::size_t i = 0; i < leaves.size(); ++i) {
        if (drawn[i]) {
            continue;
        }
        if (!heading) {
            y += 36;
            add_text(svg, 560, y, "Other sites", 14)->SetAttribute("font-weight", "bold");
            heading = true;
        }
        y += 22;
        const std::string_view css_class = body_map_class(report, area, i);
        add_region(svg, leaves[i].id, css_class, 560, y - 12, 16, 16);
        add_text(svg, 582, y, leaves[i].id, 11);
    }
}

} // namespace

std::string
render_body_map_svg(const RulePack& pack, const Profile& profile, const Report& report) {
    const SiteSet area = treatment_area(pack, profile, report);
    tinyxml2::XMLDocument doc;
    tinyxml2::XMLElement* svg = add_svg_root(doc, report);
    add_verdict_heading(svg, report);
    const std::vector<bool> drawn = add_figures(svg, pack, report, area);
    add_view_labels(svg);
    add_legend(svg, pack, report, area, drawn);
    tinyxml2::XMLPrinter printer;
    doc.Print(&printer);
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + printer.CStr();
}

} // namespace contra

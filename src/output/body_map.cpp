#include "output/body_map.hpp"

#include "output/body_map_figure.hpp"
#include "util/word_wrap.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <sstream>
#include <string>
#include <tinyxml2.h>
#include <vector>

namespace contra {
namespace {

constexpr int k_width = 1000;
constexpr int k_height = 690;
constexpr int k_figure_top = 120;
constexpr int k_front_centre = 160;
constexpr int k_back_centre = 420;
constexpr int k_inset_x = 600; ///< left edge of the enlarged face's frame
constexpr int k_inset_y = 120; ///< top edge of the enlarged face's frame
constexpr int k_inset_width = 380;
constexpr int k_inset_height = 250;
constexpr double k_inset_scale = 3.4;
constexpr int k_legend_x = 600;
constexpr int k_legend_y = 400;

struct ClassStyle {
    std::string_view name;
    std::string_view fill;
    std::string_view stroke;
    double stroke_width;
    std::string_view dash;    ///< stroke-dasharray, empty for a solid outline
    std::string_view meaning; ///< for the legend
};

// Not by colour alone: solid or hatched, and a heavy, dashed or thin outline.
constexpr std::array k_styles{
    ClassStyle{"avoid", "#d7263d", "#000000", 2.4, "", "avoid: do not touch"},
    ClassStyle{"no-pressure",
               "#f4a259",
               "#333333",
               1.6,
               "4 2",
               "light touch only, no pressure (dashed outline)"},
    ClassStyle{"treat", "#3c9d5d", "#333333", 0.7, "", "treat, with the report's precautions"},
    ClassStyle{"outside", "#e4e4e4", "#8c8c8c", 0.7, "", "outside the treatment area"},
    ClassStyle{"not-cleared",
               "url(#not-cleared-hatch)",
               "#3b4a6b",
               0.9,
               "",
               "not cleared yet: ask the open questions first"},
    ClassStyle{"no-treatment-today",
               "url(#no-treatment-hatch)",
               "#7a0f1c",
               0.9,
               "",
               "no treatment today, anywhere"},
};

const ClassStyle& style_of(std::string_view name) {
    for (const ClassStyle& style : k_styles) {
        if (style.name == name) {
            return style;
        }
    }
    return k_styles[3]; // outside
}

bool cleared_for_treatment(const Report& report) {
    return report.verdict == Verdict::proceed ||
           report.verdict == Verdict::proceed_with_precautions;
}

bool rules_out_treatment_today(const Report& report) {
    return !cleared_for_treatment(report) && report.verdict != Verdict::incomplete;
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

/// The rules that decide a verdict that rules out treatment today: "R10 Possible DVT".
std::vector<std::string> reasons(const RulePack& pack, const Report& report) {
    std::vector<std::string> lines;
    for (const Finding& finding : report.findings) {
        if (to_verdict(finding.level) == report.verdict) {
            const Rule& rule = pack.rules[finding.rule];
            lines.push_back(fmt::format("{} {}", rule.id, rule.title));
        }
    }
    return lines;
}

std::string joined(const std::vector<std::string>& lines, std::string_view separator) {
    std::string text;
    for (const std::string& line : lines) {
        text += (text.empty() ? "" : std::string(separator)) + line;
    }
    return text;
}

/// What a body map needs to know of one check.
struct MapContext {
    const RulePack& pack;
    const Report& report;
    SiteSet area;
    bool ruled_out;                   ///< the verdict rules out treatment today
    std::vector<std::string> reasons; ///< why, when it does
};

tinyxml2::XMLElement* add_text(tinyxml2::XMLElement* parent,
                               double x,
                               double y,
                               const std::string& text,
                               int size = 12,
                               std::string_view anchor = "start") {
    tinyxml2::XMLElement* element = parent->InsertNewChildElement("text");
    element->SetAttribute("x", x);
    element->SetAttribute("y", y);
    element->SetAttribute("font-family", "DejaVu Sans, sans-serif");
    element->SetAttribute("font-size", size);
    if (anchor != "start") {
        element->SetAttribute("text-anchor", std::string(anchor).c_str());
    }
    element->SetText(text.c_str());
    return element;
}

void add_line(tinyxml2::XMLElement* parent, double x1, double y1, double x2, double y2) {
    tinyxml2::XMLElement* line = parent->InsertNewChildElement("line");
    line->SetAttribute("x1", x1);
    line->SetAttribute("y1", y1);
    line->SetAttribute("x2", x2);
    line->SetAttribute("y2", y2);
    line->SetAttribute("stroke", "#555555");
    line->SetAttribute("stroke-width", 0.8);
}

/// Paints `element` in the style of its first class; the hatched no-pressure of a verdict that
/// rules out treatment today has a pattern of its own. The face, drawn again enlarged, has
/// finer hatching, so that its sites' outlines still show when enlarged.
void paint(tinyxml2::XMLElement* element,
           std::string_view css_class,
           bool ruled_out,
           bool on_face = false) {
    const ClassStyle& style = style_of(css_class);
    const bool hatched_light_touch = ruled_out && css_class == "no-pressure";
    element->SetAttribute(
        "class",
        (std::string(css_class) + (ruled_out && (css_class == "avoid" || css_class == "no-pressure")
                                       ? " no-treatment-today"
                                       : ""))
            .c_str());
    std::string fill(hatched_light_touch ? "url(#no-pressure-hatch)" : style.fill);
    if (on_face && fill.starts_with("url(")) {
        fill.insert(fill.size() - 1, "-face");
    }
    element->SetAttribute("fill", fill.c_str());
    element->SetAttribute("stroke", std::string(style.stroke).c_str());
    element->SetAttribute("stroke-width", style.stroke_width);
    element->SetAttribute("stroke-linejoin", "round");
    element->SetAttribute("vector-effect", "non-scaling-stroke");
    if (!style.dash.empty()) {
        element->SetAttribute("stroke-dasharray", std::string(style.dash).c_str());
    }
}

void add_stripes(tinyxml2::XMLElement* pattern,
                 std::string_view background,
                 std::string_view stripe) {
    tinyxml2::XMLElement* fill = pattern->InsertNewChildElement("rect");
    fill->SetAttribute("width", 7);
    fill->SetAttribute("height", 7);
    fill->SetAttribute("fill", std::string(background).c_str());
    tinyxml2::XMLElement* line = pattern->InsertNewChildElement("rect");
    line->SetAttribute("width", 3);
    line->SetAttribute("height", 7);
    line->SetAttribute("fill", std::string(stripe).c_str());
}

/// A hatching `id`, and `id`-face at 0.4 times its size.
void add_pattern(tinyxml2::XMLElement* defs,
                 std::string_view id,
                 std::string_view background,
                 std::string_view stripe,
                 int angle) {
    for (const bool face : {false, true}) {
        tinyxml2::XMLElement* pattern = defs->InsertNewChildElement("pattern");
        pattern->SetAttribute("id", fmt::format("{}{}", id, face ? "-face" : "").c_str());
        pattern->SetAttribute("patternUnits", "userSpaceOnUse");
        pattern->SetAttribute("width", 7);
        pattern->SetAttribute("height", 7);
        pattern->SetAttribute(
            "patternTransform",
            fmt::format("rotate({}){}", angle, face ? " scale(0.4)" : "").c_str());
        add_stripes(pattern, background, stripe);
    }
}

tinyxml2::XMLElement* add_svg_root(tinyxml2::XMLDocument& doc, const MapContext& map) {
    tinyxml2::XMLElement* svg = doc.NewElement("svg");
    doc.InsertEndChild(svg);
    svg->SetAttribute("xmlns", "http://www.w3.org/2000/svg");
    svg->SetAttribute("width", k_width);
    svg->SetAttribute("height", k_height);
    svg->SetAttribute("viewBox", fmt::format("0 0 {} {}", k_width, k_height).c_str());
    std::string title = fmt::format("contra: {}", to_string(map.report.verdict));
    if (map.ruled_out) {
        title += fmt::format(": no treatment today ({})", joined(map.reasons, "; "));
    } else if (map.report.verdict == Verdict::incomplete) {
        title += ": not cleared yet (unanswered questions could change the verdict)";
    }
    svg->InsertNewChildElement("title")->SetText(title.c_str());
    tinyxml2::XMLElement* defs = svg->InsertNewChildElement("defs");
    add_pattern(defs, "no-treatment-hatch", "#fbe1e4", "#b0182a", 45);
    add_pattern(defs, "no-pressure-hatch", "#f4a259", "#b0182a", 45);
    add_pattern(defs, "not-cleared-hatch", "#e3e8f2", "#56698f", -45);
    tinyxml2::XMLElement* background = svg->InsertNewChildElement("rect");
    background->SetAttribute("width", "100%");
    background->SetAttribute("height", "100%");
    background->SetAttribute("fill", "#ffffff");
    return svg;
}

void add_heading(tinyxml2::XMLElement* svg, const MapContext& map) {
    const std::string verdict(to_string(map.report.verdict));
    std::string headline = "Verdict: " + verdict;
    std::string detail;
    if (map.ruled_out) {
        headline += map.report.verdict == Verdict::emergency
                        ? " \u2013 no treatment: act on the report now"
                        : " \u2013 no treatment today, anywhere";
        detail = "Why: " + joined(map.reasons, "; ");
    } else if (map.report.verdict == Verdict::incomplete) {
        headline += " \u2013 not cleared yet";
        detail = "Unanswered questions could change the verdict: ask them, then check again.";
    } else {
        detail = map.report.verdict == Verdict::proceed
                     ? "Treat the green sites, the treatment area, as planned."
                     : "Treat only the green sites, with the report's precautions.";
    }
    tinyxml2::XMLElement* heading = add_text(svg, 20, 30, headline, 20);
    heading->SetAttribute("font-weight", "bold");
    if (!cleared_for_treatment(map.report)) {
        heading->SetAttribute("fill", !map.ruled_out ? "#3b4a6b" : "#a4161a");
    }
    std::istringstream lines(wrap(detail, 0, 130));
    double y = 52;
    for (std::string line; std::getline(lines, line) && y < 90; y += 17) {
        add_text(svg, 20, y, line, 14);
    }
    add_text(svg,
             20,
             y + 2,
             "A screening aid for the practitioner's judgement; it does not diagnose.",
             11)
        ->SetAttribute("fill", "#555555");
}

std::optional<std::size_t> leaf_index(const RulePack& pack, std::string_view id) {
    const auto& leaves = pack.sites.leaves();
    for (std::size_t i = 0; i < leaves.size(); ++i) {
        if (leaves[i].id == id) {
            return i;
        }
    }
    return std::nullopt;
}

std::string site_id(const FigureShape& shape, bool mirrored) {
    if (!shape.paired) {
        return std::string(shape.site);
    }
    const bool client_right = (shape.view == FigureView::front) != mirrored;
    return fmt::format("{}_{}", shape.site, client_right ? "right" : "left");
}

std::string_view shape_class(const MapContext& map, std::optional<std::size_t> leaf) {
    if (leaf) {
        return body_map_class(map.report, map.area, *leaf);
    }
    // A place on the figure the pack has no site for (a custom pack's figure)
    return !map.ruled_out ? "outside" : "no-treatment-today";
}

/// Draws one shape (mirrored: on the view's other half); returns the leaf it shows, if any.
std::optional<std::size_t> add_shape(tinyxml2::XMLElement* parent,
                                     const MapContext& map,
                                     const FigureShape& shape,
                                     bool mirrored) {
    const std::string site = site_id(shape, mirrored);
    const std::optional<std::size_t> leaf = leaf_index(map.pack, site);
    tinyxml2::XMLElement* path = parent->InsertNewChildElement("path");
    if (leaf && shape.primary) {
        path->SetAttribute("id", site.c_str());
    } else if (leaf) {
        path->SetAttribute("data-site", site.c_str());
    }
    path->SetAttribute("d", std::string(shape.path).c_str());
    if (mirrored) {
        path->SetAttribute("transform", "scale(-1,1)");
    }
    const std::string_view css_class = shape_class(map, leaf);
    paint(path, css_class, map.ruled_out, shape.face);
    path->InsertNewChildElement("title")->SetText(
        fmt::format("{}: {}", site, style_of(css_class).meaning).c_str());
    return shape.primary ? leaf : std::nullopt;
}

/// Draws one view of the figure; marks the leaves it gives an id in `drawn`.
void add_view(tinyxml2::XMLElement* svg,
              const MapContext& map,
              FigureView view,
              std::vector<bool>& drawn) {
    const bool front = view == FigureView::front;
    tinyxml2::XMLElement* group = svg->InsertNewChildElement("g");
    group->SetAttribute("id", front ? "front-view" : "back-view");
    group->SetAttribute(
        "transform",
        fmt::format("translate({},{})", front ? k_front_centre : k_back_centre, k_figure_top)
            .c_str());
    tinyxml2::XMLElement* face = nullptr;
    for (const FigureShape& shape : figure_shapes()) {
        if (shape.view != view) {
            continue;
        }
        tinyxml2::XMLElement* parent = group;
        if (shape.face) {
            if (face == nullptr) {
                face = group->InsertNewChildElement("g");
                face->SetAttribute("id", "face-shapes");
            }
            parent = face;
        }
        for (const bool mirrored : {false, true}) {
            if (mirrored && !shape.paired) {
                continue;
            }
            if (const auto leaf = add_shape(parent, map, shape, mirrored)) {
                drawn[*leaf] = true;
            }
        }
    }
}

void add_view_labels(tinyxml2::XMLElement* svg) {
    const int bottom = k_figure_top + 528;
    for (const bool front : {true, false}) {
        const int centre = front ? k_front_centre : k_back_centre;
        tinyxml2::XMLElement* name =
            add_text(svg, centre, bottom, front ? "FRONT" : "BACK", 15, "middle");
        name->SetAttribute("font-weight", "bold");
        add_text(svg, centre - 62, bottom, front ? "RIGHT" : "LEFT", 12, "middle");
        add_text(svg, centre + 62, bottom, front ? "LEFT" : "RIGHT", 12, "middle");
        add_text(svg, centre, bottom + 16, "client's right and left", 10, "middle")
            ->SetAttribute("fill", "#555555");
    }
    for (const FigureLabel& label : figure_labels()) {
        const bool front = label.view == FigureView::front;
        const int centre = front ? k_front_centre : k_back_centre;
        const double y = k_figure_top + label.y;
        // Front labels stand on the viewer's left, back labels on the right.
        const double point = front ? centre + label.x : centre - label.x;
        const double text_x = front ? centre - 88 : centre + 88;
        add_line(svg, front ? text_x + 3 : text_x - 3, y - 4, point, y - 4);
        add_text(svg, text_x, y, std::string(label.text), 11, front ? "end" : "start");
    }
}

void add_face_inset(tinyxml2::XMLElement* svg) {
    tinyxml2::XMLElement* frame = svg->InsertNewChildElement("rect");
    frame->SetAttribute("x", k_inset_x);
    frame->SetAttribute("y", k_inset_y);
    frame->SetAttribute("width", k_inset_width);
    frame->SetAttribute("height", k_inset_height);
    frame->SetAttribute("fill", "none");
    frame->SetAttribute("stroke", "#999999");
    add_text(svg, k_inset_x + 8, k_inset_y - 8, "Face, front, enlarged", 12)
        ->SetAttribute("font-weight", "bold");
    const double centre = k_inset_x + k_inset_width / 2.0;
    const double top = k_inset_y + 10;
    tinyxml2::XMLElement* face = svg->InsertNewChildElement("use");
    face->SetAttribute("href", "#face-shapes");
    face->SetAttribute(
        "transform", fmt::format("translate({},{}) scale({})", centre, top, k_inset_scale).c_str());
    for (const FigureLabel& label : face_labels()) {
        const bool left = label.x < 0;
        const double y = top + label.y * k_inset_scale;
        const double text_x = left ? centre - 115 : centre + 115;
        add_line(
            svg, left ? text_x + 3 : text_x - 3, y - 4, centre + label.x * k_inset_scale, y - 4);
        add_text(svg, text_x, y, std::string(label.text), 11, left ? "end" : "start");
    }
    add_text(svg, k_inset_x + 8, k_inset_y + k_inset_height - 8, "RIGHT", 12);
    add_text(svg, k_inset_x + k_inset_width - 8, k_inset_y + k_inset_height - 8, "LEFT", 12, "end");
}

tinyxml2::XMLElement* add_swatch(tinyxml2::XMLElement* svg,
                                 std::string_view id,
                                 std::string_view css_class,
                                 bool ruled_out,
                                 int y) {
    tinyxml2::XMLElement* swatch = svg->InsertNewChildElement("rect");
    swatch->SetAttribute("id", std::string(id).c_str());
    swatch->SetAttribute("x", k_legend_x);
    swatch->SetAttribute("y", y - 13);
    swatch->SetAttribute("width", 26);
    swatch->SetAttribute("height", 17);
    swatch->SetAttribute("rx", 2);
    paint(swatch, css_class, ruled_out);
    return swatch;
}

/// The legend's entries: the classes this verdict can give, with what they mean here.
std::vector<std::pair<std::string_view, std::string>> legend_entries(const MapContext& map) {
    if (map.ruled_out) {
        return {{"no-treatment-today",
                 fmt::format("no treatment today, anywhere ({})", to_string(map.report.verdict))},
                {"avoid", "named by a finding: do not touch"},
                {"no-pressure", "named by a finding: light touch only, once cleared"}};
    }
    std::vector<std::pair<std::string_view, std::string>> entries{
        {"avoid", std::string(style_of("avoid").meaning)},
        {"no-pressure", std::string(style_of("no-pressure").meaning)}};
    const std::string_view area_class =
        map.report.verdict == Verdict::incomplete ? "not-cleared" : "treat";
    entries.emplace_back(area_class, std::string(style_of(area_class).meaning));
    entries.emplace_back("outside", std::string(style_of("outside").meaning));
    return entries;
}

/// The rules that rule treatment out, under the legend's entry; returns the last line's y.
int add_reasons(tinyxml2::XMLElement* svg, const MapContext& map, int y) {
    for (const std::string& reason : map.reasons) {
        std::istringstream lines(wrap(reason, 2, 62));
        for (std::string line; std::getline(lines, line);) {
            y += 16;
            add_text(svg, k_legend_x + 34, y, line, 11)->SetAttribute("fill", "#a4161a");
        }
    }
    return y;
}

// The legend, then the leaves the figure does not show (`drawn` false), each with its class.
void add_legend(tinyxml2::XMLElement* svg, const MapContext& map, const std::vector<bool>& drawn) {
    const bool ruled_out = map.ruled_out;
    int y = k_legend_y;
    add_text(svg, k_legend_x, y, "Legend", 14)->SetAttribute("font-weight", "bold");
    for (const auto& [css_class, meaning] : legend_entries(map)) {
        y += 26;
        add_swatch(svg, fmt::format("legend-{}", css_class), css_class, ruled_out, y);
        add_text(svg, k_legend_x + 34, y, meaning, 12);
        if (css_class == "no-treatment-today") {
            y = add_reasons(svg, map, y);
        }
    }
    const auto& leaves = map.pack.sites.leaves();
    bool heading = false;
    for (std::size_t i = 0; i < leaves.size(); ++i) {
        if (drawn[i]) {
            continue;
        }
        if (!heading) {
            y += 34;
            add_text(svg, k_legend_x, y, "Other sites", 14)->SetAttribute("font-weight", "bold");
            heading = true;
        }
        y += 24;
        add_swatch(svg, leaves[i].id, body_map_class(map.report, map.area, i), ruled_out, y);
        add_text(svg, k_legend_x + 34, y, leaves[i].id, 11);
    }
}

} // namespace

std::string_view body_map_class(const Report& report, const SiteSet& area, std::size_t leaf) {
    if (report.avoid.contains(leaf)) {
        return "avoid";
    }
    if (report.no_pressure.contains(leaf)) {
        return "no-pressure";
    }
    if (rules_out_treatment_today(report)) {
        return "no-treatment-today";
    }
    if (!area.contains(leaf)) {
        return "outside";
    }
    return report.verdict == Verdict::incomplete ? "not-cleared" : "treat";
}

std::string
render_body_map_svg(const RulePack& pack, const Profile& profile, const Report& report) {
    const MapContext map{pack,
                         report,
                         treatment_area(pack, profile, report),
                         rules_out_treatment_today(report),
                         rules_out_treatment_today(report) ? reasons(pack, report)
                                                           : std::vector<std::string>{}};
    tinyxml2::XMLDocument doc;
    tinyxml2::XMLElement* svg = add_svg_root(doc, map);
    add_heading(svg, map);
    std::vector<bool> drawn(pack.sites.leaves().size(), false);
    add_view(svg, map, FigureView::front, drawn);
    add_view(svg, map, FigureView::back, drawn);
    add_view_labels(svg);
    add_face_inset(svg);
    add_legend(svg, map, drawn);
    tinyxml2::XMLPrinter printer;
    doc.Print(&printer);
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + printer.CStr();
}

} // namespace contra

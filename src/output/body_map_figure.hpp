#pragma once

#include <span>
#include <string_view>

namespace contra {

enum class FigureView { front, back };

/// One shape of the body map's figure: an SVG path in the view's own coordinates (x from the
/// centre line, y down from the top of the head, the figure about 500 high), drawn on the
/// viewer's left half of the view.
struct FigureShape {
    FigureView view;
    /// The site: a leaf id, or for a `paired` shape the stem of <stem>_left and <stem>_right.
    std::string_view site;
    std::string_view path;
    /// Drawn again mirrored on the other half, as the other side's site. The viewer's left half
    /// is the client's right on the front view, the client's left on the back view.
    bool paired;
    /// The one shape that carries the site's id; the others (the back of an arm, the heel, the
    /// top of the head seen from the front) echo its class without the id.
    bool primary;
    /// Part of the face, drawn again enlarged beside the figure.
    bool face;
};

/// The figure, front and back, in drawing order (the neck before the head that overlaps it).
std::span<const FigureShape> figure_shapes();

/// Where the main regions are, for their labels: a point on the view's viewer-left half.
struct FigureLabel {
    FigureView view;
    std::string_view text;
    int x, y;
};

std::span<const FigureLabel> figure_labels();

/// Labels of the enlarged face: a point with x < 0 is labelled on the left, others on the right.
std::span<const FigureLabel> face_labels();

} // namespace contra

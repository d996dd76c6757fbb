#include "output/body_map_figure.hpp"

#include <array>

namespace contra {
namespace {

constexpr auto k_front = FigureView::front;
constexpr auto k_back = FigureView::back;

// Shared outlines: the back of an arm, ankle and knee are drawn with the front's shapes.
constexpr std::string_view k_upper_arm =
    "M -47 97 Q -58 92 -61 106 L -67 180 L -53 180 L -48 118 Z";
constexpr std::string_view k_forearm = "M -67 180 L -53 180 L -58 256 L -72 256 Z";
constexpr std::string_view k_hand =
    "M -72 256 L -58 256 Q -54 272 -58 290 Q -61 299 -66 298 Q -77 282 -72 256 Z";
constexpr std::string_view k_knee = "M -38 345 L -12 345 Q -10 358 -13 372 L -36 372 "
                                    "Q -40 358 -38 345 Z";
constexpr std::string_view k_ankle = "M -30 460 L -18 460 L -17 476 L -31 476 Z";
constexpr std::string_view k_ear = "M -22 27 Q -31 26 -31 37 Q -31 48 -21 48 Z";

constexpr FigureShape pair(FigureView view, std::string_view stem, std::string_view path) {
    return {view, stem, path, true, true, false};
}

constexpr FigureShape one(FigureView view, std::string_view site, std::string_view path) {
    return {view, site, path, false, true, false};
}

constexpr FigureShape echo(FigureShape shape) {
    shape.primary = false;
    return shape;
}

constexpr FigureShape on_face(FigureShape shape) {
    shape.face = true;
    return shape;
}

// The head is an ellipse centred at (0, 34), 46 wide and 60 high; the face sites tile it.
constexpr std::array k_shapes{
    // Front: the client's right on the viewer's left.
    one(k_front, "neck_front", "M -6 56 L 6 56 L 7 89 L -7 89 Z"),
    pair(k_front, "neck_side", "M -11 52 L -6 56 L -7 89 L -17 88 Q -12 74 -11 52 Z"),
    pair(
        k_front, "supraclavicular", "M -1 88 L -17 87 Q -34 87 -52 93 L -49 101 Q -26 97 -1 100 Z"),
    pair(k_front, "chest", "M -1 100 Q -26 97 -49 101 L -44 114 L -41 152 Q -22 160 -1 155 Z"),
    pair(k_front, "upper_arm", k_upper_arm),
    pair(k_front, "forearm", k_forearm),
    pair(k_front, "hand", k_hand),
    pair(k_front, "axilla", "M -41 106 L -51 108 L -50 130 L -41 128 Z"),
    one(k_front,
        "abdomen",
        "M -41 152 Q -22 160 0 155 Q 22 160 41 152 L 35 200 L 43 230 Q 22 238 0 238 Q -22 238 -43 "
        "230 L -35 200 Z"),
    pair(k_front, "groin", "M -43 230 Q -22 238 -1 238 L -1 262 L -18 252 Q -32 244 -44 240 Z"),
    pair(k_front,
         "thigh_front",
         "M -44 240 Q -32 244 -18 252 L -20 345 L -38 345 Q -47 290 -44 240 Z"),
    pair(k_front, "thigh_inner", "M -18 252 L -1 262 Q -4 300 -12 345 L -20 345 Z"),
    pair(k_front, "knee", k_knee),
    pair(k_front, "shin", "M -36 372 L -13 372 Q -12 420 -18 460 L -30 460 Q -38 410 -36 372 Z"),
    pair(k_front, "ankle", k_ankle),
    pair(k_front,
         "foot",
         "M -31 476 L -17 476 Q -14 488 -16 496 Q -28 502 -40 496 Q -38 486 -31 476 Z"),
    on_face(pair(k_front, "ear_region", k_ear)),
    on_face(echo(one(k_front, "scalp", "M -20.3 20 A 23 30 0 0 1 20.3 20 Q 0 14 -20.3 20 Z"))),
    on_face(one(k_front, "forehead", "M -20.3 20 Q 0 14 20.3 20 L 22.9 31 L -22.9 31 Z")),
    on_face(
        pair(k_front, "periorbital", "M -3 31 L -22.9 31 Q -23.2 36 -22.5 40 Q -12 42 -3 40 Z")),
    on_face(pair(k_front,
                 "cheek",
                 "M -22.5 40 Q -12 42 -3 40 L -6 48 L -9 51 L -18.9 51 Q -21.5 46 -22.5 40 Z")),
    on_face(one(k_front, "nose", "M -3 31 L 3 31 L 3 40 L 6 48 Q 0 51 -6 48 L -3 40 Z")),
    on_face(one(
        k_front, "perioral", "M -6 48 Q 0 51 6 48 L 9 51 Q 10 55 7 58 L -7 58 Q -10 55 -9 51 Z")),
    on_face(pair(
        k_front, "jawline", "M -18.9 51 L -9 51 Q -10 55 -7 58 L -8.3 62 L -11.5 60 L -15.6 56 Z")),
    on_face(one(k_front, "chin", "M -7 58 L 7 58 L 8.3 62 Q 0 66 -8.3 62 Z")),
    // Back: the client's left on the viewer's left.
    echo(pair(k_back, "upper_arm", k_upper_arm)),
    echo(pair(k_back, "forearm", k_forearm)),
    echo(pair(k_back, "hand", k_hand)),
    one(k_back, "neck_back", "M -11 56 L 11 56 Q 12 74 17 88 L -17 88 Q -12 74 -11 56 Z"),
    echo(pair(k_back, "ear_region", k_ear)),
    one(k_back, "scalp", "M -23 34 A 23 30 0 1 1 23 34 A 23 30 0 1 1 -23 34 Z"),
    one(k_back,
        "upper_back",
        "M -17 88 Q -34 87 -52 93 L -49 101 L -44 114 L -41 152 L -38 172 L 38 172 L 41 152 L 44 "
        "114 L 49 101 L 52 93 Q 34 87 17 88 Z"),
    one(k_back,
        "lower_back",
        "M -38 172 L 38 172 L 35 200 L 43 230 Q 22 226 0 228 Q -22 226 -43 230 L -35 200 Z"),
    pair(k_back,
         "buttock",
         "M -43 230 Q -22 226 -1 228 L -1 266 Q -24 280 -45 262 Q -46 246 -43 230 Z"),
    pair(k_back,
         "thigh_back",
         "M -45 262 Q -24 280 -1 266 Q -4 300 -12 345 L -38 345 Q -47 300 -45 262 Z"),
    pair(k_back, "popliteal", k_knee),
    pair(k_back, "calf", "M -36 372 L -13 372 Q -8 400 -18 460 L -30 460 Q -42 400 -36 372 Z"),
    echo(pair(k_back, "ankle", k_ankle)),
    echo(pair(k_back,
              "foot",
              "M -31 476 L -17 476 Q -15 490 -19 497 Q -25 501 -30 497 Q -33 488 -31 476 Z")),
};

constexpr std::array k_labels{
    FigureLabel{k_front, "Face", -16, 44},
    FigureLabel{k_front, "Neck", -9, 72},
    FigureLabel{k_front, "Chest", -28, 128},
    FigureLabel{k_front, "Upper arm", -58, 150},
    FigureLabel{k_front, "Abdomen", -24, 196},
    FigureLabel{k_front, "Groin", -28, 244},
    FigureLabel{k_front, "Hand", -66, 280},
    FigureLabel{k_front, "Thigh", -32, 300},
    FigureLabel{k_front, "Knee", -26, 358},
    FigureLabel{k_front, "Shin", -25, 415},
    FigureLabel{k_front, "Foot", -30, 490},
    FigureLabel{k_back, "Back of head", -14, 24},
    FigureLabel{k_back, "Neck", -8, 72},
    FigureLabel{k_back, "Upper back", -26, 130},
    FigureLabel{k_back, "Lower back", -24, 200},
    FigureLabel{k_back, "Buttock", -24, 250},
    FigureLabel{k_back, "Back of thigh", -28, 305},
    FigureLabel{k_back, "Back of knee", -25, 358},
    FigureLabel{k_back, "Calf", -26, 415},
    FigureLabel{k_back, "Heel", -24, 490},
};

constexpr std::array k_face_labels{
    FigureLabel{k_front, "forehead", -12, 25},
    FigureLabel{k_front, "eye", -15, 36},
    FigureLabel{k_front, "cheek", -16, 46},
    FigureLabel{k_front, "jaw", -14, 56},
    FigureLabel{k_front, "ear", 28, 38},
    FigureLabel{k_front, "scalp", 8, 12},
    FigureLabel{k_front, "nose", 2, 44},
    FigureLabel{k_front, "mouth, lips", 5, 54},
    FigureLabel{k_front, "chin", 2, 62},
};

} // namespace

std::span<const FigureShape> figure_shapes() {
    return k_shapes;
}

std::span<const FigureLabel> figure_labels() {
    return k_labels;
}

std::span<const FigureLabel> face_labels() {
    return k_face_labels;
}

} // namespace contra

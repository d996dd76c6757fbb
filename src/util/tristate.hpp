#pragma once

namespace contra {

/// A truth value of Kleene's three-valued logic: an unknown answer gives `unknown`.
enum class Tri { no, unknown, yes };

constexpr Tri tri_not(Tri value) {
    if (value == Tri::unknown) {
        return Tri::unknown;
    }
    return value == Tri::yes ? Tri::no : Tri::yes;
}

/// `no AND unknown` is no; `yes AND unknown` is unknown.
constexpr Tri tri_and(Tri left, Tri right) {
    if (left == Tri::no || right == Tri::no) {
        return Tri::no;
    }
    if (left == Tri::unknown || right == Tri::unknown) {
        return Tri::unknown;
    }
    return Tri::yes;
}

/// `yes OR unknown` is yes; `no OR unknown` is unknown.
constexpr Tri tri_or(Tri left, Tri right) {
    return tri_not(tri_and(tri_not(left), tri_not(right)));
}

constexpr Tri to_tri(bool value) {
    return value ? Tri::yes : Tri::no;
}

} // namespace contra

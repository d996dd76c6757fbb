#include "util/tristate.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

constexpr Tri N = Tri::no;
constexpr Tri U = Tri::unknown;
constexpr Tri Y = Tri::yes;

TEST(Kleene, AndTable) {
    const Tri expected[3][3] = {{N, N, N}, {N, U, U}, {N, U, Y}};
    const Tri values[3] = {N, U, Y};
    for (int a = 0; a < 3; ++a) {
        for (int b = 0; b < 3; ++b) {
            EXPECT_EQ(tri_and(values[a], values[b]), expected[a][b]) << a << " AND " << b;
        }
    }
}

TEST(Kleene, OrTable) {
    const Tri expected[3][3] = {{N, U, Y}, {U, U, Y}, {Y, Y, Y}};
    const Tri values[3] = {N, U, Y};
    for (int a = 0; a < 3; ++a) {
        for (int b = 0; b < 3; ++b) {
            EXPECT_EQ(tri_or(values[a], values[b]), expected[a][b]) << a << " OR " << b;
        }
    }
}

TEST(Kleene, NotKeepsUnknown) {
    EXPECT_EQ(tri_not(N), Y);
    EXPECT_EQ(tri_not(U), U);
    EXPECT_EQ(tri_not(Y), N);
}

} // namespace
} // namespace contra

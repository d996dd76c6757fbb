#include "engine/evaluator.hpp"
#include "output/body_map.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <string>

namespace contra {
namespace {

using testing::test_pack;

constexpr std::size_t k_in_area = 0;
constexpr std::size_t k_outside = 1;
constexpr std::size_t k_avoided = 2;
constexpr std::size_t k_light_touch = 3;

Report report_with(Verdict verdict) {
    Report report;
    report.verdict = verdict;
    report.avoid.insert(k_avoided);
    report.no_pressure.insert(k_light_touch);
    return report;
}

SiteSet area() {
    SiteSet sites;
    for (const std::size_t leaf : {k_in_area, k_avoided, k_light_touch}) {
        sites.insert(leaf);
    }
    return sites;
}

TEST(BodyMapClass, AVerdictThatRulesOutTreatmentTodayMarksEverySite) {
    for (const Verdict verdict :
         {Verdict::postpone_and_refer, Verdict::do_not_massage, Verdict::emergency}) {
        const Report report = report_with(verdict);
        EXPECT_EQ(body_map_class(report, area(), k_in_area), "no-treatment-today");
        EXPECT_EQ(body_map_class(report, area(), k_outside), "no-treatment-today");
        EXPECT_EQ(body_map_class(report, area(), k_avoided), "avoid");
        EXPECT_EQ(body_map_class(report, area(), k_light_touch), "no-pressure");
    }
}

TEST(BodyMapClass, IncompleteShowsTheAreaAsNotClearedAndNeverAsTreat) {
    const Report report = report_with(Verdict::incomplete);
    EXPECT_EQ(body_map_class(report, area(), k_in_area), "not-cleared");
    EXPECT_EQ(body_map_class(report, area(), k_outside), "outside");
    EXPECT_EQ(body_map_class(report, area(), k_avoided), "avoid");
}

TEST(BodyMapClass, AClearingVerdictShowsTheAreaAsTreat) {
    for (const Verdict verdict : {Verdict::proceed, Verdict::proceed_with_precautions}) {
        const Report report = report_with(verdict);
        EXPECT_EQ(body_map_class(report, area(), k_in_area), "treat");
        EXPECT_EQ(body_map_class(report, area(), k_outside), "outside");
        EXPECT_EQ(body_map_class(report, area(), k_light_touch), "no-pressure");
    }
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++found;
    }
    return found;
}

TEST(BodyMapSvg, ACustomPacksSitesAreEachDrawnOnceThoseWithoutAPlaceListedBeside) {
    const Profile profile = testing::healthy_with("");
    const std::string svg =
        render_body_map_svg(test_pack(), profile, evaluate(test_pack(), profile));
    // calf_left has a place on the figure; face and thigh_left do not (the figure has the face's
    // own sites and thigh_front_left, ...)
    EXPECT_EQ(count(svg, "<path id=\"calf_left\""), 1U);
    EXPECT_EQ(count(svg, "id=\"face\""), 1U);
    EXPECT_EQ(count(svg, "<rect id=\"thigh_left\""), 1U);
    EXPECT_NE(svg.find("Other sites"), std::string::npos);
}

} // namespace
} // namespace contra

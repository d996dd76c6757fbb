// `contra check --body-map FILE.svg`: every site once, by id, in the class the report gives it.

#include "run_contra.hpp"
#include "scratch_path.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <tinyxml2.h>
#include <vector>

namespace contra::cli {
namespace {

using contra::testing::scratch_path;
using testing::Outcome;
using testing::run_contra;

struct BodyMap {
    std::string title;
    std::map<std::string, std::string> classes; ///< site id -> class attribute
    int elements_with_site_id = 0;
    std::multimap<std::string, std::string> echoes; ///< data-site -> the view it is drawn on
};

void read_elements(const tinyxml2::XMLElement* parent, const std::string& view, BodyMap& map) {
    for (const auto* element = parent->FirstChildElement(); element != nullptr;
         element = element->NextSiblingElement()) {
        const char* id = element->Attribute("id");
        const char* css_class = element->Attribute("class");
        if (const char* echo = element->Attribute("data-site")) {
            map.echoes.emplace(echo, view);
        }
        if (id != nullptr && css_class != nullptr && !std::string(id).starts_with("legend-")) {
            map.classes[id] = css_class;
            ++map.elements_with_site_id;
        }
        read_elements(
            element, id != nullptr && std::string(id).ends_with("-view") ? id : view, map);
    }
}

BodyMap read_body_map(const std::filesystem::path& path) {
    tinyxml2::XMLDocument doc;
    EXPECT_EQ(doc.LoadFile(path.c_str()), tinyxml2::XML_SUCCESS);
    BodyMap map;
    const tinyxml2::XMLElement* svg = doc.RootElement();
    map.title = svg->FirstChildElement("title")->GetText();
    read_elements(svg, "", map);
    return map;
}

std::filesystem::path map_path(const std::string& name) {
    return scratch_path("body_map_" + name + ".svg");
}

TEST(BodyMap, EverySiteIsDrawnOnceInTheClassOfTheReport) {
    const auto path = map_path("varicose");
    const Outcome run = run_contra({"check",
                                    PROJECT_SOURCE_DIR "/examples/advanced-varicose-veins.yaml",
                                    "--format",
                                    "json",
                                    "--body-map",
                                    path.string()});
    ASSERT_EQ(run.code, 1) << run.err;
    const nlohmann::json report = nlohmann::json::parse(run.out);
    const BodyMap map = read_body_map(path);
    const nlohmann::json sites =
        nlohmann::json::parse(run_contra({"facts", "--format", "json"}).out);
    EXPECT_EQ(map.title, "contra: proceed_with_precautions");
    EXPECT_EQ(map.elements_with_site_id, static_cast<int>(map.classes.size())); // ids are unique
    EXPECT_EQ(map.classes.size(), 54U); // every leaf of the bundled pack
    for (const auto& site : report["avoid"]) {
        EXPECT_EQ(map.classes.at(site), "avoid") << site;
    }
    for (const auto& site : report["no_pressure"]) {
        EXPECT_EQ(map.classes.at(site), "no-pressure") << site;
    }
    EXPECT_EQ(map.classes.at("calf_left"), "avoid");
    EXPECT_EQ(map.classes.at("calf_right"), "treat");
    EXPECT_EQ(map.classes.at("forehead"), "outside");
    std::filesystem::remove(path);
}

BodyMap body_map_of(const std::vector<std::string>& check_args, int expected_code) {
    const auto path = map_path(::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::vector<std::string> args{"check"};
    args.insert(args.end(), check_args.begin(), check_args.end());
    args.insert(args.end(), {"--body-map", path.string()});
    const Outcome run = run_contra(args);
    EXPECT_EQ(run.code, expected_code) << run.err;
    BodyMap map = read_body_map(path);
    std::filesystem::remove(path);
    return map;
}

TEST(BodyMap, EverySiteOfThePackHasItsOwnShapeOnTheFigure) {
    const BodyMap map = body_map_of({PROJECT_SOURCE_DIR "/examples/healthy-client.yaml"}, 0);
    const nlohmann::json sites =
        nlohmann::json::parse(run_contra({"sites", "--format", "json"}).out);
    for (const auto& leaf : sites["leaves"]) {
        EXPECT_TRUE(map.classes.contains(leaf["id"])) << leaf["id"];
    }
    EXPECT_EQ(map.classes.size(), sites["leaves"].size());
}

TEST(BodyMap, BothViewsHaveArmsHandsLegsAndFeet) {
    const BodyMap map = body_map_of({PROJECT_SOURCE_DIR "/examples/healthy-client.yaml"}, 0);
    for (const std::string side : {"_left", "_right"}) {
        for (const std::string part : {"upper_arm", "forearm", "hand", "ankle", "foot"}) {
            const auto [first, last] = map.echoes.equal_range(part + side);
            ASSERT_NE(first, last) << part + side << " is not drawn on the back view";
            EXPECT_EQ(first->second, "back-view");
        }
    }
}

TEST(BodyMap, ADoNotMassageVerdictMarksTheWholeFigureAndItsReason) {
    const BodyMap map = body_map_of({PROJECT_SOURCE_DIR "/examples/suspected-dvt.yaml"}, 3);
    EXPECT_EQ(map.title,
              "contra: do_not_massage: no treatment today (R10 Possible deep-vein "
              "thrombosis or thrombophlebitis)");
    for (const auto& [site, css_class] : map.classes) {
        EXPECT_TRUE(css_class.ends_with("no-treatment-today")) << site << ": " << css_class;
    }
    // The sites the finding names still stand out
    EXPECT_EQ(map.classes.at("calf_left"), "avoid no-treatment-today");
    EXPECT_EQ(map.classes.at("calf_right"), "no-treatment-today");
    EXPECT_EQ(map.classes.at("forehead"), "no-treatment-today");
}

TEST(BodyMap, AColdSoreOnTheLipMarksTheMouthNotTheWholeFace) {
    const BodyMap map = body_map_of({PROJECT_SOURCE_DIR "/examples/lymphatic-facial.yaml",
                                     "--set",
                                     "contagious_skin_lesion_sites=lips"},
                                    2);
    EXPECT_TRUE(map.title.starts_with("contra: postpone_and_refer: no treatment today (R36"))
        << map.title;
    EXPECT_EQ(map.classes.at("perioral"), "avoid no-treatment-today");
    EXPECT_EQ(map.classes.at("chin"), "no-treatment-today");
    EXPECT_EQ(map.classes.at("forehead"), "no-treatment-today");
    EXPECT_EQ(map.classes.at("cheek_left"), "no-pressure no-treatment-today"); // thread veins
}

TEST(BodyMap, AnIncompleteCheckShowsTheAreaAsNotClearedYet) {
    const BodyMap map = body_map_of({PROJECT_SOURCE_DIR "/examples/incomplete-intake.yaml"}, 5);
    EXPECT_EQ(
        map.title,
        "contra: incomplete: not cleared yet (unanswered questions could change the verdict)");
    EXPECT_EQ(map.classes.at("calf_left"), "not-cleared");
    EXPECT_EQ(map.classes.at("forehead"), "outside");
    for (const auto& [site, css_class] : map.classes) {
        EXPECT_NE(css_class, "treat") << site;
    }
}

TEST(BodyMap, AMapThatCannotBeWrittenMeansNoVerdict) {
    const Outcome run =
        run_contra({"check", "--suspected-dvt", "--body-map", "/nonexistent-folder/map.svg"});
    EXPECT_EQ(run.code, 73);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("cannot write the body map"), std::string::npos);
}

} // namespace
} // namespace contra::cli

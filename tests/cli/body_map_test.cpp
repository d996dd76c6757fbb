// `contra check --body-map FILE.svg`: every site once, by id, in the class the report gives it.

#include "run_contra.hpp"
#include "scratch_path.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <tinyxml2.h>

namespace contra::cli {
namespace {

using contra::testing::scratch_path;
using testing::Outcome;
using testing::run_contra;

struct BodyMap {
    std::string title;
    std::map<std::string, std::string> classes; ///< site id -> class
    int elements_with_site_id = 0;
};

BodyMap read_body_map(const std::filesystem::path& path) {
    tinyxml2::XMLDocument doc;
    EXPECT_EQ(doc.LoadFile(path.c_str()), tinyxml2::XML_SUCCESS);
    BodyMap map;
    const tinyxml2::XMLElement* svg = doc.RootElement();
    map.title = svg->FirstChildElement("title")->GetText();
    for (const auto* element = svg->FirstChildElement(); element != nullptr;
         element = element->NextSiblingElement()) {
        const char* id = element->Attribute("id");
        const char* css_class = element->Attribute("class");
        if (id == nullptr || css_class == nullptr || std::string(id).starts_with("legend-")) {
            continue;
        }
        map.classes[id] = css_class;
        ++map.elements_with_site_id;
    }
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

TEST(BodyMap, ADoNotMassageVerdictShowsNoRegionToTreat) {
    const auto path = map_path("dvt");
    const Outcome run = run_contra(
        {"check", PROJECT_SOURCE_DIR "/examples/suspected-dvt.yaml", "--body-map", path.string()});
    ASSERT_EQ(run.code, 3) << run.err;
    const BodyMap map = read_body_map(path);
    EXPECT_EQ(map.title, "contra: do_not_massage");
    for (const auto& [site, css_class] : map.classes) {
        EXPECT_NE(css_class, "treat") << site;
    }
    std::filesystem::remove(path);
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

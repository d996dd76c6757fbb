// The command line, run in process with the bundled pack: exit codes, messages, precedence.

#include "cli/app.hpp"
#include "run_contra.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace contra::cli {
namespace {

using testing::Outcome;
using testing::run_contra;

nlohmann::json json_of(const Outcome& run) {
    return nlohmann::json::parse(run.out);
}

std::filesystem::path temp_file(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("contra_cli_test_" + name);
    std::ofstream(path) << text;
    return path;
}

TEST(Cli, ASuspectedClotMeansDoNotMassage) {
    const Outcome run = run_contra({"check", "--suspected-dvt", "--format", "json"});
    EXPECT_EQ(run.code, 3) << run.err;
    EXPECT_EQ(json_of(run)["verdict"], "do_not_massage");
}

TEST(Cli, AnUlcerInTheAreaMeansPostponeAndRefer) {
    const Outcome run = run_contra({"check",
                                    "--modality",
                                    "vascular_leg_massage",
                                    "--leg-ulcer-sites",
                                    "ankle_left",
                                    "--format",
                                    "json"});
    EXPECT_EQ(run.code, 2) << run.err;
    EXPECT_EQ(json_of(run)["verdict"], "postpone_and_refer");
}

TEST(Cli, TwistedVaricoseVeinsAvoidTheSiteAndEverythingDistal) {
    const Outcome run = run_contra({"check",
                                    "--modality",
                                    "vascular_leg_massage",
                                    "--varicose-vein-sites",
                                    "calf_left",
                                    "--varicose-twisted-bulging",
                                    "--format",
                                    "json"});
    const nlohmann::json json = json_of(run);
    for (const char* site : {"calf_left", "ankle_left", "foot_left"}) {
        EXPECT_NE(std::find(json["avoid"].begin(), json["avoid"].end(), site), json["avoid"].end())
            << site;
    }
    EXPECT_EQ(std::find(json["avoid"].begin(), json["avoid"].end(), "calf_right"),
              json["avoid"].end());
    EXPECT_NE(run.code, 0); // far from every question is answered: never a plain proceed
}

TEST(Cli, VersionNamesTheProgramAndThePackWithItsHash) {
    const Outcome run = run_contra({"--version"});
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.out.find("contra 0.1.0\nrule pack: contra-vascular "), std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("sha256: "), std::string::npos);
}

TEST(Cli, HelpSaysItDoesNotDiagnoseAndListsExitCodes) {
    for (const auto& args :
         {std::vector<std::string>{"--help"}, std::vector<std::string>{"check", "--help"}}) {
        const Outcome run = run_contra(args);
        EXPECT_EQ(run.code, 0);
        EXPECT_NE(run.out.find("it does not diagnose"), std::string::npos);
        EXPECT_NE(run.out.find("5 incomplete"), std::string::npos);
        EXPECT_NE(run.out.find("78 bad rule pack"), std::string::npos);
    }
}

TEST(Cli, UsageErrorsExit64) {
    EXPECT_EQ(run_contra({"check", "--no-such-option"}).code, 64);
    EXPECT_EQ(run_contra({}).code, 64);
    EXPECT_EQ(run_contra({"check"}).code, 64);
    EXPECT_EQ(run_contra({"check", "--set", "leg_warmth"}).code, 64);
    EXPECT_EQ(run_contra({"check", "--format", "xml", "--suspected-dvt"}).code, 64);
    const Outcome conflict = run_contra({"check", "--leg-warmth", "--no-leg-warmth"});
    EXPECT_EQ(conflict.code, 64);
    EXPECT_EQ(conflict.err,
              "contra: error: --leg-warmth and --no-leg-warmth give 'leg_warmth' two "
              "different answers\n");
}

TEST(Cli, BadAnswersOnTheCommandLineExit65WithASuggestion) {
    const Outcome unknown = run_contra({"check", "--set", "leg_wamrth=yes"});
    EXPECT_EQ(unknown.code, 65);
    EXPECT_EQ(unknown.err,
              "contra: error: --set leg_wamrth=yes: unknown fact 'leg_wamrth'; did you mean "
              "'leg_warmth'?\n");
    const Outcome range = run_contra({"check", "--age-years", "200"});
    EXPECT_EQ(range.code, 65);
    EXPECT_EQ(range.err,
              "contra: error: --age-years: 200 years is outside the range of 'age_years' (16 "
              "to 110 years)\n");
    EXPECT_EQ(run_contra({"check", "--varicose-vein-sites", "calf_lft"}).code, 65);
}

TEST(Cli, AMissingProfileFileExits66) {
    const Outcome run = run_contra({"check", "/nonexistent/client.yaml"});
    EXPECT_EQ(run.code, 66);
    EXPECT_EQ(run.err,
              "contra: error: cannot open /nonexistent/client.yaml: No such file or directory\n");
    EXPECT_TRUE(run.out.empty());
}

TEST(Cli, ABadProfileExits65WithALocatedMessageAndNoVerdict) {
    const auto path = temp_file("bad.yaml", "leg_warmth: maybe\n");
    const Outcome run = run_contra({"check", path.string()});
    EXPECT_EQ(run.code, 65);
    EXPECT_TRUE(run.out.empty());
    EXPECT_NE(run.err.find(path.string() +
                           ":1:13: error: expected yes or no for 'leg_warmth', got 'maybe'"),
              std::string::npos)
        << run.err;
}

TEST(Cli, StandardInputIsReadWithADash) {
    const Outcome run =
        run_contra({"check", "-", "--format", "json"}, "{\"suspected_dvt\": \"yes\"}");
    EXPECT_EQ(run.code, 3) << run.err;
}

TEST(Cli, OptionsOverrideTheProfileFile) {
    const auto path = temp_file("override.yaml", "suspected_dvt: yes\n");
    EXPECT_EQ(run_contra({"check", path.string()}).code, 3);
    EXPECT_NE(run_contra({"check", path.string(), "--no-suspected-dvt"}).code, 3);
}

TEST(Cli, ColourOnATerminalOnlyAndNeverWithNoColor) {
    const std::string escape = "\x1b[";
    const std::vector<std::string> args{"check", "--suspected-dvt"};
    EXPECT_NE(run_contra(args, "", Environment{true, false}).out.find(escape), std::string::npos);
    EXPECT_EQ(run_contra(args, "", Environment{true, true}).out.find(escape), std::string::npos);
    EXPECT_EQ(run_contra(args, "", Environment{false, false}).out.find(escape), std::string::npos);
    const std::vector<std::string> forced{"check", "--suspected-dvt", "--color", "always"};
    EXPECT_NE(run_contra(forced, "", Environment{false, true}).out.find(escape), std::string::npos);
}

TEST(Cli, AnInvalidRulePackExits78AndChecksNothing) {
    const auto dir = std::filesystem::temp_directory_path() / "contra_cli_test_pack";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "pack.yaml")
        << "pack:\n  name: broken\n  version: '1'\n  files: [rules.yaml]\n";
    std::ofstream(dir / "rules.yaml") << "rules:\n  - id: R1\n    levle: emergency\n";
    const Outcome run = run_contra({"check", "--rules", dir.string(), "--suspected-dvt"});
    EXPECT_EQ(run.code, 78);
    EXPECT_TRUE(run.out.empty());
    EXPECT_NE(run.err.find(
                  "rules.yaml:3:5: error: unknown key 'levle' in rule 'R1'; did you mean 'level'?"),
              std::string::npos)
        << run.err;
}

} // namespace
} // namespace contra::cli

// The command line, run in process with the bundled pack: exit codes, messages, precedence.

#include "cli/app.hpp"
#include "run_contra.hpp"
#include "scratch_path.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace contra::cli {
namespace {

using contra::testing::scratch_path;
using testing::Outcome;
using testing::run_contra;

nlohmann::json json_of(const Outcome& run) {
    return nlohmann::json::parse(run.out);
}

std::filesystem::path temp_file(const std::string& name, const std::string& text) {
    const auto path = scratch_path("cli_test_" + name);
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
    // Far from every question is answered: incomplete (5), never a plain proceed.
    EXPECT_EQ(run.code, 5) << run.err;
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

// Every yes/no option takes a value after '=' as well: CLI11's flags alone read `=no` as "not
// given" (an answer lost) and `=maybe` as its own conversion error.
TEST(Cli, YesNoOptionsTakeAValueAfterAnEqualsSign) {
    // The healthy client with the warm-leg question left unanswered.
    std::ifstream healthy(PROJECT_SOURCE_DIR "/examples/healthy-client.yaml");
    std::string profile;
    for (std::string line; std::getline(healthy, line);) {
        profile += line.rfind("leg_warmth:", 0) == 0 ? "" : line + "\n";
    }
    const auto report = [&](const std::string& option) {
        return run_contra({"check", "-", option}, profile);
    };
    EXPECT_EQ(run_contra({"check", "-"}, profile).code, 5); // incomplete
    const Outcome negated = report("--no-leg-warmth");
    const Outcome equals_no = report("--leg-warmth=no");
    EXPECT_EQ(negated.code, 0) << negated.err;
    EXPECT_EQ(equals_no.code, 0) << equals_no.err;
    EXPECT_EQ(equals_no.out, negated.out);
    EXPECT_EQ(report("--leg-warmth=false").out, negated.out);
    EXPECT_EQ(report("--leg-warmth").code, 3);
    EXPECT_EQ(report("--leg-warmth=yes").out, report("--leg-warmth").out);
    EXPECT_EQ(report("--leg-warmth=YES").out, report("--leg-warmth").out);
    EXPECT_EQ(report("--leg-warmth=unknown").code, 5);

    const Outcome maybe = run_contra({"check", "--leg-warmth=maybe"});
    EXPECT_EQ(maybe.code, 65);
    EXPECT_EQ(maybe.err,
              "contra: error: --leg-warmth=maybe: expected yes, no or unknown for 'leg_warmth', "
              "got 'maybe'\n");
    const Outcome conflict = run_contra({"check", "--leg-warmth", "--leg-warmth=no"});
    EXPECT_EQ(conflict.code, 64);
    EXPECT_EQ(conflict.err,
              "contra: error: --leg-warmth and --leg-warmth=no give 'leg_warmth' two different "
              "answers\n");
    EXPECT_EQ(run_contra({"check", "--leg-warmth=no", "--no-leg-warmth", "--suspected-dvt"}).code,
              3);
    const Outcome negated_value = run_contra({"check", "--no-leg-warmth=no"});
    EXPECT_EQ(negated_value.code, 64);
    EXPECT_NE(negated_value.err.find("--no-leg-warmth takes no value; write --leg-warmth=no or "
                                     "--no-leg-warmth"),
              std::string::npos)
        << negated_value.err;
}

TEST(Cli, OtherOptionsTakeTheirValueAfterAnEqualsSign) {
    const Outcome run = run_contra({"check",
                                    "--modality=vascular_leg_massage",
                                    "--leg-ulcer-sites=Left Ankle",
                                    "--age-years=64",
                                    "--format=json"});
    EXPECT_EQ(run.code, 2) << run.err;
    EXPECT_EQ(run.out,
              run_contra({"check",
                          "--modality",
                          "vascular_leg_massage",
                          "--leg-ulcer-sites",
                          "ankle_left",
                          "--age-years",
                          "64",
                          "--format",
                          "json"})
                  .out);
    EXPECT_EQ(run_contra({"check", "--age-years=abc"}).code, 65);
    EXPECT_EQ(run_contra({"check", "--modality=mld_legz"}).code, 65);
}

TEST(Cli, SitesAreReadAsPeopleWriteThemEverywhereAnAnswerIsGiven) {
    // Twisted varicose veins at calf_left: avoid it and everything distal on that leg.
    const std::string twisted_calf_left = run_contra({"check",
                                                      "--modality=vascular_leg_massage",
                                                      "--varicose-twisted-bulging",
                                                      "--varicose-vein-sites=calf_left",
                                                      "--format=json"})
                                              .out;
    const auto expect_calf_left = [&](const Outcome& run) {
        EXPECT_EQ(run.out, twisted_calf_left) << run.err;
    };
    for (const char* spelling : {"left calf", "Calf Left", "calf-left", "left_calf"}) {
        const std::vector<std::string> base{"check",
                                            "--modality=vascular_leg_massage",
                                            "--varicose-twisted-bulging",
                                            "--format=json"};
        auto with = [&](std::vector<std::string> extra) {
            extra.insert(extra.begin(), base.begin(), base.end());
            return extra;
        };
        expect_calf_left(run_contra(with({"--varicose-vein-sites", spelling})));
        expect_calf_left(
            run_contra(with({"--set", std::string("varicose_vein_sites=") + spelling})));
        expect_calf_left(
            run_contra(with({"-"}), fmt::format("varicose_vein_sites: [{}]\n", spelling)));
        expect_calf_left(
            run_contra(with({"-"}), fmt::format("varicose_vein_sites: {}\n", spelling)));
        expect_calf_left(
            run_contra(with({"-"}), fmt::format(R"({{"varicose_vein_sites": ["{}"]}})", spelling)));
    }
    const Outcome unsided = run_contra({"check", "--set", "varicose_vein_sites=calf"});
    EXPECT_EQ(unsided.code, 65);
    EXPECT_NE(unsided.err.find("has no side: did you mean calf_left, calf_right or both"),
              std::string::npos)
        << unsided.err;
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
    EXPECT_NE(
        run.err.find(path.string() +
                     ":1:13: error: expected yes, no or unknown for 'leg_warmth', got 'maybe'"),
        std::string::npos)
        << run.err;
    std::filesystem::remove(path);
}

TEST(Cli, StandardInputIsReadWithADash) {
    const Outcome run =
        run_contra({"check", "-", "--format", "json"}, "{\"suspected_dvt\": \"yes\"}");
    EXPECT_EQ(run.code, 3) << run.err;
}

TEST(Cli, OptionsOverrideTheProfileFile) {
    const auto path = temp_file("override.yaml", "suspected_dvt: yes\n");
    EXPECT_EQ(run_contra({"check", path.string()}).code, 3);
    // The file's do_not_massage (3) is gone; the questions left unanswered make it incomplete.
    EXPECT_EQ(run_contra({"check", path.string(), "--no-suspected-dvt"}).code, 5);
    std::filesystem::remove(path);
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
    const auto dir = scratch_path("cli_test_pack");
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
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace contra::cli

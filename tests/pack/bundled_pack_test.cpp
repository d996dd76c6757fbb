// The bundled rule pack: it loads clean, the binary carries exactly it, it implements every rule
// of rules/REFERENCE.md, and its scenario suites pass and cover every rule firing and not firing.
// Each scenario is registered as its own test so a failure names it.

#include "authoring/scenario.hpp"
#include "cli/bundled_pack.hpp"
#include "pack/pack_codec.hpp"
#include "pack/pack_loader.hpp"
#include "util/file_text.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <set>

namespace contra {
namespace {

const std::filesystem::path k_rules_dir = CONTRA_RULES_DIR;

const RulePack& source_pack() {
    static const PackLoadResult result = load_pack_from_directory(k_rules_dir);
    return result.pack ? *result.pack : *new RulePack{};
}

TEST(BundledPack, LoadsWithoutAnyDiagnostic) {
    const PackLoadResult result = load_pack_from_directory(k_rules_dir);
    EXPECT_TRUE(result.pack.has_value());
    EXPECT_EQ(result.diagnostics.format(), "");
}

TEST(BundledPack, TheBinaryCarriesExactlyTheRulesFolder) {
    const std::optional<RulePack> bundled = decode_pack(cli::bundled_pack_bytes());
    ASSERT_TRUE(bundled);
    EXPECT_EQ(bundled->info.sha256, source_pack().info.sha256);
    EXPECT_TRUE(*bundled == source_pack());
}

TEST(BundledPack, ImplementsEveryRuleOfTheDomainReference) {
    std::set<std::string> expected;
    for (int n : {1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18}) {
        expected.insert(fmt::format("R{:02}", n));
    }
    for (int n = 21; n <= 58; ++n) {
        expected.insert(fmt::format("R{}", n));
    }
    // R20 is the engine's `incomplete`; R3A, R55a and R27b are named in rules/REFERENCE.md; R31c
    // splits R31's not-clearable case (see the rule's deviation note).
    expected.insert({"R3A", "R55a", "R27b", "R31c"});
    std::set<std::string> actual;
    for (const Rule& rule : source_pack().rules) {
        actual.insert(rule.id);
    }
    EXPECT_EQ(actual, expected);
}

TEST(BundledPack, EveryRuleCitesASourceAndSaysWhatToDo) {
    for (const Rule& rule : source_pack().rules) {
        EXPECT_FALSE(rule.sources.empty()) << rule.id;
        EXPECT_FALSE(rule.action.empty()) << rule.id;
        EXPECT_FALSE(rule.rationale.empty()) << rule.id;
    }
}

std::vector<std::filesystem::path> suite_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(k_rules_dir / "tests")) {
        if (entry.path().extension() == ".yaml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

const std::vector<SuiteResult>& suites() {
    static const std::vector<SuiteResult> results = [] {
        std::vector<SuiteResult> all;
        for (const auto& file : suite_files()) {
            all.push_back(run_suite(source_pack(),
                                    read_file_text(file).text,
                                    "rules/tests/" + file.filename().string(),
                                    file.parent_path()));
        }
        return all;
    }();
    return results;
}

TEST(BundledPackScenarios, SuitesAreWellFormed) {
    ASSERT_FALSE(suites().empty());
    for (const SuiteResult& suite : suites()) {
        EXPECT_EQ(suite.diagnostics.format(), "");
    }
}

TEST(BundledPackScenarios, EveryRuleIsShownFiringNotFiringAndCouldFiring) {
    const std::vector<RuleCoverage> coverage = rule_coverage(source_pack(), suites());
    for (std::size_t i = 0; i < coverage.size(); ++i) {
        const std::string& id = source_pack().rules[i].id;
        EXPECT_TRUE(coverage[i].fired) << id << " is never expected to fire";
        EXPECT_TRUE(coverage[i].not_fired) << id << " has no not_fired scenario";
        EXPECT_TRUE(coverage[i].could_fire || !coverage[i].can_be_uncertain)
            << id << " is never expected to could-fire";
    }
}

TEST(BundledPackScenarios, OnlyRulesOverAssumedAnswersAreNeverUncertain) {
    const std::vector<RuleCoverage> coverage = rule_coverage(source_pack(), suites());
    std::vector<std::string> settled;
    for (std::size_t i = 0; i < coverage.size(); ++i) {
        if (!coverage[i].can_be_uncertain) {
            settled.push_back(source_pack().rules[i].id);
        }
    }
    EXPECT_EQ(settled,
              (std::vector<std::string>{"R48"})); // reads only the assumed blood-thinner answer
}
// GoogleTest takes an int line. A scenario file is at most 1 MiB (docs/limits.md), so its line
// numbers fit; a larger one would be a bug, and is shown as line 0 rather than wrapped.
int gtest_line(std::int64_t line) {
    return line >= 0 && line <= std::numeric_limits<int>::max() ? static_cast<int>(line) : 0;
}

class ScenarioTest : public ::testing::Test {
  public:
    explicit ScenarioTest(const ScenarioOutcome* outcome) : m_outcome(outcome) {}
    void TestBody() override {
        for (const Mismatch& failure : m_outcome->failures) {
            ADD_FAILURE_AT(m_outcome->where.file.c_str(), gtest_line(m_outcome->where.line))
                << m_outcome->name << ": " << failure.describe();
        }
    }

  private:
    const ScenarioOutcome* m_outcome;
};

void register_scenarios() {
    for (const SuiteResult& suite : suites()) {
        for (const ScenarioOutcome& outcome : suite.outcomes) {
            std::string name = outcome.name;
            std::replace_if(
                name.begin(),
                name.end(),
                [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
                '_');
            const std::string file = std::filesystem::path(outcome.where.file).stem().string();
            ::testing::RegisterTest(
                ("Scenario_" + file).c_str(),
                name.c_str(),
                nullptr,
                nullptr,
                outcome.where.file.c_str(),
                gtest_line(outcome.where.line),
                [&outcome]() -> ::testing::Test* { return new ScenarioTest(&outcome); });
        }
    }
}

} // namespace
} // namespace contra

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    contra::register_scenarios();
    return RUN_ALL_TESTS();
}

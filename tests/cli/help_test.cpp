// contra's conventions for a person at a terminal: `contra help [COMMAND]`, -V, examples at
// the top of the help, listings that fit the terminal.

#include "run_contra.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace contra::cli {
namespace {

using testing::Outcome;
using testing::run_contra;

const std::vector<std::string> k_commands{"check",
                                          "explain",
                                          "rules",
                                          "facts",
                                          "sites",
                                          "test",
                                          "interview",
                                          "questions",
                                          "batch",
                                          "lint",
                                          "completion",
                                          "help"};

std::vector<std::string> text_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) {
        lines.push_back(line);
    }
    return lines;
}

std::size_t widest_line(const std::string& text) {
    std::size_t widest = 0;
    for (const std::string& line : text_lines(text)) {
        widest = std::max(widest, line.size());
    }
    return widest;
}

// COLUMNS as a test asks for it, and as it was once the test ends.
class Columns {
  public:
    explicit Columns(const char* value) {
        if (const char* previous = std::getenv("COLUMNS")) {
            m_previous = previous;
        }
        if (value == nullptr) {
            unsetenv("COLUMNS");
        } else {
            setenv("COLUMNS", value, 1);
        }
    }
    Columns(const Columns&) = delete;
    Columns& operator=(const Columns&) = delete;
    ~Columns() {
        if (m_previous) {
            setenv("COLUMNS", m_previous->c_str(), 1);
        } else {
            unsetenv("COLUMNS");
        }
    }

  private:
    std::optional<std::string> m_previous;
};

TEST(Help, HelpPrintsWhatDashDashHelpPrints) {
    const Outcome help = run_contra({"help"});
    EXPECT_EQ(help.code, 0) << help.err;
    EXPECT_EQ(help.out, run_contra({"--help"}).out);
    for (const std::string& command : k_commands) {
        const Outcome of_command = run_contra({"help", command});
        EXPECT_EQ(of_command.code, 0) << command << ": " << of_command.err;
        EXPECT_EQ(of_command.out, run_contra({command, "--help"}).out) << command;
        EXPECT_NE(of_command.out.find("Usage: contra " + command), std::string::npos) << command;
        EXPECT_NE(help.out.find("\n  " + command + " "), std::string::npos)
            << command << " is missing from contra's help";
        const std::size_t start = of_command.out.find("\nExamples:\n");
        const std::string examples =
            start == std::string::npos
                ? ""
                : of_command.out.substr(start, of_command.out.find("\n\n", start + 1) - start);
        EXPECT_LE(widest_line(examples), 80U) << command;
    }
}

TEST(Help, HelpOfAnUnknownCommandIsAUsageErrorNamingTheNearestOne) {
    const Outcome run = run_contra({"help", "chek"});
    EXPECT_EQ(run.code, 64);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err,
              "contra: error: no command 'chek'; did you mean 'check'?\n"
              "Run 'contra help' for the commands.\n");
}

TEST(Help, DashCapitalVIsDashDashVersion) {
    const Outcome short_flag = run_contra({"-V"});
    EXPECT_EQ(short_flag.code, 0) << short_flag.err;
    EXPECT_EQ(short_flag.out, run_contra({"--version"}).out);
    EXPECT_EQ(short_flag.out.rfind("contra ", 0), 0U) << short_flag.out;
}

TEST(Help, CheckHelpStartsWithThreeExamples) {
    const std::vector<std::string> lines = text_lines(run_contra({"check", "--help"}).out);
    ASSERT_GE(lines.size(), 7U);
    EXPECT_EQ(lines[1].rfind("Usage: contra check", 0), 0U) << lines[1];
    EXPECT_EQ(lines[2], "");
    EXPECT_EQ(lines[3], "Examples:");
    for (std::size_t i = 4; i < 7; ++i) {
        EXPECT_EQ(lines[i].rfind("  contra check ", 0), 0U) << lines[i];
        EXPECT_LE(lines[i].size(), 80U) << lines[i];
    }
    EXPECT_EQ(lines[7], "");
}

TEST(Help, FactsAndRulesFitEightyColumnsByDefault) {
    const Columns unset(nullptr);
    const Outcome facts = run_contra({"facts"});
    const Outcome rules = run_contra({"rules"});
    EXPECT_EQ(facts.code, 0) << facts.err;
    EXPECT_EQ(rules.code, 0) << rules.err;
    EXPECT_LE(widest_line(facts.out), 80U);
    EXPECT_LE(widest_line(rules.out), 80U);
    // Everything is still there, only wrapped: whole words, under their column.
    EXPECT_NE(facts.out.find("  question:      (practitioner) Which treatment is planned?\n"),
              std::string::npos)
        << facts.out;
    EXPECT_NE(rules.out.find("(sudden\n" + std::string(43, ' ') + "breathlessness,"),
              std::string::npos)
        << rules.out;
}

TEST(Help, FactsAndRulesFitTheWidthColumnsGives) {
    const Columns narrow("60");
    for (const char* listing : {"facts", "rules"}) {
        EXPECT_LE(widest_line(run_contra({listing}).out), 60U) << listing;
    }
}

TEST(Help, WideListsOneLinePerItem) {
    const Columns unset(nullptr);
    const Outcome rules = run_contra({"rules", "--wide"});
    EXPECT_EQ(rules.code, 0) << rules.err;
    EXPECT_GT(widest_line(rules.out), 80U);
    const std::string first_rule = text_lines(rules.out).at(1);
    EXPECT_EQ(first_rule.rfind("R01 ", 0), 0U) << first_rule;
    EXPECT_NE(first_rule.find("coughing blood)"), std::string::npos) << first_rule;
    const Outcome facts = run_contra({"facts", "--wide"});
    EXPECT_EQ(text_lines(facts.out).at(1).rfind("modality ", 0), 0U);
    EXPECT_NE(text_lines(facts.out).at(1).find("Which treatment is planned?"), std::string::npos);
}

} // namespace
} // namespace contra::cli

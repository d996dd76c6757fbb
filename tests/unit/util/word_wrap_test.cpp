#include "util/word_wrap.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace contra {
namespace {

std::vector<std::string> wrapped_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

TEST(WordWrap, WrapsAtTheWidthAndIndentsTheFollowingLines) {
    EXPECT_EQ(wrap("one two three four", 2, 9), "one two\n  three\n  four");
}

TEST(WordWrap, NeverBreaksAWord) {
    const std::string text = "a deep-vein thrombosis can dislodge and travel to the lungs";
    for (std::size_t width = 1; width <= 30; ++width) {
        const std::string wrapped = wrap(text, 0, width);
        std::string rejoined;
        for (const std::string& line : wrapped_lines(wrapped)) {
            rejoined += (rejoined.empty() ? "" : " ") + line;
        }
        EXPECT_EQ(rejoined, text) << "width " << width;
    }
}

TEST(WordWrap, AWordLongerThanTheWidthStandsAloneUnbroken) {
    const std::string url = "https://www.nice.org.uk/guidance/ng158/chapter/Recommendations";
    EXPECT_EQ(wrap("Sources: " + url + " and more", 4, 20),
              "Sources:\n    " + url + "\n    and more");
    EXPECT_EQ(wrap(url, 0, 10), url);
}

TEST(WordWrap, NoLineIsWiderThanTheWidthWhenEveryWordFits) {
    const std::string text =
        "Light pressure (Walton 2-3 at most). Strokes toward the heart. Legs slightly elevated.";
    // From 16 columns every word fits after the 10-column start and the 4-column indent.
    for (std::size_t width = 16; width <= 40; ++width) {
        const std::vector<std::string> lines = wrapped_lines(wrap(text, 4, width, 10));
        ASSERT_FALSE(lines.empty());
        EXPECT_LE(10 + display_columns(lines[0]), width) << "width " << width;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            EXPECT_LE(display_columns(lines[i]), width) << "width " << width;
        }
    }
}

TEST(WordWrap, CountsCodePointsNotBytes) {
    EXPECT_EQ(display_columns("go today – within hours"), 23U);
    // "–" is three bytes but one column: "a – b" fits five columns.
    EXPECT_EQ(wrap("a – b c", 0, 5), "a – b\nc");
}

} // namespace
} // namespace contra

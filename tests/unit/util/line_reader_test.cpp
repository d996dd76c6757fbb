#include "util/line_reader.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace contra {
namespace {

// Each line with its number, as read through a LineReader.
std::vector<std::pair<std::int64_t, std::string>> lines_of(const std::string& text,
                                                           std::size_t max_length = 1000) {
    std::istringstream in(text);
    LineReader reader(in, max_length);
    std::vector<std::pair<std::int64_t, std::string>> lines;
    std::string line;
    bool too_long = false;
    while (reader.next(line, too_long)) {
        lines.emplace_back(reader.line_number(), too_long ? "(too long)" : line);
    }
    EXPECT_EQ(reader.bytes_read(), text.size());
    return lines;
}

using Lines = std::vector<std::pair<std::int64_t, std::string>>;

TEST(LineReader, EndsALineAtLfCrlfAndALoneCr) {
    EXPECT_EQ(lines_of("a\nb\n"), (Lines{{1, "a"}, {2, "b"}}));
    EXPECT_EQ(lines_of("a\r\nb\r\n"), (Lines{{1, "a"}, {2, "b"}}));
    EXPECT_EQ(lines_of("a\rb\rc\r"), (Lines{{1, "a"}, {2, "b"}, {3, "c"}}));
    EXPECT_EQ(lines_of("a\r\nb\rc\n\r\nd"),
              (Lines{{1, "a"}, {2, "b"}, {3, "c"}, {4, ""}, {5, "d"}}));
    EXPECT_EQ(lines_of("a\n\rb"), (Lines{{1, "a"}, {2, ""}, {3, "b"}}));
    EXPECT_EQ(lines_of("\r\r\n"), (Lines{{1, ""}, {2, ""}}));
    EXPECT_EQ(lines_of(""), Lines{});
    EXPECT_EQ(lines_of("last"), (Lines{{1, "last"}}));
}

TEST(LineReader, ACrlfSplitAcrossTwoReadsIsOneLineEnd) {
    constexpr std::size_t k_buffer = std::size_t{256} * 1024; // LineReader's buffer
    for (std::size_t first : {k_buffer - 1, k_buffer - 2, k_buffer}) {
        const std::string text = std::string(first, 'x') + "\r\ny\r\n";
        const Lines lines = lines_of(text, 2 * k_buffer);
        ASSERT_EQ(lines.size(), 2U) << first;
        EXPECT_EQ(lines[0].second.size(), first);
        EXPECT_EQ(lines[1], (std::pair<std::int64_t, std::string>{2, "y"}));
    }
}

TEST(LineReader, ALongLineIsSkippedAndCounted) {
    EXPECT_EQ(lines_of("ab\rabcdef\r\nabc\n", 3),
              (Lines{{1, "ab"}, {2, "(too long)"}, {3, "abc"}}));
}

TEST(LineReader, CountsLinesPastTwoToTheThirtyOne) {
    using Number = decltype(std::declval<LineReader>().line_number());
    static_assert(std::numeric_limits<Number>::max() >= std::numeric_limits<std::int64_t>::max());
}

} // namespace
} // namespace contra

#include "util/text_encoding.hpp"

#include <gtest/gtest.h>

namespace contra {
namespace {

TEST(TextEncoding, NamesAreReadInAnyCase) {
    EXPECT_EQ(text_encoding_named("Windows-1252"), TextEncoding::windows_1252);
    EXPECT_EQ(text_encoding_named("latin-1"), TextEncoding::latin_1);
    EXPECT_EQ(text_encoding_named("UTF-8"), TextEncoding::utf8);
    EXPECT_FALSE(text_encoding_named("utf-16"));
    EXPECT_EQ(to_string(TextEncoding::windows_1252), "windows-1252");
}

TEST(TextEncoding, Utf8IsCheckedNeverReplaced) {
    EXPECT_EQ(to_utf8("Jos\xc3\xa9", TextEncoding::utf8).text, "Jos\xc3\xa9");
    const DecodedText bad = to_utf8("ok Jos\xe9!", TextEncoding::utf8);
    EXPECT_EQ(bad.invalid_at, 6U);
    EXPECT_TRUE(bad.text.empty());
    EXPECT_EQ(to_utf8("caf\xc3", TextEncoding::utf8).invalid_at, 3U) << "a truncated sequence";
    EXPECT_EQ(to_utf8("\xed\xa0\x80", TextEncoding::utf8).invalid_at, 0U) << "a surrogate";
}

TEST(TextEncoding, Windows1252HasItsOwnCharactersIn0x80To0x9f) {
    const DecodedText text = to_utf8("\x93"
                                     "caf\xe9\x94 \x80 5",
                                     TextEncoding::windows_1252);
    EXPECT_FALSE(text.invalid_at);
    EXPECT_EQ(text.text,
              "\xe2\x80\x9c"
              "caf\xc3\xa9\xe2\x80\x9d \xe2\x82\xac 5");
    EXPECT_EQ(to_utf8("ab\x81", TextEncoding::windows_1252).invalid_at, 2U)
        << "0x81 is no character of Windows-1252";
}

TEST(TextEncoding, Latin1MapsEveryByte) {
    EXPECT_EQ(to_utf8("\xe9\x80", TextEncoding::latin_1).text, "\xc3\xa9\xc2\x80");
}

TEST(TextEncoding, LongTextIsConvertedWhole) {
    const std::string text(10000, '\xe9');
    const DecodedText decoded = to_utf8(text, TextEncoding::latin_1);
    EXPECT_EQ(decoded.text.size(), 20000U);
}

} // namespace
} // namespace contra

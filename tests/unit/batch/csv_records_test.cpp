#include "batch/csv_records.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace contra {
namespace {

struct ReadCsv {
    BatchRecord header;
    std::vector<BatchRecord> rows;
};

ReadCsv read_csv_text(const std::string& text, TextEncoding encoding = TextEncoding::utf8) {
    std::istringstream in(text);
    ReadCsv read;
    auto source = csv_records(in, read.header, encoding);
    BatchRecord row;
    while (source->next(row)) {
        read.rows.push_back(row);
    }
    return read;
}

TEST(CsvRecords, AUtf8ByteOrderMarkIsNoPartOfTheFirstHeader) {
    const ReadCsv csv = read_csv_text("\xEF\xBB\xBF\"Timestamp\",id\r\n\"2024\",A-1\r\n");
    ASSERT_TRUE(csv.header.error.empty()) << csv.header.error;
    EXPECT_EQ(csv.header.cells, (std::vector<std::string>{"Timestamp", "id"}));
    ASSERT_EQ(csv.rows.size(), 1U);
    EXPECT_EQ(csv.rows[0].cells, (std::vector<std::string>{"2024", "A-1"}));
    EXPECT_EQ(csv.rows[0].line, 2);
}

TEST(CsvRecords, AByteOrderMarkInAFileDeclaredWindows1252IsAnError) {
    const ReadCsv csv = read_csv_text("\xEF\xBB\xBFid\nA-1\n", TextEncoding::windows_1252);
    EXPECT_NE(csv.header.error.find("UTF-8 byte-order mark, so it is UTF-8, not windows-1252"),
              std::string::npos)
        << csv.header.error;
}

TEST(CsvRecords, AQuotedCellKeepsItsLineBreaksAndTheRowItsFirstLine) {
    const ReadCsv csv =
        read_csv_text("id,sites\r\nA-1,\"Left calf\r\nLeft ankle\"\r\nA-2,none\r\n");
    ASSERT_EQ(csv.rows.size(), 2U);
    EXPECT_EQ(csv.rows[0].cells[1], "Left calf\nLeft ankle");
    EXPECT_EQ(csv.rows[1].line, 4);
    EXPECT_EQ(csv.rows[1].number, 2U);
}

} // namespace
} // namespace contra

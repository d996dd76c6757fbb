#include "batch/column_map.hpp"
#include "batch/csv_layout.hpp"
#include "test_pack.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace contra {
namespace {

using contra::testing::test_pack;

std::optional<ColumnMap> column_map_of(const std::string& yaml, Diagnostics& out) {
    return read_column_map(test_pack(), yaml, "map.yaml", out);
}

BatchRecord csv_row(std::vector<std::string> cells, std::int64_t line) {
    BatchRecord row;
    row.line = line;
    row.cells = std::move(cells);
    return row;
}

std::optional<CsvLayout> csv_layout_of(const ColumnMap* map,
                                       std::vector<std::string> header,
                                       Diagnostics& out,
                                       TextEncoding encoding = TextEncoding::utf8) {
    return CsvLayout::from_header(
        test_pack(), csv_row(std::move(header), 1), map, encoding, "forms.csv", out);
}

std::vector<std::string> leaf_ids_of(const Value& value) {
    return test_pack().sites.leaf_ids(value.sites);
}

const Value& csv_answer(const RecordProfile& record, std::string_view fact) {
    return record.profile->answers[*test_pack().find_fact(fact)];
}

const std::string k_form_map = R"(id: Client number
ignore: [Timestamp]
meta: [Email Address]
columns:
  Where are your varicose veins?:
    fact: varicose_sites
    answers: {"Left calf": calf_left, "Behind the knee, left": calf_left, "Right foot": foot_right,
              "None of these": none}
  Is either leg swollen?:
    fact: swelling
    answers: {"No": none, "Yes, one leg": one_leg}
)";

TEST(ColumnMap, HeadersAndAnswersAreKeyedIgnoringCaseAndSurroundingSpaces) {
    EXPECT_EQ(match_key("  Email Address\t"), "email address");
    Diagnostics out;
    const auto map = column_map_of(k_form_map, out);
    ASSERT_TRUE(map) << out.format();
    EXPECT_EQ(map->id, "Client number");
    EXPECT_TRUE(map->ignore.contains("timestamp"));
    EXPECT_TRUE(map->ignore.contains("email address")); // meta columns are not read either
    EXPECT_EQ(map->meta, std::vector<std::string>{"Email Address"});
    ASSERT_TRUE(map->columns.contains("is either leg swollen?"));
    EXPECT_EQ(map->columns.find("is either leg swollen?")->second.answers.at("yes, one leg"),
              "one_leg");
}

TEST(ColumnMap, AHeaderWithTwoRolesIsAnError) {
    Diagnostics out;
    EXPECT_FALSE(column_map_of("ignore: [Timestamp]\nmeta: [' timestamp']\n", out));
    EXPECT_NE(out.format().find("' timestamp' is named twice (under ignore and under meta)"),
              std::string::npos)
        << out.format();
    Diagnostics again;
    EXPECT_FALSE(column_map_of("id: Breathless\ncolumns: {breathless: breathless}\n", again));
    EXPECT_NE(again.format().find("named twice"), std::string::npos) << again.format();
}

TEST(ColumnMap, AnUnknownFactStillHasADidYouMean) {
    Diagnostics out;
    EXPECT_FALSE(column_map_of("columns: {Warm leg: leg_wamrth}\n", out));
    EXPECT_NE(out.format().find("did you mean 'leg_warmth'?"), std::string::npos) << out.format();
}

TEST(CsvLayout, IgnoredAndMetaColumnsAreNotReadAndMetaIsEchoed) {
    Diagnostics out;
    const auto map = column_map_of(k_form_map, out);
    ASSERT_TRUE(map) << out.format();
    const auto layout = csv_layout_of(
        &*map, {"TIMESTAMP", " client NUMBER ", "email address", "Is either leg swollen?"}, out);
    ASSERT_TRUE(layout) << out.format();
    const RecordProfile record =
        layout->read(test_pack(),
                     csv_row({"2024/05/01 9:14", "C-7", "a@example.org", " yes, ONE leg "}, 2),
                     "f");
    ASSERT_TRUE(record.profile) << record.diagnostics.format();
    EXPECT_EQ(record.id, "C-7");
    ASSERT_EQ(record.meta.size(), 1U);
    EXPECT_EQ(record.meta[0].first, "Email Address"); // the map's spelling
    EXPECT_EQ(record.meta[0].second, "a@example.org");
    EXPECT_EQ(csv_answer(record, "swelling").choice, 1); // one_leg
}

TEST(CsvLayout, AnUnmappedUnignoredHeaderStopsWithADidYouMean) {
    Diagnostics out;
    const auto map = column_map_of(k_form_map, out);
    ASSERT_TRUE(map) << out.format();
    EXPECT_FALSE(
        csv_layout_of(&*map, {"Client number", "Timestamp", "Email Addres", "Notes"}, out));
    const std::string text = out.format();
    EXPECT_NE(text.find("column 3 'Email Addres' names no fact; did you mean 'Email Address'?"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("column 4 'Notes' names no fact"), std::string::npos) << text;
    EXPECT_NE(text.find("list it under ignore:"), std::string::npos) << text;
}

TEST(CsvLayout, TheMapsIdAndMetaColumnsMustBeInTheFile) {
    Diagnostics out;
    const auto map = column_map_of(k_form_map, out);
    ASSERT_TRUE(map) << out.format();
    EXPECT_FALSE(csv_layout_of(&*map, {"Timestamp", "breathless"}, out));
    const std::string text = out.format();
    EXPECT_NE(text.find("the column map's id column 'Client number' is not in the header row"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("meta column 'Email Address'"), std::string::npos) << text;
}

TEST(CsvLayout, TwoIdColumnsAreAnError) {
    Diagnostics out;
    const auto map = column_map_of("id: Client number\n", out);
    ASSERT_TRUE(map) << out.format();
    EXPECT_FALSE(csv_layout_of(&*map, {"Client number", "ID"}, out));
    EXPECT_NE(out.format().find("column 2 'ID' repeats 'id'"), std::string::npos) << out.format();
}

TEST(CsvLayout, AMultiSelectCellIsSplitAndEachItemMapped) {
    Diagnostics out;
    const auto map = column_map_of(k_form_map, out);
    ASSERT_TRUE(map) << out.format();
    const auto layout = csv_layout_of(
        &*map,
        {"Client number", "Timestamp", "Email Address", "where are your varicose veins?"},
        out);
    ASSERT_TRUE(layout) << out.format();
    const auto sites_of = [&](const std::string& cell) {
        const RecordProfile record =
            layout->read(test_pack(), csv_row({"C-1", "", "", cell}, 2), "f");
        EXPECT_TRUE(record.profile) << cell << ": " << record.diagnostics.format();
        return record.profile ? leaf_ids_of(csv_answer(record, "varicose_sites"))
                              : std::vector<std::string>{};
    };
    const std::vector<std::string> both{"calf_left", "foot_right"};
    EXPECT_EQ(sites_of("Left calf, Right foot"), both);             // Google Forms
    EXPECT_EQ(sites_of("left calf;RIGHT FOOT;"), both);             // Microsoft Forms
    EXPECT_EQ(sites_of("Left calf\nRight foot"), both);             // JotForm
    EXPECT_EQ(sites_of("Behind the knee, left, Right foot"), both); // an option with a comma
    EXPECT_EQ(sites_of("calf_left, foot_right"), both);             // ids, as before
    EXPECT_TRUE(sites_of("None of these").empty());
    const RecordProfile separators_only =
        layout->read(test_pack(), csv_row({"C-1", "", "", " ; "}, 2), "f");
    ASSERT_TRUE(separators_only.profile);
    EXPECT_TRUE(csv_answer(separators_only, "varicose_sites").is_unknown()) << "never 'none'";
    const RecordProfile none_and_site =
        layout->read(test_pack(), csv_row({"C-1", "", "", "None of these;Left calf;"}, 2), "f");
    EXPECT_FALSE(none_and_site.profile) << "none with a site is a contradiction";
}

TEST(CsvLayout, FactIdHeadersAndValuesMatchIgnoringCase) {
    Diagnostics out;
    const auto layout = csv_layout_of(nullptr, {"ID", " Leg_Warmth", "MODALITY"}, out);
    ASSERT_TRUE(layout) << out.format();
    const RecordProfile record =
        layout->read(test_pack(), csv_row({"A-1", "Yes", "Leg_Massage"}, 2), "f");
    ASSERT_TRUE(record.profile) << record.diagnostics.format();
    EXPECT_EQ(record.id, "A-1");
    EXPECT_EQ(csv_answer(record, "leg_warmth").choice, k_yes);
    EXPECT_EQ(csv_answer(record, "modality").choice, 0);
}

TEST(CsvLayout, AByteThatIsNotUtf8IsAnErrorOfItsCellEvenInAnIgnoredColumn) {
    Diagnostics out;
    const auto map = column_map_of("ignore: [Name]\n", out);
    ASSERT_TRUE(map) << out.format();
    const auto layout = csv_layout_of(&*map, {"id", "Name", "breathless"}, out);
    ASSERT_TRUE(layout) << out.format();
    const RecordProfile record =
        layout->read(test_pack(), csv_row({"A-1", "Jos\xe9", "no"}, 7), "forms.csv");
    EXPECT_FALSE(record.profile) << "never a verdict for the record";
    ASSERT_EQ(record.diagnostics.items().size(), 1U);
    const Diagnostic& error = record.diagnostics.items()[0];
    EXPECT_EQ(error.code, DiagnosticCode::bad_encoding);
    EXPECT_EQ(error.where.line, 7);
    EXPECT_EQ(error.where.column, 2);
    EXPECT_NE(error.message.find("byte 0xe9 (byte 4 of the cell) is not UTF-8"), std::string::npos)
        << error.message;
}

TEST(CsvLayout, Windows1252CellsAreDecoded) {
    Diagnostics out;
    const auto map = column_map_of("meta: [Name]\n", out);
    ASSERT_TRUE(map) << out.format();
    const auto layout =
        csv_layout_of(&*map, {"id", "Name", "breathless"}, out, TextEncoding::windows_1252);
    ASSERT_TRUE(layout) << out.format();
    const RecordProfile record =
        layout->read(test_pack(), csv_row({"A-1", "Jos\xe9 \x93Z\x94", "no"}, 2), "forms.csv");
    ASSERT_TRUE(record.profile) << record.diagnostics.format();
    EXPECT_EQ(record.meta[0].second, "Jos\xc3\xa9 \xe2\x80\x9cZ\xe2\x80\x9d");
}

} // namespace
} // namespace contra

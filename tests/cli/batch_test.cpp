// `contra batch`, run in process: order, the worst-outcome exit code, error lines that do not
// stop the batch, and results identical to `contra check`.

#include "run_contra.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace contra::cli {
namespace {

using testing::Outcome;
using testing::run_contra;

std::vector<nlohmann::ordered_json> lines_of(const std::string& text) {
    std::vector<nlohmann::ordered_json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(nlohmann::ordered_json::parse(line));
    }
    return lines;
}

// Records that differ in ways that matter: clear, precautions, unanswered, referral, errors.
std::string varied_ndjson(std::size_t count) {
    const std::vector<std::string> kinds{
        R"({"modality": "lymphatic_facial", "sinusitis": "none"})",
        R"({"modality": "vascular_leg_massage", "leg_ulcer_sites": ["shin_left"]})",
        R"({"modality": "mld_legs", "leg_warmth": "yes"})",
        R"({"modality": "mld_legs", "leg_warmth": "sometimes"})",
        R"({"suspected_dvt": "yes"})"};
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        text += kinds[i % kinds.size()] + "\n";
    }
    return text;
}

TEST(Batch, ManyThreadsWriteTheSameLinesInInputOrderAsOne) {
    const std::string input = varied_ndjson(600); // three chunks
    const Outcome one = run_contra({"batch", "-", "--jobs", "1"}, input);
    const Outcome three = run_contra({"batch", "-", "--jobs", "3"}, input);
    EXPECT_EQ(one.code, 3); // suspected_dvt: do_not_massage, above the error lines
    EXPECT_EQ(three.code, 3);
    ASSERT_EQ(one.out, three.out);
    const auto lines = lines_of(one.out);
    ASSERT_EQ(lines.size(), 600U);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i]["record"], i + 1);
    }
}

TEST(Batch, EachResultIsWhatCheckSaysForTheSameProfile) {
    const std::string profile =
        R"({"modality": "vascular_leg_massage", "varicose_vein_sites": ["calf_left"], "varicose_twisted_bulging": "yes"})";
    const Outcome batch =
        run_contra({"batch", "-"}, R"({"id": "A-7", )" + profile.substr(1) + "\n");
    const Outcome check = run_contra({"check", "-", "--format", "json"}, profile);
    auto line = lines_of(batch.out).at(0);
    EXPECT_EQ(line["record"], 1);
    EXPECT_EQ(line["id"], "A-7");
    line.erase("record");
    line.erase("id");
    EXPECT_EQ(line, nlohmann::ordered_json::parse(check.out));
    EXPECT_EQ(batch.code, check.code);
}

// Every example, and profiles with action notes, medical clearance, few answers and bad data,
// as one YAML stream.
std::string detail_test_stream() {
    std::string stream;
    for (const auto& entry : std::filesystem::directory_iterator(PROJECT_SOURCE_DIR "/examples")) {
        const std::string extension = entry.path().extension().string();
        if (extension == ".yaml" || extension == ".json") {
            std::ifstream file(entry.path());
            stream += std::string(std::istreambuf_iterator<char>(file), {}) + "\n---\n";
        }
    }
    for (const char* profile :
         {R"({"modality": "mld_legs"})",
          R"({"modality": "vascular_leg_massage", "anticoagulant": "antiplatelet_only"})",
          R"({"modality": "mld_legs", "medical_clearance": "yes", "heart_failure": "stable"})",
          R"({"modality": "lymphatic_facial", "age_years": 70})",
          R"({"sudden_breathlessness": "yes"})",
          R"({"leg_warmth": "sometimes"})"}) {
        stream += std::string(profile) + "\n---\n";
    }
    return stream;
}

// The full line reduced to what --detail ids keeps (docs/batch.md); each finding's action notes
// are checked against the rule's action and `action_notes` in `contra rules --format json`.
nlohmann::json ids_of_full_line(nlohmann::json line,
                                const nlohmann::json& ids_line,
                                const std::map<std::string, nlohmann::json>& rules) {
    if (line.contains("errors")) {
        return line;
    }
    line.erase("assumed");
    line["detail"] = "ids";
    for (std::size_t i = 0; i < line["findings"].size(); ++i) {
        nlohmann::json& finding = line["findings"][i];
        const nlohmann::json& rule = rules.at(finding["rule"].get<std::string>());
        std::string action = rule["action"];
        for (const auto& note : ids_line["findings"].at(i)["notes"]) {
            action += " " + rule["action_notes"].at(note.get<std::size_t>()).get<std::string>();
        }
        EXPECT_EQ(finding["action"], action) << finding["rule"];
        finding = {{"rule", finding["rule"]},
                   {"level", finding["level"]},
                   {"cleared", finding["cleared"]},
                   {"notes", ids_line["findings"].at(i)["notes"]},
                   {"assumed_facts", finding["assumed_facts"]}};
    }
    for (nlohmann::json& could_fire : line["could_fire"]) {
        could_fire = {{"rule", could_fire["rule"]}, {"level", could_fire["level"]}};
    }
    for (nlohmann::json& unanswered : line["unanswered"]) {
        unanswered = {{"fact", unanswered["fact"]},
                      {"could_raise_to", unanswered["could_raise_to"]}};
    }
    return line;
}

TEST(Batch, DetailIdsIsTheFullLineWithoutThePacksTexts) {
    const std::string stream = detail_test_stream();
    const Outcome full = run_contra({"batch", "-", "--input-format", "yaml"}, stream);
    const Outcome ids =
        run_contra({"batch", "-", "--input-format", "yaml", "--detail", "ids"}, stream);
    EXPECT_EQ(ids.code, full.code);
    EXPECT_EQ(ids.code, 4);
    std::map<std::string, nlohmann::json> rules;
    const auto listing = nlohmann::json::parse(run_contra({"rules", "--format", "json"}).out);
    for (const auto& rule : listing["rules"]) {
        rules[rule["rule"].get<std::string>()] = rule;
    }
    const auto full_lines = lines_of(full.out);
    const auto ids_lines = lines_of(ids.out);
    ASSERT_EQ(ids_lines.size(), full_lines.size());
    ASSERT_EQ(ids_lines.size(), 17U); // 11 examples and 6 profiles
    std::size_t notes = 0;
    for (std::size_t i = 0; i < ids_lines.size(); ++i) {
        const nlohmann::json ids_line = ids_lines[i];
        EXPECT_EQ(ids_line, ids_of_full_line(full_lines[i], ids_line, rules)) << "record " << i + 1;
        for (const auto& finding : ids_line.value("findings", nlohmann::json::array())) {
            notes += finding["notes"].size();
        }
    }
    EXPECT_GT(notes, 0U) << "no finding with an action note was compared";
    EXPECT_LT(ids.out.size() * 3, full.out.size());
}

TEST(Batch, AnInterviewStoppedPartWayIsNeverClearerThanIncompleteAsInCheck) {
    std::ifstream file(PROJECT_SOURCE_DIR "/examples/healthy-client.yaml");
    std::stringstream healthy;
    healthy << file.rdbuf();
    const std::string unfinished = healthy.str() + "_interview: unfinished\n";
    const Outcome check = run_contra({"check", "-", "--format", "json"}, unfinished);
    const Outcome batch = run_contra({"batch", "--input-format", "yaml", "-"}, unfinished);
    ASSERT_EQ(lines_of(batch.out).size(), 1U) << batch.err;
    EXPECT_EQ(lines_of(batch.out)[0]["verdict"], "incomplete");
    EXPECT_EQ(nlohmann::json::parse(check.out)["verdict"], "incomplete");
    EXPECT_EQ(batch.code, 5);
}

TEST(Batch, DetailOtherThanFullOrIdsIsAUsageError) {
    const Outcome run = run_contra({"batch", "-", "--detail", "short"}, "{}\n");
    EXPECT_EQ(run.code, 64);
    EXPECT_EQ(run.out, "");
}

TEST(Batch, TheExitCodeIsTheMostUrgentOutcomeAndABadRecordNeverHidesAReferral) {
    const std::string clear = R"({"suspected_dvt": "no"})"
                              "\n";
    const std::string incomplete = R"({"modality": "mld_legs", "leg_warmth": "no"})"
                                   "\n";
    const std::string refer =
        R"({"modality": "vascular_leg_massage", "leg_ulcer_sites": ["shin_left"]})"
        "\n";
    const std::string emergency = R"({"sudden_breathlessness": "yes"})"
                                  "\n";
    const std::string bad = R"({"leg_warmth": "sometimes"})"
                            "\n";
    EXPECT_EQ(run_contra({"batch", "-"}, clear + refer).code, 2);
    EXPECT_EQ(run_contra({"batch", "-"}, refer + emergency + clear).code, 4);
    // A bad record outranks what allows treatment today, never a referral or an emergency.
    EXPECT_EQ(run_contra({"batch", "-"}, clear + bad).code, 65);
    EXPECT_EQ(run_contra({"batch", "-"}, incomplete + bad).code, 65);
    EXPECT_EQ(run_contra({"batch", "-"}, bad + refer).code, 2);
    for (const char* jobs : {"1", "2"}) {
        const Outcome run = run_contra({"batch", "-", "--jobs", jobs}, emergency + bad + clear);
        EXPECT_EQ(run.code, 4) << jobs;
        EXPECT_NE(run.err.find("3 profiles in"), std::string::npos) << run.err;
        EXPECT_NE(run.err.find(", 1 error\n"), std::string::npos) << "bad records are counted";
    }
}

TEST(Batch, ABadRecordIsAnErrorLineAndTheRecordsAfterItAreStillChecked) {
    const Outcome run = run_contra(
        {"batch", "-"},
        "{\"id\": \"x\", \"leg_wamth\": \"no\"}\n{\"sudden_breathlessness\": \"yes\"}\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 2U);
    const auto& error = lines[0]["errors"].at(0);
    EXPECT_EQ(lines[0]["id"], "x");
    EXPECT_EQ(error["code"], "unknown-name");
    EXPECT_EQ(error["field"], "leg_wamth");
    EXPECT_EQ(error["line"], 1);
    EXPECT_NE(error["message"].get<std::string>().find("did you mean 'leg_warmth'"),
              std::string::npos);
    EXPECT_FALSE(lines[0].contains("verdict")); // an error is never a verdict
    EXPECT_EQ(lines[1]["verdict"], "emergency");
    EXPECT_NE(run.err.find("1 emergency, 1 error\n"), std::string::npos) << run.err;
}

TEST(Batch, ErrorsInAYamlStreamAreLocatedInTheWholeInput) {
    const Outcome run =
        run_contra({"batch", "--input-format", "yaml", "-"},
                   "leg_warmth: \"no\"\n---\nmodality: mld_legs\n\nleg_warmth: maybe\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[1]["errors"][0]["line"], 5);
    EXPECT_EQ(lines[1]["errors"][0]["column"], 13);
}

TEST(Batch, ALineOverTheSizeLimitIsRefusedAloneAndByName) {
    const std::string huge = "{\"id\": \"" + std::string(std::size_t{1100} * 1024, 'x') + "\"}\n";
    const Outcome run = run_contra({"batch", "-"},
                                   huge + R"({"suspected_dvt": "yes"})"
                                          "\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0]["errors"][0]["code"], "limit-exceeded");
    EXPECT_NE(lines[0]["errors"][0]["message"].get<std::string>().find("max-file-size"),
              std::string::npos);
    EXPECT_EQ(lines[1]["verdict"], "do_not_massage");
}

TEST(Batch, CsvBlankCellsAreUnknownAndNoneIsAnEmptyList) {
    const Outcome run = run_contra({"batch", "--input-format", "csv", "-"},
                                   "modality,leg_warmth,varicose_vein_sites\n"
                                   "vascular_leg_massage,,none\n"
                                   "vascular_leg_massage,no,\"calf_left, ankle_left\"\n"
                                   "vascular_leg_massage,no,calf_left;ankle_left\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 3U);
    bool warmth_unanswered = false;
    for (const auto& item : lines[0]["unanswered"]) {
        warmth_unanswered = warmth_unanswered || item["fact"] == "leg_warmth";
    }
    EXPECT_TRUE(warmth_unanswered) << lines[0].dump();
    EXPECT_NE(lines[0]["verdict"], "proceed");
    EXPECT_EQ(lines[1]["avoid"], lines[2]["avoid"]); // a quoted comma list and a ; list agree
}

TEST(Batch, ACsvRowWithTheWrongNumberOfCellsIsAnErrorLine) {
    const Outcome run = run_contra({"batch", "--input-format", "csv", "-"},
                                   "modality,leg_warmth\nmld_legs\nmld_legs,no\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 2U);
    EXPECT_EQ(lines[0]["errors"][0]["line"], 2);
    EXPECT_NE(lines[0]["errors"][0]["message"].get<std::string>().find("1 cells; the header has 2"),
              std::string::npos);
    EXPECT_TRUE(lines[1].contains("verdict"));
    EXPECT_EQ(run.code, 65);
}

TEST(Batch, AnUnclosedQuoteIsNamedWhereItStartsAndTheRowsItSwallowedAreBad) {
    const Outcome run = run_contra({"batch", "--input-format", "csv", "-"},
                                   "modality,leg_warmth\n"
                                   "\"mld\n_legs\",no\n" // a quoted line break: one row
                                   "mld_legs,\"no\n"     // line 4: never closed
                                   "mld_legs,yes\n\n"
                                   "mld_legs,yes\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 2U) << run.out;
    EXPECT_EQ(lines[1]["record"], 2);
    EXPECT_EQ(lines[1]["errors"][0]["code"], "csv-syntax");
    EXPECT_EQ(lines[1]["errors"][0]["line"], 4);
    EXPECT_EQ(lines[1]["errors"][0]["column"], 2);
    EXPECT_EQ(lines[1]["errors"][0]["message"],
              "column 2 'leg_warmth': a quoted cell that starts on line 4 is not closed by the end "
              "of the input; 2 "
              "lines after it were read into the cell and not checked (a quote inside a quoted "
              "cell is written \"\")");
    EXPECT_NE(run.err.find("4 profiles"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("4 errors"), std::string::npos) << run.err; // "mld\n_legs" too
    EXPECT_EQ(run.code, 65);
}

TEST(Batch, AQuoteOpenedAfterAClosedCellIsNamedOnItsOwnLine) {
    const Outcome run = run_contra({"batch", "--input-format", "csv", "-"},
                                   "modality,leg_warmth\n"
                                   "\"mld\n_legs\",\"no\n" // the second cell opens on line 3
                                   "mld_legs,yes\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 1U) << run.out;
    EXPECT_EQ(lines[0]["errors"][0]["line"], 3);
    EXPECT_EQ(lines[0]["errors"][0]["column"], 2);
    EXPECT_NE(run.err.find("2 profiles"), std::string::npos) << run.err;
}

TEST(Batch, CrOnlyAndMixedLineEndsAreOneRecordALine) {
    for (const char* input :
         {"{\"modality\": \"mld_legs\"}\r{\"sudden_breathlessness\": \"yes\"}\r{\"fever\": "
          "\"yes\"}\r",
          "{\"modality\": \"mld_legs\"}\r\n{\"sudden_breathlessness\": \"yes\"}\r{\"fever\": "
          "\"yes\"}\n"}) {
        const Outcome run = run_contra({"batch", "-"}, input);
        const auto lines = lines_of(run.out);
        ASSERT_EQ(lines.size(), 3U) << run.out;
        EXPECT_EQ(lines[1]["verdict"], "emergency");
        EXPECT_EQ(lines[2]["verdict"], "do_not_massage");
        EXPECT_EQ(run.code, 4);
    }
    const Outcome csv = run_contra({"batch", "--input-format", "csv", "-"},
                                   "modality,sudden_breathlessness\rmld_legs,no\rmld_legs,yes\r");
    ASSERT_EQ(lines_of(csv.out).size(), 2U) << csv.out;
    EXPECT_EQ(lines_of(csv.out)[1]["verdict"], "emergency");
    const Outcome yaml = run_contra({"batch", "--input-format", "yaml", "-"},
                                    "modality: mld_legs\r---\rsudden_breathlessness: yes\r");
    ASSERT_EQ(lines_of(yaml.out).size(), 2U) << yaml.out;
    EXPECT_EQ(lines_of(yaml.out)[1]["verdict"], "emergency");
}

TEST(Batch, TwoRecordsGluedOnOneLineAreAnErrorWhereTheSecondStarts) {
    const Outcome run =
        run_contra({"batch", "-"},
                   "{\"modality\": \"mld_legs\"}\n"
                   "{\"modality\": \"mld_legs\"}{\"sudden_breathlessness\": \"yes\"}\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 2U) << run.out;
    EXPECT_FALSE(lines[1].contains("verdict"));
    EXPECT_EQ(lines[1]["errors"][0]["line"], 2);
    EXPECT_EQ(lines[1]["errors"][0]["column"], 25);
    EXPECT_EQ(run.code, 65);
}

TEST(Batch, NothingToCheckIsAnErrorNotAClearance) {
    const Outcome run = run_contra({"batch", "--input-format", "ndjson", "-"}, "\n\n");
    EXPECT_EQ(run.code, 65);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("holds no profiles"), std::string::npos);
}

} // namespace
} // namespace contra::cli

namespace contra::cli {
namespace {

TEST(BatchForms, AByteOrderMarkAndCrlfLineEndsAreAccepted) {
    const Outcome run = run_contra({"batch", "--input-format", "csv", "-"},
                                   "\xEF\xBB\xBFid,modality,sudden_breathlessness\r\n"
                                   "B-1,mld_legs,Yes\r\n");
    const auto lines = lines_of(run.out);
    ASSERT_EQ(lines.size(), 1U) << run.out << run.err;
    EXPECT_EQ(lines[0]["id"], "B-1");
    EXPECT_EQ(lines[0]["verdict"], "emergency");
    EXPECT_EQ(run.code, 4);
}

TEST(BatchForms, Windows1252BytesAreAnErrorLineUnlessDeclared) {
    const std::string csv = "id,modality,sudden_breathlessness\n"
                            "W-1,mld_legs,N\xe9\n"
                            "W-2,mld_legs,no\n";
    const Outcome utf8 = run_contra({"batch", "--input-format", "csv", "-"}, csv);
    const auto lines = lines_of(utf8.out);
    ASSERT_EQ(lines.size(), 2U) << utf8.out;
    EXPECT_FALSE(lines[0].contains("verdict"));
    EXPECT_EQ(lines[0]["errors"][0]["code"], "bad-encoding");
    EXPECT_EQ(lines[0]["errors"][0]["line"], 2);
    EXPECT_EQ(lines[0]["errors"][0]["column"], 3);
    EXPECT_EQ(utf8.out.find("\xef\xbf\xbd"), std::string::npos) << "never U+FFFD";
    EXPECT_EQ(utf8.code, 65);
    const Outcome declared =
        run_contra({"batch", "--input-format", "csv", "--encoding", "windows-1252", "-"}, csv);
    const auto decoded = lines_of(declared.out);
    ASSERT_EQ(decoded.size(), 2U) << declared.out;
    EXPECT_EQ(decoded[0]["errors"][0]["code"], "bad-value"); // 'Né' is read, and is no answer
    EXPECT_NE(decoded[0]["errors"][0]["message"].get<std::string>().find("N\xc3\xa9"),
              std::string::npos);
}

TEST(BatchForms, EncodingIsForCsvOnly) {
    const Outcome run =
        run_contra({"batch", "--input-format", "ndjson", "--encoding", "latin-1", "-"}, "{}\n");
    EXPECT_EQ(run.code, 64);
    EXPECT_NE(run.err.find("--encoding applies to CSV input only"), std::string::npos) << run.err;
}

} // namespace
} // namespace contra::cli

// A whole batch input, in the format the first byte picks (NDJSON, YAML stream, CSV, or FHIR
// QuestionnaireResponses on NDJSON lines): every record must come out as exactly one JSON line,
// a verdict or an error, never both or neither; the records (and the CSV rows an unclosed quote
// swallowed) are what the summary counts, and every byte of the input is read.
#include "batch/batch_runner.hpp"
#include "batch/csv_layout.hpp"
#include "batch/csv_records.hpp"
#include "batch/text_record_sources.hpp"
#include "bundled.hpp"
#include "fuzz_target.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

// The source as the batch sees it, checked as it goes: records numbered in input order (a bad
// CSV record that swallowed rows skips their numbers), and every byte read by the end.
class CheckedSource final : public contra::RecordSource {
  public:
    CheckedSource(contra::RecordSource& inner, std::size_t input_size)
        : m_inner(inner), m_input_size(input_size) {}

    bool next(contra::BatchRecord& record) override {
        if (!m_inner.next(record)) {
            if (m_inner.bytes_read() != m_input_size) {
                std::abort(); // input left unread at the end
            }
            return false;
        }
        if (record.number != m_next) {
            std::abort();
        }
        m_numbers.push_back(record.number);
        m_next = record.number + 1 + record.rows_swallowed;
        return true;
    }
    [[nodiscard]] std::size_t bytes_read() const override { return m_inner.bytes_read(); }
    /// Records and the rows they swallowed: what the summary must count.
    [[nodiscard]] std::size_t records() const { return m_next - 1; }
    [[nodiscard]] const std::vector<std::size_t>& numbers() const { return m_numbers; }

  private:
    contra::RecordSource& m_inner;
    std::size_t m_input_size;
    std::size_t m_next = 1;
    std::vector<std::size_t> m_numbers;
};

// One JSON line per record, with the record's number, a verdict or errors (never both).
void check_lines(const std::string& output, const CheckedSource& source, std::size_t counted) {
    std::istringstream lines(output);
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        const auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded() || count >= source.numbers().size() ||
            json.value("record", std::size_t{0}) != source.numbers()[count] ||
            json.contains("verdict") == json.contains("errors")) {
            std::abort();
        }
    }
    if (count != source.numbers().size() || counted != source.records()) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const contra::RulePack& pack = bundled_pack();
    std::istringstream input(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    const std::string name = "batch";
    std::unique_ptr<contra::RecordSource> source;
    std::optional<contra::CsvLayout> layout;
    contra::RecordReader read;
    switch (data[0] % 4) {
    case 0:
        source = contra::ndjson_records(input);
        break;
    case 1:
        source = contra::yaml_stream_records(input);
        break;
    case 3:
        source = contra::ndjson_records(input);
        read = [&](const contra::BatchRecord& record) {
            return contra::read_fhir_record(pack, record, name);
        };
        break;
    default: {
        contra::BatchRecord header;
        source = contra::csv_records(input, header);
        contra::Diagnostics diagnostics;
        layout = contra::CsvLayout::from_header(
            pack, header, nullptr, contra::TextEncoding::utf8, name, diagnostics);
        if (!layout) {
            return 0;
        }
        read = [&](const contra::BatchRecord& record) { return layout->read(pack, record, name); };
    }
    }
    if (!read) {
        const auto syntax =
            data[0] % 4 == 0 ? contra::ProfileSyntax::json : contra::ProfileSyntax::yaml;
        read = [&, syntax](const contra::BatchRecord& record) {
            return contra::read_text_record(pack, record, name, syntax);
        };
    }
    std::ostringstream out;
    CheckedSource checked(*source, size - 1);
    contra::StreamOutput sink(out);
    const auto run = contra::run_batch(pack, checked, read, sink, contra::BatchSettings{});
    check_lines(out.str(), checked, run.summary.records());
    return 0;
}

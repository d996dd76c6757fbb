// A whole batch input, in the format the first byte picks (NDJSON, YAML stream, CSV, or FHIR
// QuestionnaireResponses on NDJSON lines): every record must come out as exactly one JSON line,
// a verdict or an error, never both or neither.
#include "bundled.hpp"
#include "contra/batch_runner.hpp"
#include "contra/csv_layout.hpp"
#include "contra/csv_records.hpp"
#include "contra/text_record_sources.hpp"
#include "fuzz_target.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>
#include <string>

namespace {

void check_lines(const std::string& output, std::size_t records) {
    std::istringstream lines(output);
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        const auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded() || json.value("record", 0U) != count + 1 ||
            json.contains("verdict") == json.contains("errors")) {
            std::abort();
        }
    }
    if (count != records) {
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
        layout = contra::CsvLayout::from_header(pack, header, nullptr, name, diagnostics);
        if (!layout) {
            return 0;
        }
        read = [&](const contra::BatchRecord& record) { return layout->read(pack, record, name); };
    }
    }
    if (!read) {
        read = [&](const contra::BatchRecord& record) {
            return contra::read_text_record(pack, record, name);
        };
    }
    std::ostringstream out;
    contra::StreamOutput sink(out);
    const auto run = contra::run_batch(pack, *source, read, sink, contra::BatchSettings{});
    check_lines(out.str(), run.summary.records());
    return 0;
}

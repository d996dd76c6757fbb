#include "batch/text_record_sources.hpp"

#include "util/input_limits.hpp"

#include <fmt/format.h>

#include <string_view>

namespace contra {
namespace {

std::string too_long_message(std::string_view what) {
    return fmt::format("{} is longer than {} bytes (limit max-file-size)", what, k_max_file_size);
}

bool is_blank(std::string_view line) {
    const auto first = line.find_first_not_of(" \t\r\n");
    return first == std::string_view::npos || line[first] == '#';
}

class NdjsonRecords final : public RecordSource {
  public:
    explicit NdjsonRecords(std::istream& in) : m_lines(in, k_max_file_size) {}

    bool next(BatchRecord& record) override {
        bool too_long = false;
        while (m_lines.next(m_line, too_long)) {
            if (!too_long && m_line.find_first_not_of(" \t") == std::string::npos) {
                continue;
            }
            record.number = ++m_count;
            record.line = m_lines.line_number();
            record.text.swap(m_line);
            record.error = too_long ? too_long_message("the line") : std::string{};
            record.too_long = too_long;
            record.rows_swallowed = 0;
            return true;
        }
        return false;
    }
    [[nodiscard]] std::size_t bytes_read() const override { return m_lines.bytes_read(); }

  private:
    LineReader m_lines;
    std::string m_line;
    std::size_t m_count = 0;
};

// A document marker is `---` or `...` alone or followed by a space; content after `--- ` stays
// in the document, with the marker blanked so that columns still match the input.
enum class Marker { none, start, end };

Marker marker_of(std::string_view line) {
    if (line.size() >= 3 && (line.size() == 3 || line[3] == ' ' || line[3] == '\t')) {
        if (line.starts_with("---")) {
            return Marker::start;
        }
        if (line.starts_with("...")) {
            return Marker::end;
        }
    }
    return Marker::none;
}

class YamlStreamRecords final : public RecordSource {
  public:
    explicit YamlStreamRecords(std::istream& in) : m_lines(in, k_max_file_size) {}

    bool next(BatchRecord& record) override {
        std::string document;
        std::int64_t first_line = 0;
        bool blank = true;
        bool too_long = false;
        bool line_too_long = false;
        for (;;) {
            if (!m_pending.empty() || m_pending_line > 0) {
                document.swap(m_pending);
                m_pending.clear();
                first_line = m_pending_line;
                blank = is_blank(document);
                m_pending_line = 0;
            }
            if (!m_lines.next(m_line, line_too_long)) {
                break;
            }
            too_long = too_long || line_too_long;
            const Marker marker = marker_of(m_line);
            if (marker != Marker::none) {
                if (marker == Marker::start) {
                    m_pending = std::string(3, ' ') + m_line.substr(3) + '\n';
                    m_pending_line = m_lines.line_number();
                }
                if (!blank || too_long) {
                    return emit(record, document, first_line, too_long);
                }
                document.clear();
                too_long = false;
                blank = true;
                continue;
            }
            if (first_line == 0) {
                first_line = m_lines.line_number();
            }
            blank = blank && is_blank(m_line);
            if (!too_long && document.size() + m_line.size() + 1 > k_max_file_size) {
                too_long = true;
            }
            if (!too_long) {
                document += m_line;
                document += '\n';
            }
        }
        if (blank && !too_long) {
            return false;
        }
        return emit(record, document, first_line, too_long);
    }
    [[nodiscard]] std::size_t bytes_read() const override { return m_lines.bytes_read(); }

  private:
    bool emit(BatchRecord& record, std::string& document, std::int64_t first_line, bool too_long) {
        record.number = ++m_count;
        record.line = first_line;
        record.text = too_long ? std::string{} : std::move(document);
        record.error = too_long ? too_long_message("the document") : std::string{};
        record.too_long = too_long;
        record.rows_swallowed = 0;
        return true;
    }

    LineReader m_lines;
    std::string m_line;
    std::string m_pending; ///< the start of the next document, from its `---` line
    std::int64_t m_pending_line = 0;
    std::size_t m_count = 0;
};

} // namespace

std::unique_ptr<RecordSource> ndjson_records(std::istream& in) {
    return std::make_unique<NdjsonRecords>(in);
}

std::unique_ptr<RecordSource> yaml_stream_records(std::istream& in) {
    return std::make_unique<YamlStreamRecords>(in);
}

} // namespace contra

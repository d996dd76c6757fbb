#include "batch/csv_records.hpp"

#include "util/input_limits.hpp"
#include "util/line_reader.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <csv.h>
#include <deque>
#include <string_view>

namespace contra {
namespace {

// Feeds libcsv one line at a time, so that each row knows the line it starts on and a
// malformed row costs only itself: the parser starts afresh on the next line.
class CsvRecords final : public RecordSource {
  public:
    CsvRecords(std::istream& in, TextEncoding encoding)
        : m_lines(in, k_max_file_size), m_encoding(encoding) {
        reset_parser();
    }
    ~CsvRecords() override { csv_free(&m_parser); }
    CsvRecords(const CsvRecords&) = delete;
    CsvRecords& operator=(const CsvRecords&) = delete;

    bool next(BatchRecord& record) override {
        while (m_ready.empty() && !m_finished) {
            feed_line();
        }
        if (m_ready.empty()) {
            return false;
        }
        record = std::move(m_ready.front());
        m_ready.pop_front();
        record.number = m_count++;
        m_count += record.rows_swallowed;
        return true;
    }
    [[nodiscard]] std::size_t bytes_read() const override { return m_lines.bytes_read(); }

  private:
    void reset_parser() {
        csv_init(&m_parser, CSV_STRICT | CSV_STRICT_FINI);
        m_row = {};
        m_row_bytes = 0;
        m_row_open = false;
        m_field_line = 0;
        m_lines_after_field = 0;
    }

    void feed_line() {
        bool too_long = false;
        if (!m_lines.next(m_line, too_long)) {
            if (csv_fini(&m_parser, on_cell, on_row_end, this) != 0) {
                fail_unclosed_quote("by the end of the input");
            }
            m_finished = true;
            return;
        }
        const std::int64_t line = m_lines.line_number();
        if (line == 1 && m_line.starts_with(k_byte_order_mark) && !skip_byte_order_mark()) {
            return;
        }
        const bool blank = m_line.find_first_not_of(" \t") == std::string::npos;
        if (!m_row_open && !blank) {
            m_row_open = true;
            m_row.line = line;
            m_field_line = line;
        }
        if (m_row_open && !blank && line > m_field_line) {
            ++m_lines_after_field;
        }
        m_row_bytes += m_line.size() + 1;
        if (too_long || m_row_bytes > k_max_file_size) {
            if (m_lines_after_field > 0) {
                fail_unclosed_quote(
                    fmt::format("within {} bytes (limit max-file-size)", k_max_file_size));
                return;
            }
            fail(fmt::format("the row is longer than {} bytes (limit max-file-size)",
                             k_max_file_size),
                 true);
            return;
        }
        m_line += '\n';
        if (csv_parse(&m_parser, m_line.data(), m_line.size(), on_cell, on_row_end, this) !=
            m_line.size()) {
            fail(fmt::format("malformed CSV ({}); a quote inside a quoted cell is written \"\"",
                             csv_strerror(csv_error(&m_parser))));
        }
    }

    // A UTF-8 byte-order mark (Excel's "CSV UTF-8", JotForm) is no part of the first header.
    // In a file declared in another encoding it says the declaration is wrong.
    bool skip_byte_order_mark() {
        if (m_encoding != TextEncoding::utf8) {
            m_row.line = 1;
            fail(fmt::format("the file starts with a UTF-8 byte-order mark, so it is UTF-8, not "
                             "{}; leave out --encoding",
                             to_string(m_encoding)));
            m_ready.back().wrong_encoding = true;
            return false;
        }
        m_line.erase(0, k_byte_order_mark.size());
        return true;
    }

    void fail(std::string message, bool too_long = false) {
        BatchRecord bad;
        bad.too_long = too_long;
        bad.line = m_row.line > 0 ? m_row.line : m_lines.line_number();
        bad.error = std::move(message);
        m_ready.push_back(std::move(bad));
        csv_free(&m_parser);
        reset_parser();
    }

    // A cell still open across lines: its quote opened on m_field_line, and every non-blank
    // line after it, each a row had the quote been closed, went into the cell unchecked. The
    // error names that line, and the rows it swallowed count as bad records of their own.
    void fail_unclosed_quote(std::string_view where) {
        const std::int64_t field_line = m_field_line;
        const std::size_t swallowed = m_lines_after_field;
        const std::size_t cell = m_row.cells.size() + 1;
        fail(fmt::format("a quoted cell that starts on line {} is not closed {}; {} line{} after "
                         "it {} read into the cell and not checked (a quote inside a quoted "
                         "cell is written \"\")",
                         field_line,
                         where,
                         swallowed,
                         swallowed == 1 ? "" : "s",
                         swallowed == 1 ? "was" : "were"));
        m_ready.back().line = field_line;
        m_ready.back().error_cell = cell;
        m_ready.back().rows_swallowed = swallowed;
    }

    static void on_cell(void* cell, std::size_t length, void* self) {
        auto* records = static_cast<CsvRecords*>(self);
        records->m_row.cells.emplace_back(static_cast<const char*>(cell), length);
        // The next cell starts on the line this one ended on.
        records->m_field_line = records->m_lines.line_number();
        records->m_lines_after_field = 0;
    }

    static void on_row_end(int /*terminator*/, void* self) {
        auto* records = static_cast<CsvRecords*>(self);
        if (records->m_row.line == 0) {
            records->m_row.line = records->m_lines.line_number();
        }
        records->m_ready.push_back(std::move(records->m_row));
        records->m_row = {};
        records->m_row_bytes = 0;
        records->m_row_open = false;
        records->m_field_line = 0;
        records->m_lines_after_field = 0;
    }

    static constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";

    LineReader m_lines;
    TextEncoding m_encoding;
    csv_parser m_parser{};
    std::string m_line;
    BatchRecord m_row;
    std::size_t m_row_bytes = 0;
    bool m_row_open = false;
    std::int64_t m_field_line = 0;       ///< where the cell being read starts
    std::size_t m_lines_after_field = 0; ///< non-blank lines read into that cell since
    bool m_finished = false;
    std::deque<BatchRecord> m_ready;
    std::size_t m_count = 0; ///< the header is row 0, so the first record is number 1
};

} // namespace

std::unique_ptr<RecordSource>
csv_records(std::istream& in, BatchRecord& header, TextEncoding encoding) {
    auto records = std::make_unique<CsvRecords>(in, encoding);
    if (!records->next(header)) {
        header.error = "the CSV file is empty; expected a header row of fact ids or column names";
    }
    return records;
}

} // namespace contra

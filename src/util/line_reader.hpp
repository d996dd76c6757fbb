#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace contra {

/// Reads a stream line by line through a fixed buffer. A line ends at LF, CRLF or a lone CR
/// (old Mac files, and files whose line ends were mixed by an editor), so that no record hides
/// inside another's line. A line longer than `max_length` is reported as too long and skipped,
/// never held whole: memory stays bounded whatever the input.
class LineReader {
  public:
    LineReader(std::istream& in, std::size_t max_length);

    /// The next line without its line end into `line`; false at the end. `too_long` says the
    /// line exceeded the limit; `line` is then empty.
    bool next(std::string& line, bool& too_long);
    /// 1-based, of the line last returned; 64-bit, as an input may hold more than 2^31 lines.
    [[nodiscard]] std::int64_t line_number() const { return m_line_number; }
    [[nodiscard]] std::size_t bytes_read() const { return m_bytes_read; }

  private:
    bool fill();
    void take_line_end(char end);

    std::istream& m_in;
    std::size_t m_max_length;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    bool m_skip_lf = false; ///< the last line ended at a CR at the buffer's end: a LF may follow
    std::int64_t m_line_number = 0;
    std::size_t m_bytes_read = 0;
};

} // namespace contra

#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace contra {

/// Reads a stream line by line through a fixed buffer. A line longer than `max_length` is
/// reported as too long and skipped, never held whole: memory stays bounded whatever the input.
class LineReader {
  public:
    LineReader(std::istream& in, std::size_t max_length);

    /// The next line without its line break (and without a trailing CR) into `line`; false at
    /// the end. `too_long` says the line exceeded the limit; `line` is then empty.
    bool next(std::string& line, bool& too_long);
    [[nodiscard]] int line_number() const { return m_line_number; }
    [[nodiscard]] std::size_t bytes_read() const { return m_bytes_read; }

  private:
    bool fill();

    std::istream& m_in;
    std::size_t m_max_length;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    int m_line_number = 0;
    std::size_t m_bytes_read = 0;
};

} // namespace contra

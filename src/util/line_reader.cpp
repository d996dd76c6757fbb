#include "util/line_reader.hpp"

#include <cstring>

namespace contra {
namespace {

// The first CR or LF in [begin, end), or end. Two memchr calls: both are vectorised, and the
// second only scans what comes before the first LF.
const char* find_line_end(const char* begin, const char* end) {
    const auto* newline =
        static_cast<const char*>(std::memchr(begin, '\n', static_cast<std::size_t>(end - begin)));
    const char* stop = newline != nullptr ? newline : end;
    const auto* carriage_return =
        static_cast<const char*>(std::memchr(begin, '\r', static_cast<std::size_t>(stop - begin)));
    return carriage_return != nullptr ? carriage_return : stop;
}

} // namespace

LineReader::LineReader(std::istream& in, std::size_t max_length)
    : m_in(in), m_max_length(max_length), m_buffer(std::size_t{256} * 1024) {}

bool LineReader::fill() {
    m_begin = m_end = 0;
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    m_end = got;
    m_bytes_read += got;
    return got > 0;
}

// Steps over the line end found at m_begin: LF, CR, or CR and LF (possibly in the next fill).
void LineReader::take_line_end(char end) {
    ++m_begin;
    if (end != '\r') {
        return;
    }
    if (m_begin < m_end) {
        if (m_buffer[m_begin] == '\n') {
            ++m_begin;
        }
    } else {
        m_skip_lf = true;
    }
}

bool LineReader::next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
        if (m_begin == m_end && !fill()) {
            if (!any) {
                return false;
            }
            break;
        }
        if (m_skip_lf) {
            m_skip_lf = false;
            if (m_buffer[m_begin] == '\n') {
                ++m_begin;
                continue;
            }
        }
        const char* begin = m_buffer.data() + m_begin;
        const char* end = m_buffer.data() + m_end;
        const char* stop = find_line_end(begin, end);
        const auto length = static_cast<std::size_t>(stop - begin);
        if (!too_long) {
            if (line.size() + length > m_max_length) {
                too_long = true;
                line.clear();
            } else {
                line.append(begin, length);
            }
        }
        any = true;
        m_begin += length;
        if (stop != end) {
            take_line_end(*stop);
            break;
        }
    }
    ++m_line_number;
    return true;
}

} // namespace contra

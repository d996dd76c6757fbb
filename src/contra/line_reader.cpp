#include "contra/line_reader.hpp"

#include <cstring>

namespace contra {

LineReader::LineReader(std::istream& in, std::size_t max_length)
    : m_in(in), m_max_length(max_length), m_buffer(std::size_t{256} * 1024) {}

bool LineReader::fill() {
    if (m_begin == m_end) {
        m_begin = m_end = 0;
    }
    if (m_end == m_buffer.size()) {
        return false;
    }
    m_in.read(m_buffer.data() + m_end, static_cast<std::streamsize>(m_buffer.size() - m_end));
    const auto got = static_cast<std::size_t>(m_in.gcount());
    m_end += got;
    m_bytes_read += got;
    return got > 0;
}

bool LineReader::next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
        const char* begin = m_buffer.data() + m_begin;
        const char* end = m_buffer.data() + m_end;
        const auto* found = static_cast<const char*>(
            std::memchr(begin, '\n', static_cast<std::size_t>(end - begin)));
        const char* newline = found != nullptr ? found : end;
        const auto length = static_cast<std::size_t>(newline - begin);
        if (!too_long) {
            if (line.size() + length > m_max_length) {
                too_long = true;
                line.clear();
            } else {
                line.append(begin, length);
            }
        }
        any = any || length > 0 || newline != end;
        if (newline != end) {
            m_begin += length + 1;
            break;
        }
        m_begin = m_end;
        if (!fill()) {
            if (!any) {
                return false;
            }
            break;
        }
    }
    ++m_line_number;
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return true;
}

} // namespace contra

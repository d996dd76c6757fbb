#include "util/output_sink.hpp"

#include <cerrno>
#include <ostream>
#include <unistd.h>

namespace contra {

bool FdOutput::write(std::string_view text) {
    if (m_error) {
        return false;
    }
    while (!text.empty()) {
        const ssize_t written = ::write(m_fd, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            m_error = std::error_code(errno, std::generic_category());
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

bool StreamOutput::write(std::string_view text) {
    if (m_error) {
        return false;
    }
    m_out.write(text.data(), static_cast<std::streamsize>(text.size()));
    m_out.flush();
    if (!m_out) {
        m_error = std::make_error_code(std::errc::io_error);
        return false;
    }
    return true;
}

} // namespace contra

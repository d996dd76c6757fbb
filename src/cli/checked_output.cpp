#include "cli/checked_output.hpp"

#include "cli/exit_codes.hpp"

#include <fmt/ostream.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <ostream>
#include <unistd.h>

namespace contra::cli {

FdOutputBuffer::FdOutputBuffer(int fd) : m_fd(fd) {
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
}

FdOutputBuffer::~FdOutputBuffer() {
    drain();
}

bool FdOutputBuffer::write_all(const char* data, std::size_t size) {
    while (m_error == 0 && size > 0) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            m_error = n < 0 ? errno : EIO;
            break;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return m_error == 0;
}

bool FdOutputBuffer::drain() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    return write_all(m_buffer.data(), pending);
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type ch) {
    if (!drain()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

std::streamsize FdOutputBuffer::xsputn(const char* data, std::streamsize size) {
    if (m_error != 0) {
        return 0;
    }
    if (size <= epptr() - pptr()) {
        std::memcpy(pptr(), data, static_cast<std::size_t>(size));
        pbump(static_cast<int>(size));
        return size;
    }
    if (!drain() || !write_all(data, static_cast<std::size_t>(size))) {
        return 0;
    }
    return size;
}

int FdOutputBuffer::sync() {
    return drain() ? 0 : -1;
}

std::optional<std::string> output_failure(std::ostream& out) {
    out.flush();
    const auto* buffer = dynamic_cast<const FdOutputBuffer*>(out.rdbuf());
    if (buffer != nullptr && buffer->error() != 0) {
        return std::strerror(buffer->error());
    }
    if (!out) {
        return "the output stream failed";
    }
    return std::nullopt;
}

bool output_written(std::ostream& out, std::ostream& err, std::string_view consequence) {
    const auto failure = output_failure(out);
    if (failure) {
        fmt::print(err, "contra: cannot write standard output: {}{}\n", *failure, consequence);
    }
    return !failure;
}

int checked_exit_code(std::ostream& out, std::ostream& err, int code) {
    if (code == to_int(ExitCode::cannot_write)) {
        out.flush(); // what it printed still goes out; the command has said what failed
        return code;
    }
    return output_written(out, err) ? code : to_int(ExitCode::cannot_write);
}

void reserve_standard_descriptors() {
    for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
        if (::fcntl(fd, F_GETFD) >= 0 || errno != EBADF) {
            continue;
        }
        // open() returns the lowest free number, which is `fd` itself.
        const int opened = ::open("/dev/null", fd == STDIN_FILENO ? O_WRONLY : O_RDONLY);
        if (opened >= 0 && opened != fd) {
            ::close(opened);
        }
    }
}

} // namespace contra::cli

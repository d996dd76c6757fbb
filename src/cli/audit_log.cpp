#include "cli/audit_log.hpp"

#include <fmt/ostream.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace contra::cli {
namespace {

std::string failure(const std::string& path, const char* what) {
    return fmt::format("cannot {} the audit log {}: {}", what, path, std::strerror(errno));
}

// Why open() refused, in the words of what the path is.
std::string open_failure(const std::string& path) {
    switch (errno) {
    case ELOOP:
        return fmt::format("the audit log {} is a symbolic link; contra appends only to a "
                           "regular file, never through a link",
                           path);
    case ENXIO: // O_NONBLOCK on a FIFO nobody reads
        return fmt::format("the audit log {} is a named pipe (FIFO), not a regular file", path);
    case EISDIR:
        return fmt::format("the audit log {} is a folder, not a regular file", path);
    default:
        return failure(path, "open");
    }
}

std::optional<std::string> refuse_opened(const std::string& path, int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        return failure(path, "read the status of");
    }
    if (!S_ISREG(info.st_mode)) {
        return fmt::format("the audit log {} is not a regular file", path);
    }
    if ((info.st_mode & 077) != 0) {
        return fmt::format("the audit log {} may be read or written by others (mode {:04o}); "
                           "it holds decisions about patients: run 'chmod 600 {}'",
                           path,
                           info.st_mode & 07777,
                           path);
    }
    return std::nullopt;
}

// True when the log is empty or ends with a newline; nullopt when that cannot be read.
std::optional<bool> ends_whole(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        return std::nullopt;
    }
    if (info.st_size == 0) {
        return true;
    }
    char last = 0;
    if (::pread(fd, &last, 1, info.st_size - 1) != 1) {
        return std::nullopt;
    }
    return last == '\n';
}

} // namespace

std::optional<AuditLog> AuditLog::open(const std::string& path, std::string& error) {
    const int fd = ::open(
        path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = open_failure(path);
        return std::nullopt;
    }
    if (auto refusal = refuse_opened(path, fd)) {
        ::close(fd);
        error = *refusal;
        return std::nullopt;
    }
    return AuditLog(path, fd);
}

AuditLog::AuditLog(AuditLog&& other) noexcept : m_path(std::move(other.m_path)), m_fd(other.m_fd) {
    other.m_fd = -1;
}

AuditLog& AuditLog::operator=(AuditLog&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_path = std::move(other.m_path);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

AuditLog::~AuditLog() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

std::optional<std::string> AuditLog::append(std::string line, std::ostream& err) {
    line += '\n';
    // O_APPEND alone makes each write land at the end; the lock also keeps the check of the
    // last byte and the write together, and a write the kernel cuts short (a full disk) from
    // interleaving with another process's line.
    if (::flock(m_fd, LOCK_EX) != 0) {
        return failure(m_path, "lock");
    }
    const std::optional<bool> whole = ends_whole(m_fd);
    if (!whole) {
        return failure(m_path, "read the end of");
    }
    if (!*whole) {
        line.insert(line.begin(), '\n');
        fmt::print(err,
                   "contra: warning: the audit log {} did not end with a newline (an earlier "
                   "write was cut); the new record starts on a line of its own\n",
                   m_path);
    }
    ssize_t written = -1;
    do {
        written = ::write(m_fd, line.data(), line.size());
    } while (written < 0 && errno == EINTR);
    if (written < 0) {
        return failure(m_path, "write to");
    }
    if (static_cast<std::size_t>(written) != line.size()) {
        return fmt::format("cannot write to the audit log {}: only {} of the record's {} bytes "
                           "were written (is the disk full?)",
                           m_path,
                           written,
                           line.size());
    }
    // fsync: the record is the clinic's proof of the decision; it must survive a power cut.
    if (::fsync(m_fd) != 0) {
        return failure(m_path, "sync");
    }
    return std::nullopt;
}

} // namespace contra::cli

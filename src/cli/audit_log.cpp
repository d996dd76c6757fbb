#include "cli/audit_log.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace contra::cli {
namespace {

std::string failure(const std::string& path, const char* what) {
    return fmt::format("cannot {} the audit log {}: {}", what, path, std::strerror(errno));
}

} // namespace

std::optional<std::string> append_audit_line(const std::string& path, std::string line) {
    line += '\n';
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return failure(path, "open");
    }
    std::optional<std::string> error;
    // O_APPEND alone makes each write land at the end; the lock also keeps a write that the
    // kernel splits (a full disk, a signal) from interleaving with another process's line.
    if (::flock(fd, LOCK_EX) != 0) {
        error = failure(path, "lock");
    }
    for (std::size_t written = 0; !error && written < line.size();) {
        const ssize_t n = ::write(fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error = failure(path, "write to");
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0 && !error) {
        error = failure(path, "close");
    }
    return error;
}

} // namespace contra::cli

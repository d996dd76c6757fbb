#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <utility>

namespace contra::cli {

/// The audit log (docs/audit-log.md), opened before anything is shown so that a log that cannot
/// be written stops the run before a verdict, and appended to only after everything shown with
/// the decision was written.
class AuditLog {
  public:
    /// Opens the log at `path` for appending without following a symbolic link or blocking on a
    /// FIFO, creating it with mode 0600. Refuses anything but a regular file, and an existing
    /// log that others may read or write. On failure returns nullopt and sets `error`.
    static std::optional<AuditLog> open(const std::string& path, std::string& error);

    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;
    AuditLog(AuditLog&& other) noexcept;
    AuditLog& operator=(AuditLog&& other) noexcept;
    ~AuditLog();

    /// The open file, to tell it apart from the run's other files.
    [[nodiscard]] int descriptor() const { return m_fd; }

    /// Appends `line` and a newline with one write(2) under an exclusive lock, so concurrent
    /// contra processes never interleave or lose a line. When the log's last byte is not a
    /// newline (an earlier write was cut), a newline goes first so the new line is whole, and
    /// `err` is told. A short write is a failure. Returns why it failed, or nullopt.
    std::optional<std::string> append(std::string line, std::ostream& err);

  private:
    AuditLog(std::string path, int fd) : m_path(std::move(path)), m_fd(fd) {}

    std::string m_path;
    int m_fd;
};

} // namespace contra::cli

#pragma once

#include <iosfwd>
#include <string_view>
#include <system_error>

namespace contra {

/// Where `contra batch` writes its result lines. A write either hands over all of its text or
/// fails, and a failure is remembered: nothing more should be written after it.
class OutputSink {
  public:
    virtual ~OutputSink() = default;
    OutputSink() = default;
    OutputSink(const OutputSink&) = delete;
    OutputSink& operator=(const OutputSink&) = delete;

    /// Writes all of `text` and pushes it out (no buffering behind the caller's back); false
    /// when that failed, with the reason in error().
    virtual bool write(std::string_view text) = 0;
    [[nodiscard]] const std::error_code& error() const { return m_error; }

  protected:
    std::error_code m_error;
};

/// Writes to a file descriptor with write(2), retrying partial writes and EINTR, so that a
/// signal cannot cut a line and errno (EPIPE, ENOSPC, EBADF) is what error() reports.
class FdOutput final : public OutputSink {
  public:
    explicit FdOutput(int fd) : m_fd(fd) {}
    bool write(std::string_view text) override;

  private:
    int m_fd;
};

/// Writes to a stream (tests, and callers without a descriptor), flushing after each write.
class StreamOutput final : public OutputSink {
  public:
    explicit StreamOutput(std::ostream& out) : m_out(out) {}
    bool write(std::string_view text) override;

  private:
    std::ostream& m_out;
};

} // namespace contra

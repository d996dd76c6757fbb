#pragma once

#include <array>
#include <iosfwd>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>

namespace contra::cli {

/// A buffered stream buffer over a file descriptor (standard output) that writes with write(2)
/// and remembers the first failure: a full disk, a closed descriptor, a pipe whose reader has
/// gone while SIGPIPE is ignored. After a failure it accepts nothing more, so the ostream over
/// it goes bad at once and a command stops producing output nobody will read.
class FdOutputBuffer : public std::streambuf {
  public:
    explicit FdOutputBuffer(int fd);
    FdOutputBuffer(const FdOutputBuffer&) = delete;
    FdOutputBuffer& operator=(const FdOutputBuffer&) = delete;
    FdOutputBuffer(FdOutputBuffer&&) = delete;
    FdOutputBuffer& operator=(FdOutputBuffer&&) = delete;
    ~FdOutputBuffer() override;

    /// The errno of the first failed write, or 0.
    [[nodiscard]] int error() const { return m_error; }

  protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

  private:
    bool drain();
    bool write_all(const char* data, std::size_t size);

    int m_fd;
    int m_error = 0;
    std::array<char, std::size_t{64} * 1024> m_buffer{};
};

/// Flushes `out` and says why a write to it failed (strerror of the first failure when `out`
/// is over an FdOutputBuffer), or nullopt when everything written reached it.
std::optional<std::string> output_failure(std::ostream& out);

/// Flushes `out` and returns true when everything written to it arrived; otherwise prints
/// "contra: cannot write standard output: REASON" and `consequence` to `err` and returns false.
bool output_written(std::ostream& out, std::ostream& err, std::string_view consequence = {});

/// The one check every command's result goes through: flushes `out` and returns `code`, or,
/// when a write to `out` failed, prints "contra: cannot write standard output: REASON" to `err`
/// and returns 73, never 0 or a verdict's code. A command that already failed with 73 has said
/// why; it is not said twice.
int checked_exit_code(std::ostream& out, std::ostream& err, int code);

/// Makes sure descriptors 0, 1 and 2 are open before contra opens any file, so that no file it
/// writes (an audit log, a body map) takes the number of a closed standard stream and receives
/// what was meant for it. A closed one is opened on /dev/null in the other direction, so that
/// writing to a closed standard output still fails (EBADF) and is reported.
void reserve_standard_descriptors();

} // namespace contra::cli

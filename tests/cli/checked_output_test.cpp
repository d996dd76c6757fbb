// Standard output is checked once, for every command: a failed write exits 73 with the reason.
#include "cli/app.hpp"
#include "cli/checked_output.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sstream>
#include <unistd.h>

namespace contra::cli {
namespace {

struct StdoutRun {
    int code;
    std::string err;
};

StdoutRun run_with_stdout(std::streambuf* stdout_buffer, std::vector<const char*> argv) {
    std::istringstream in;
    std::ostream out(stdout_buffer);
    std::ostringstream err;
    const int code = run(static_cast<int>(argv.size()), argv.data(), in, out, err, Environment{});
    return {code, err.str()};
}

TEST(CheckedOutput, AFullDeviceExits73WithTheReason) {
    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    FdOutputBuffer buffer(fd);
    const StdoutRun result = run_with_stdout(&buffer, {"contra", "check", "--suspected-dvt"});
    EXPECT_EQ(result.code, 73);
    EXPECT_EQ(result.err, "contra: cannot write standard output: No space left on device\n");
    ::close(fd);
}

TEST(CheckedOutput, AClosedDescriptorExits73) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    ::close(fds[0]);
    ::close(fds[1]); // now nothing is open at fds[1]
    FdOutputBuffer buffer(fds[1]);
    const StdoutRun result = run_with_stdout(&buffer, {"contra", "rules"});
    EXPECT_EQ(result.code, 73);
    EXPECT_EQ(result.err, "contra: cannot write standard output: Bad file descriptor\n");
}

TEST(CheckedOutput, AnyFailedStreamExits73EvenWithoutAnErrno) {
    std::stringbuf text;
    std::ostream out(&text);
    out.setstate(std::ios::badbit);
    std::ostringstream err;
    EXPECT_EQ(checked_exit_code(out, err, 3), 73);
    EXPECT_EQ(err.str(), "contra: cannot write standard output: the output stream failed\n");
}

TEST(CheckedOutput, AWorkingOutputKeepsTheVerdictsCode) {
    std::ostringstream out;
    std::ostringstream err;
    out << "verdict";
    EXPECT_EQ(checked_exit_code(out, err, 3), 3);
    EXPECT_EQ(err.str(), "");
}

} // namespace
} // namespace contra::cli

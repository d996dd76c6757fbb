#include "cli/terminal_width.hpp"

#include <gtest/gtest.h>

#include <array>
#include <unistd.h>

namespace contra::cli {
namespace {

// A pipe is no terminal: COLUMNS decides, else 80.
class TerminalWidthOnAPipe : public ::testing::Test {
  protected:
    void SetUp() override { ASSERT_EQ(pipe(m_fds.data()), 0); }
    void TearDown() override {
        close(m_fds[0]);
        close(m_fds[1]);
    }
    [[nodiscard]] int fd() const { return m_fds[1]; }

  private:
    std::array<int, 2> m_fds{-1, -1};
};

TEST_F(TerminalWidthOnAPipe, TakesColumnsFromTheEnvironment) {
    EXPECT_EQ(terminal_width(fd(), "100"), 100U);
    EXPECT_EQ(terminal_width(fd(), "40"), 40U);
}

TEST_F(TerminalWidthOnAPipe, FallsBackTo80WithoutAUsableColumns) {
    EXPECT_EQ(terminal_width(fd(), nullptr), 80U);
    for (const char* columns : {"", "0", "-5", "abc", "80x", " 90", "99999999999999999999999"}) {
        EXPECT_EQ(terminal_width(fd(), columns), 80U) << "COLUMNS=" << columns;
    }
}

} // namespace
} // namespace contra::cli

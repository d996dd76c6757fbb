#pragma once

#include <cstddef>

namespace contra::cli {

/// What contra needs to know about where it runs.
struct Environment {
    bool stdout_is_terminal = false;
    bool no_color = false;           ///< NO_COLOR is set and not empty
    bool stderr_is_terminal = false; ///< progress lines go there only then
    bool stdin_is_terminal = false;  ///< the interview edits lines (libedit) only then
    int stdout_fd = -1;     ///< the descriptor behind `out`, for writes checked one by one (batch)
    std::size_t width = 80; ///< the columns text reports are wrapped to (terminal_width.hpp)
};

} // namespace contra::cli

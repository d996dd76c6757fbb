#pragma once

#include <cstddef>

namespace contra::cli {

/// The width text is laid out to when no terminal or COLUMNS says otherwise.
constexpr std::size_t k_default_width = 80;

/// The columns of the terminal on `fd` (ioctl TIOCGWINSZ); when `fd` is no terminal, the
/// positive number in `columns_variable` (the COLUMNS environment variable, may be null); else
/// 80.
std::size_t terminal_width(int fd, const char* columns_variable);

} // namespace contra::cli

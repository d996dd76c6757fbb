#pragma once

#include <cstddef>

namespace contra::cli {

/// The columns text for a person is laid out in: COLUMNS when it holds a sensible number, else
/// 80.
std::size_t terminal_width();

} // namespace contra::cli

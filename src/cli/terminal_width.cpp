#include "cli/terminal_width.hpp"

#include <charconv>
#include <cstring>
#include <sys/ioctl.h>

namespace contra::cli {
namespace {

std::size_t columns_of(const char* variable) {
    if (variable == nullptr) {
        return 0;
    }
    const char* end = variable + std::strlen(variable);
    std::size_t columns = 0;
    const auto [stop, error] = std::from_chars(variable, end, columns);
    return error == std::errc{} && stop == end ? columns : 0;
}

} // namespace

std::size_t terminal_width(int fd, const char* columns_variable) {
    winsize size{};
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    const std::size_t columns = columns_of(columns_variable);
    return columns > 0 ? columns : k_default_width;
}

} // namespace contra::cli

#include "cli/terminal_width.hpp"

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace contra::cli {

std::size_t terminal_width() {
    constexpr std::size_t k_default = 80;
    constexpr std::size_t k_narrowest = 20;
    const char* columns = std::getenv("COLUMNS"); // NOLINT(concurrency-mt-unsafe): read once
    if (columns == nullptr) {
        return k_default;
    }
    const std::string_view text = columns;
    std::size_t width = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), width);
    if (error != std::errc{} || end != text.data() + text.size() || width < k_narrowest) {
        return k_default;
    }
    return width;
}

} // namespace contra::cli

#include "util/utf8.hpp"

#include <array>
#include <cerrno>
#include <iconv.h>
#include <stdexcept>

namespace contra {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    iconv_t decoder = iconv_open("UTF-8", "UTF-8");
    // (iconv_t)-1 is iconv_open's documented failure value.
    if (decoder == reinterpret_cast<iconv_t>(-1)) { // NOLINT(performance-no-int-to-ptr)
        throw std::runtime_error("iconv has no UTF-8 decoder");
    }
    // iconv's interface takes a non-const input pointer but only reads through it.
    char* in = const_cast<char*>(text.data());
    std::size_t in_left = text.size();
    std::array<char, 16384> scratch{};
    std::optional<std::size_t> invalid;
    while (in_left > 0) {
        char* out = scratch.data();
        std::size_t out_left = scratch.size();
        if (iconv(decoder, &in, &in_left, &out, &out_left) == static_cast<std::size_t>(-1) &&
            errno != E2BIG) {
            invalid = text.size() - in_left;
            break;
        }
    }
    iconv_close(decoder);
    return invalid;
}

} // namespace contra

#include "util/word_wrap.hpp"

#include <algorithm>

namespace contra {

std::size_t display_columns(std::string_view text) {
    // UTF-8 continuation bytes (10xxxxxx) add no column.
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

std::string
wrap(std::string_view text, std::size_t indent, std::size_t width, std::size_t first_column) {
    std::string result;
    std::size_t column = first_column;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t space = text.find(' ', start);
        const std::size_t end = space == std::string_view::npos ? text.size() : space;
        const std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) {
            continue;
        }
        const std::size_t word_columns = display_columns(word);
        if (!result.empty()) {
            if (column + 1 + word_columns > width) {
                result += '\n';
                result.append(indent, ' ');
                column = indent;
            } else {
                result += ' ';
                ++column;
            }
        }
        result += word;
        column += word_columns;
    }
    return result;
}

} // namespace contra

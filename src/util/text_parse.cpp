#include "util/text_parse.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace contra {

std::string_view trim(std::string_view text, std::string_view blanks) {
    const auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

std::optional<double> parse_number(std::string_view text) {
    if (text.empty() || text.front() == '+') {
        text.remove_prefix(text.empty() ? 0 : 1);
    }
    if (text.empty() || text.find_first_not_of("0123456789.-eE+") != std::string_view::npos) {
        return std::nullopt;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::string ascii_lowercase(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char byte) {
        return byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte - 'A' + 'a') : byte;
    });
    return lower;
}

std::optional<bool> parse_yes_no(std::string_view text) {
    const std::string lower = ascii_lowercase(text);
    if (lower == "yes" || lower == "true") {
        return true;
    }
    if (lower == "no" || lower == "false") {
        return false;
    }
    return std::nullopt;
}

} // namespace contra

#include "pack/pack_source.hpp"

namespace contra {

std::string PackSourceMap::line_at(const SourceLocation& where) const {
    const auto text = texts.find(where.file);
    if (text == texts.end() || where.line <= 0) {
        return {};
    }
    std::size_t start = 0;
    for (int line = 1; line < where.line && start != std::string::npos; ++line) {
        start = text->second.find('\n', start);
        start = start == std::string::npos ? start : start + 1;
    }
    if (start == std::string::npos) {
        return {};
    }
    return text->second.substr(start, text->second.find('\n', start) - start);
}

} // namespace contra

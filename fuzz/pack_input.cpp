#include "pack_input.hpp"

#include <string>

namespace {
constexpr std::string_view k_marker = "#@file ";
} // namespace

PackInput split_pack_input(std::string_view text) {
    PackInput input{{"pack.yaml", {}}, {}};
    contra::PackSource* current = &input.manifest;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line =
            text.substr(0, end == std::string_view::npos ? text.size() : end + 1);
        text.remove_prefix(line.size());
        if (line.substr(0, k_marker.size()) == k_marker) {
            std::string name(line.substr(k_marker.size()));
            while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) {
                name.pop_back();
            }
            current = &input.files.emplace_back(contra::PackSource{std::move(name), {}});
            continue;
        }
        current->text.append(line);
    }
    return input;
}

#include "util/file_text.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace contra {
namespace {

FileText too_large(const std::string& name) {
    return {{},
            fmt::format("{} is larger than {} MiB (limit max-file-size)",
                        name,
                        k_max_file_size / (std::size_t{1024} * 1024)),
            true};
}

} // namespace

FileText read_stream_text(std::istream& in, const std::string& name) {
    FileText result;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        result.text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (result.text.size() > k_max_file_size) {
            return too_large(name);
        }
    }
    if (in.bad()) {
        result.error = fmt::format("cannot read {}", name);
    }
    return result;
}

FileText read_file_text(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        return {{}, fmt::format("{} is a directory, not a file", path.string())};
    }
    // A regular file's size is known before reading it; devices and pipes are counted as read.
    if (std::filesystem::is_regular_file(path, ec) &&
        std::filesystem::file_size(path, ec) > k_max_file_size && !ec) {
        return too_large(path.string());
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return {{}, fmt::format("cannot open {}: {}", path.string(), std::strerror(errno))};
    }
    return read_stream_text(in, path.string());
}

} // namespace contra

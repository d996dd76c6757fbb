#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>

namespace contra {

/// The largest input file contra reads (limit max-file-size).
inline constexpr std::size_t k_max_file_size = 16 * 1024 * 1024;

struct FileText {
    std::string text;
    std::string error; ///< empty on success: why the file could not be read
};

/// Reads a whole file, refusing files over k_max_file_size.
FileText read_file_text(const std::filesystem::path& path);

/// Reads a whole stream (standard input), with the same limit; `name` is for messages.
FileText read_stream_text(std::istream& in, const std::string& name);

} // namespace contra

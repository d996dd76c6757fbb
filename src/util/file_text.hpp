#pragma once

#include "util/input_limits.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>

namespace contra {

struct FileText {
    std::string text;
    std::string error;      ///< empty on success: why the file could not be read
    bool too_large = false; ///< the error is max-file-size: bad data, not an unreadable file
    bool refused = false;   ///< not a regular file inside its pack (a link, FIFO, device)
};

/// Reads a whole file, refusing one over k_max_file_size before reading it.
FileText read_file_text(const std::filesystem::path& path);

/// Reads a whole stream (standard input), with the same limit; `name` is for messages.
FileText read_stream_text(std::istream& in, const std::string& name);

} // namespace contra

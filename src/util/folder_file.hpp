#pragma once

#include "util/file_text.hpp"

#include <filesystem>

namespace contra {

/// Reads the file `relative` (a relative path without `..`) inside `folder`, as the parts of a
/// rule pack are read: each folder on the way and the file itself must really be inside
/// `folder`, so a symbolic link, a FIFO, a device or a socket is refused (`refused` is set and
/// the error says which part and what it is) and nothing is opened in a way that can block.
/// `folder` itself may be a symbolic link: naming it is the user's choice. The error names the
/// file as `folder/relative`; the size limit is k_max_file_size, as for any file.
FileText read_file_in_folder(const std::filesystem::path& folder,
                             const std::filesystem::path& relative);

/// True when `path` is a symbolic link (not followed); false when it is anything else or absent.
bool is_symbolic_link(const std::filesystem::path& path);

} // namespace contra

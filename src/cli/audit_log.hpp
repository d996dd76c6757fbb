#pragma once

#include <optional>
#include <string>

namespace contra::cli {

/// Appends `line` and a newline to the audit log at `path` in a single write, under an
/// exclusive lock, so that concurrent contra processes never interleave or lose a line. The
/// file is opened with O_APPEND (never truncated) and created with mode 0600. Returns why it
/// failed, or nullopt.
std::optional<std::string> append_audit_line(const std::string& path, std::string line);

} // namespace contra::cli

#pragma once

// A path under the temporary directory that belongs to this test process, so two test runs on
// one machine (two worktrees, two build trees) never write or remove each other's files.

#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

namespace contra::testing {

/// `$TMPDIR/contra_<pid>_<name>` (or under /tmp); not created.
inline std::filesystem::path scratch_path(std::string_view name) {
    return std::filesystem::temp_directory_path() /
           ("contra_" + std::to_string(getpid()) + "_" + std::string(name));
}

} // namespace contra::testing

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace contra::cli {

/// The files a run reads (its profile, its pack's files, its audit log), by device and inode,
/// so that a second name or a hard link of one of them is still recognised.
class RunInputs {
  public:
    /// The file at `path`, if there is one.
    void add_path(const std::string& path);
    /// Every file under `folder` (a rule pack, its scenario suites).
    void add_folder(const std::string& folder);
    /// An open file: standard input read as the profile, the audit log.
    void add_descriptor(int fd);
    [[nodiscard]] bool contains(dev_t device, ino_t inode) const;
    /// Whether the open file `fd` is one of them.
    [[nodiscard]] bool contains_file(int fd) const;

  private:
    struct Identity {
        dev_t device;
        ino_t inode;
    };
    std::vector<Identity> m_files;
};

/// Why `path` may not be written as an output file (a symbolic link, not a regular file, one of
/// `inputs`), or nullopt when it is missing or an ordinary file that may be replaced.
std::optional<std::string> output_target_problem(const std::string& path, const RunInputs& inputs);

/// Writes `bytes` as the file `path`, whole or not at all, for the files a user asks for
/// (--body-map, --save, --junit): they may hold patient data. Refuses a symbolic link, anything
/// but a regular file (a FIFO, a device, a folder) and any of `inputs`; writes a temporary file
/// with mode 0600 in the same folder, syncs it and renames it over `path`, so a failure leaves
/// `path` as it was and no half-written file. Returns why it failed, or nullopt.
std::optional<std::string>
write_file_whole(const std::string& path, std::string_view bytes, const RunInputs& inputs);

} // namespace contra::cli

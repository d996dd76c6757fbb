#include "cli/output_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace contra::cli {

std::optional<std::string> output_target_problem(const std::string& path, const RunInputs& inputs) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
        if (errno == ENOENT) {
            return std::nullopt;
        }
        return std::strerror(errno);
    }
    if (S_ISLNK(info.st_mode)) {
        return std::string("it is a symbolic link; contra writes only to a regular file, never "
                           "through a link");
    }
    if (!S_ISREG(info.st_mode)) {
        return std::string(S_ISDIR(info.st_mode)    ? "it is a folder"
                           : S_ISFIFO(info.st_mode) ? "it is a named pipe (FIFO)"
                                                    : "it is a device or other special file") +
               ", not a regular file";
    }
    if (inputs.contains(info.st_dev, info.st_ino)) {
        return std::string("it is an input of this run (the profile, a rule pack file or the "
                           "audit log); it is left as it was");
    }
    return std::nullopt;
}

namespace {

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            if (n == 0) {
                errno = EIO;
            }
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// The temporary file's name: hidden, next to `path`, so that rename() stays on one file system.
std::string temporary_template(const std::string& path) {
    const std::filesystem::path target(path);
    std::string name = ".";
    name += target.filename().string();
    name += ".contra-XXXXXX";
    return (target.parent_path() / name).string();
}

} // namespace

void RunInputs::add_path(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
        m_files.push_back({info.st_dev, info.st_ino});
    }
}

void RunInputs::add_folder(const std::string& folder) {
    // A pack folder holds a few dozen files; the bound keeps a large folder given by mistake
    // from being walked for long (a pack's files are read from its first levels anyway).
    constexpr int k_max_entries = 10'000;
    std::error_code ec;
    int entries = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(
             folder, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator() && entries < k_max_entries;
         it.increment(ec), ++entries) {
        add_path(it->path().string());
    }
}

void RunInputs::add_descriptor(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) == 0) {
        m_files.push_back({info.st_dev, info.st_ino});
    }
}

bool RunInputs::contains(dev_t device, ino_t inode) const {
    return std::any_of(m_files.begin(), m_files.end(), [&](const Identity& file) {
        return file.device == device && file.inode == inode;
    });
}

bool RunInputs::contains_file(int fd) const {
    struct stat info {};
    return ::fstat(fd, &info) == 0 && contains(info.st_dev, info.st_ino);
}

std::optional<std::string>
write_file_whole(const std::string& path, std::string_view bytes, const RunInputs& inputs) {
    if (path.empty() || path.back() == '/') {
        return std::string("a file name is needed, not a folder");
    }
    if (auto refusal = output_target_problem(path, inputs)) {
        return refusal;
    }
    std::string temporary = temporary_template(path);
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0) {
        return std::strerror(errno);
    }
    const bool written = ::fchmod(fd, 0600) == 0 && write_all(fd, bytes) && ::fsync(fd) == 0;
    const int write_errno = errno;
    if (::close(fd) != 0 || !written) {
        const int reason = written ? errno : write_errno;
        ::unlink(temporary.c_str());
        return std::strerror(reason);
    }
    // Checked again just before the rename: what is at `path` may have changed meanwhile.
    if (auto refusal = output_target_problem(path, inputs)) {
        ::unlink(temporary.c_str());
        return refusal;
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int reason = errno;
        ::unlink(temporary.c_str());
        return std::strerror(reason);
    }
    return std::nullopt;
}

} // namespace contra::cli

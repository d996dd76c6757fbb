#include "util/folder_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace contra {
namespace {

namespace fs = std::filesystem;

class Descriptor {
  public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    Descriptor(Descriptor&& other) noexcept : m_fd(other.m_fd) { other.m_fd = -1; }
    Descriptor& operator=(Descriptor&& other) noexcept {
        std::swap(m_fd, other.m_fd);
        return *this;
    }
    ~Descriptor() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool ok() const { return m_fd >= 0; }

  private:
    int m_fd;
};

std::string_view kind_of(mode_t mode) {
    if (S_ISLNK(mode)) {
        return "a symbolic link";
    }
    if (S_ISDIR(mode)) {
        return "a folder";
    }
    if (S_ISFIFO(mode)) {
        return "a FIFO (named pipe)";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return "not a regular file";
}

FileText refused(const std::string& shown, std::string_view kind) {
    FileText result;
    result.error = fmt::format(
        "{} is {}; a rule pack is read only from regular files inside its folder", shown, kind);
    result.refused = true;
    return result;
}

FileText cannot_open(const std::string& shown, int error) {
    return {{}, fmt::format("cannot open {}: {}", shown, std::strerror(error))};
}

// What `name` inside the open folder `dir` is, without following it; nullopt when it is absent.
std::optional<mode_t> mode_inside(const Descriptor& dir, const std::string& name) {
    struct stat status {};
    if (::fstatat(dir.get(), name.c_str(), &status, AT_SYMLINK_NOFOLLOW) != 0) {
        return std::nullopt;
    }
    return status.st_mode;
}

FileText read_regular(const Descriptor& file, const std::string& shown) {
    struct stat status {};
    if (::fstat(file.get(), &status) != 0) {
        return cannot_open(shown, errno);
    }
    if (!S_ISREG(status.st_mode)) { // replaced between the check and the open
        return refused(shown, kind_of(status.st_mode));
    }
    if (static_cast<std::size_t>(status.st_size) > k_max_file_size) {
        return {{},
                fmt::format("{} is larger than {} MiB (limit max-file-size)",
                            shown,
                            k_max_file_size / (std::size_t{1024} * 1024)),
                true};
    }
    FileText result;
    char buffer[65536];
    for (;;) {
        const ssize_t count = ::read(file.get(), buffer, sizeof buffer);
        if (count < 0 && errno == EINTR) {
            continue;
        }
        if (count < 0) {
            return {{}, fmt::format("cannot read {}: {}", shown, std::strerror(errno))};
        }
        if (count == 0) {
            return result;
        }
        result.text.append(buffer, static_cast<std::size_t>(count));
        if (result.text.size() > k_max_file_size) { // grew while being read
            return {{},
                    fmt::format("{} is larger than {} MiB (limit max-file-size)",
                                shown,
                                k_max_file_size / (std::size_t{1024} * 1024)),
                    true};
        }
    }
}

} // namespace

bool is_symbolic_link(const fs::path& path) {
    struct stat status {};
    return ::lstat(path.c_str(), &status) == 0 && S_ISLNK(status.st_mode);
}

FileText read_file_in_folder(const fs::path& folder, const fs::path& relative) {
    const std::string shown = (folder / relative).string();
    std::vector<std::string> parts;
    for (const fs::path& part : relative) {
        if (part == "..") {
            return refused(shown, "outside its folder");
        }
        if (!part.empty() && part != ".") {
            parts.push_back(part.string());
        }
    }
    if (relative.is_absolute() || parts.empty()) {
        return refused(shown, "outside its folder");
    }
    // The folder named by the user may be a link; nothing below it may be.
    Descriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir.ok()) {
        return cannot_open(shown, errno);
    }
    fs::path walked = folder;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        walked /= parts[i];
        const std::optional<mode_t> mode = mode_inside(dir, parts[i]);
        if (!mode) {
            return cannot_open(shown, ENOENT);
        }
        if (!S_ISDIR(*mode)) {
            return refused(walked.string(), kind_of(*mode));
        }
        Descriptor next(
            ::openat(dir.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next.ok()) {
            return errno == ELOOP || errno == ENOTDIR ? refused(walked.string(), "not a folder")
                                                      : cannot_open(shown, errno);
        }
        dir = std::move(next);
    }
    const std::optional<mode_t> mode = mode_inside(dir, parts.back());
    if (!mode) {
        return cannot_open(shown, errno);
    }
    if (!S_ISREG(*mode)) {
        return refused(shown, kind_of(*mode));
    }
    // O_NONBLOCK: should a FIFO replace the file after the check, opening it does not wait.
    Descriptor file(::openat(dir.get(),
                             parts.back().c_str(),
                             O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY));
    if (!file.ok()) {
        return errno == ELOOP ? refused(shown, "a symbolic link") : cannot_open(shown, errno);
    }
    return read_regular(file, shown);
}

} // namespace contra

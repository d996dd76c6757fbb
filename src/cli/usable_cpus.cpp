#include "cli/usable_cpus.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sched.h>
#include <string>
#include <thread>

namespace contra::cli {
namespace {

std::optional<unsigned long long> parse_number(std::string_view text) {
    unsigned long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<unsigned> cpus_of_affinity() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0) {
        return std::nullopt;
    }
    const int count = CPU_COUNT(&set);
    return count > 0 ? std::optional<unsigned>(static_cast<unsigned>(count)) : std::nullopt;
}

// The process's cgroup v2 folder, from the "0::/path" line of /proc/self/cgroup.
std::optional<std::filesystem::path> own_cgroup() {
    std::ifstream cgroups("/proc/self/cgroup");
    std::string line;
    while (std::getline(cgroups, line)) {
        if (line.rfind("0::", 0) == 0) {
            return std::filesystem::path("/sys/fs/cgroup") / line.substr(3).erase(0, 1);
        }
    }
    return std::nullopt;
}

// The tightest quota of the process's cgroup and the cgroups above it.
std::optional<unsigned> cpus_of_cgroup() {
    const auto own = own_cgroup();
    if (!own) {
        return std::nullopt;
    }
    std::optional<unsigned> tightest;
    const std::filesystem::path root = "/sys/fs/cgroup";
    for (std::filesystem::path folder = own->lexically_normal();; folder = folder.parent_path()) {
        std::ifstream file(folder / "cpu.max");
        std::string text;
        if (file && std::getline(file, text)) {
            if (const auto cpus = cpus_of_quota(text)) {
                tightest = std::min(tightest.value_or(*cpus), *cpus);
            }
        }
        if (folder == root || folder == folder.parent_path() ||
            folder.string().size() <= root.string().size()) {
            break;
        }
    }
    return tightest;
}

} // namespace

std::optional<unsigned> cpus_of_quota(std::string_view cpu_max) {
    const std::size_t space = cpu_max.find(' ');
    if (space == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view period_text = cpu_max.substr(space + 1);
    while (!period_text.empty() && std::isspace(static_cast<unsigned char>(period_text.back()))) {
        period_text.remove_suffix(1);
    }
    const auto quota = parse_number(cpu_max.substr(0, space));
    const auto period = parse_number(period_text);
    if (!quota || !period || *quota == 0 || *period == 0) {
        return std::nullopt;
    }
    return static_cast<unsigned>(std::max(1ULL, (*quota + *period - 1) / *period));
}

unsigned usable_cpus() {
    unsigned cpus = cpus_of_affinity().value_or(std::max(1U, std::thread::hardware_concurrency()));
    if (const auto quota = cpus_of_cgroup()) {
        cpus = std::min(cpus, *quota);
    }
    return std::max(1U, cpus);
}

} // namespace contra::cli

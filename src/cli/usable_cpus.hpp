#pragma once

#include <optional>
#include <string_view>

namespace contra::cli {

/// The CPUs this process may run on: those of its affinity mask (sched_getaffinity, e.g.
/// `taskset`), fewer when its cgroup v2 quota (cpu.max, e.g. `docker --cpus`) allows less;
/// never the host's core count when either says otherwise, and at least 1.
unsigned usable_cpus();

/// The CPUs a cgroup v2 `cpu.max` ("QUOTA PERIOD") allows, rounded up: "150000 100000" is 2;
/// nullopt for "max ..." (no quota) or text that is not a quota.
std::optional<unsigned> cpus_of_quota(std::string_view cpu_max);

} // namespace contra::cli

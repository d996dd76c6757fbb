#pragma once

namespace contra::cli {

/// Exit codes of errors (docs/contract.md; the sysexits.h numbers). Verdicts exit 0..5.
enum class ExitCode : int {
    usage = 64,        ///< bad command line
    bad_profile = 65,  ///< the profile's data is wrong
    no_input = 66,     ///< an input file is missing or unreadable
    internal = 70,     ///< a bug in contra
    cannot_write = 73, ///< standard output or a requested file could not be written
    bad_pack = 78      ///< the rule pack is invalid
};

constexpr int to_int(ExitCode code) {
    return static_cast<int>(code);
}

} // namespace contra::cli

#pragma once

#include "model/level.hpp"

#include <variant>

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

/// How a command ended, as the process exits: a verdict's code (0..5), a run of checks passing
/// (0) or not (1), an error's code (already reported when it is returned), or 128 + the signal
/// that stopped it.
class Outcome {
  public:
    // An error is an outcome: `return ExitCode::usage;` reads as what it does.
    constexpr Outcome(ExitCode error) : m_code(to_int(error)) {} // NOLINT(*-explicit-*)

    static constexpr Outcome success() { return Outcome(0); }
    /// A check that ran and did not pass: a failed scenario, coverage short of the minimum.
    static constexpr Outcome checks_failed() { return Outcome(1); }
    static Outcome of(Verdict verdict) { return Outcome(contra::exit_code(verdict)); }
    static constexpr Outcome stopped_by(int signal) { return Outcome(128 + signal); }

    [[nodiscard]] constexpr int code() const { return m_code; }
    [[nodiscard]] constexpr bool is(ExitCode error) const { return m_code == to_int(error); }

  private:
    constexpr explicit Outcome(int code) : m_code(code) {}
    int m_code;
};

/// A value, or the exit code of the error (already reported) that kept it from being made.
template <typename T> using OrError = std::variant<T, ExitCode>;

} // namespace contra::cli

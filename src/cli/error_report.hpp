#pragma once

// Errors as data: with `--format json`, every error a run reports on standard error is also
// kept, and the run ends with one JSON document of them on standard output (docs/contract.md,
// "Errors as data"). The text on standard error stays as it is.

#include "util/diagnostic.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contra::cli {

/// Codes of the errors that are not a located diagnostic (those keep their own code).
namespace error_code {
inline constexpr std::string_view k_usage = "usage";               ///< exit 64
inline constexpr std::string_view k_file_read = "file-read";       ///< exit 66
inline constexpr std::string_view k_cannot_write = "cannot-write"; ///< exit 73
inline constexpr std::string_view k_pinned_pack = "pinned-pack";   ///< exit 78
inline constexpr std::string_view k_internal = "internal";         ///< exit 70
} // namespace error_code

/// One error as data; line and column are 0 where the error concerns a whole file or none.
struct ReportedError {
    std::string code;
    std::string message;
    std::string file;
    std::int64_t line = 0;
    int column = 0;
    std::string field; ///< the profile's fact at fault; may be empty
};

/// The errors reported to one standard error stream while it is attached.
class ErrorReport {
  public:
    /// Keeps what is reported to `err` from now on, until this report is destroyed.
    explicit ErrorReport(std::ostream& err);
    ErrorReport(const ErrorReport&) = delete;
    ErrorReport& operator=(const ErrorReport&) = delete;
    ErrorReport(ErrorReport&&) = delete;
    ErrorReport& operator=(ErrorReport&&) = delete;
    ~ErrorReport();

    /// The report attached to `err`, or null when errors there are text alone.
    static ErrorReport* of(std::ostream& err);

    void add(ReportedError error) { m_errors.push_back(std::move(error)); }
    /// A result went to standard output: an error after it (the audit line not appended) must
    /// not add a second JSON document there.
    void result_shown() { m_result_shown = true; }
    /// True when the run should end with the errors as JSON on standard output.
    [[nodiscard]] bool to_print() const { return !m_errors.empty() && !m_result_shown; }
    /// `{"errors": [{file, line, column, code, field, message}...], "exit_code": N}`.
    [[nodiscard]] nlohmann::ordered_json to_json(int exit_code) const;

  private:
    std::ostream& m_err;
    std::vector<ReportedError> m_errors;
    bool m_result_shown = false;
};

/// Prints "contra: error: MESSAGE" to `err` and, where an ErrorReport is attached, keeps it with
/// `code` and the `file` it concerns (may be empty).
void report_error(std::ostream& err,
                  std::string_view code,
                  const std::string& message,
                  const std::string& file = {});

/// Prints each of `diagnostics` to `err` and keeps the errors where an ErrorReport is attached.
void report_diagnostics(std::ostream& err, const Diagnostics& diagnostics);

} // namespace contra::cli

#pragma once

#include "util/input_limits.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// A 1-based position in a named input; line 0 means the input as a whole.
struct SourceLocation {
    std::string file;
    std::int64_t line = 0; ///< 64-bit: a batch input may hold more than 2^31 lines
    int column = 0;
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

/// Stable codes printed in brackets after each message; scripts and editors may rely on them.
enum class DiagnosticCode {
    yaml_syntax,
    file_read,
    unknown_key,
    duplicate_key,
    missing_key,
    wrong_type,
    bad_value,
    unknown_name,
    duplicate_id,
    unsupported_yaml,
    limit_exceeded,
    bad_encoding,
    never_fires,         ///< lint: no profile makes the rule fire
    always_fires,        ///< lint: every profile makes the rule fire
    unused_fact,         ///< lint: a question no condition uses
    unused_site,         ///< lint: a leaf in no group and named nowhere
    empty_text,          ///< lint: a rule without action, rationale or sources
    duplicate_condition, ///< lint: two rules with the same condition
    one_sided_site,      ///< lint: a rule names one side where the condition cannot know the side
    unused_value,        ///< lint: enum values no condition tells apart
    csv_syntax,          ///< a CSV row libcsv cannot read (an unclosed quote, say)
    mixed_screening,     ///< lint: a screening question mixing emergency signs with precautions
    json_syntax,         ///< a document read as JSON (*.json, an NDJSON line) that is not JSON
    untyped_source,      ///< lint: a source without a type or a citation
    weak_evidence,       ///< lint: a rule at postpone_and_refer or above on practitioner articles
    do_not_cite,         ///< lint: a source's URL on the pack's do_not_cite list
    no_shelf_life,       ///< lint: a fact that does not say how long its answer holds
    count                ///< how many codes there are, not a code
};

enum class Severity { error, warning };

std::string_view to_string(DiagnosticCode code);

struct Diagnostic {
    DiagnosticCode code = DiagnosticCode::bad_value;
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
    std::string source_line; ///< the offending line, for the caret snippet; may be empty
    std::string field;       ///< the profile's fact (or CSV column) at fault; may be empty
};

/// `file:line:col: error|warning: message [code]`, then the source line and a caret under the
/// column.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// Diagnostics in the order found. Errors past k_max_errors are dropped (readers stop there) and
/// a long message is shortened, so that no input can make the report itself unbounded.
class Diagnostics {
  public:
    void add(Diagnostic diagnostic);
    /// A diagnostic without a source line to show (a whole file, or no file at all).
    void add(DiagnosticCode code, SourceLocation where, std::string message);
    void append(const Diagnostics& other);
    /// Names `field` on the diagnostics from index `first` on that name none yet.
    void set_field(std::size_t first, const std::string& field);
    /// Moves every located diagnostic down by `lines`: for a record read out of a longer input.
    void shift_lines(std::int64_t lines);
    /// True when any diagnostic is an error (warnings come only from lint).
    [[nodiscard]] bool has_errors() const;
    /// True once k_max_errors errors are kept: readers stop there.
    [[nodiscard]] bool error_limit_reached() const { return m_errors >= k_max_errors; }
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return m_items; }
    [[nodiscard]] std::size_t error_count() const { return m_errors; }
    /// Every diagnostic, formatted, one after another, and a line when the limit was reached.
    [[nodiscard]] std::string format() const;

  private:
    std::vector<Diagnostic> m_items;
    std::size_t m_errors = 0;
};

} // namespace contra

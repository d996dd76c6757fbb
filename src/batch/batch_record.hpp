#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace contra {

/// One client's answers as a batch input holds them, not yet read: the text of an NDJSON line
/// or a YAML document, or the cells of a CSV row.
struct BatchRecord {
    std::size_t number = 0; ///< 1-based, in input order
    std::int64_t line = 0;  ///< where the record starts in the input, 1-based
    std::string text;
    std::vector<std::string> cells;
    std::string error;           ///< set when the record could not even be cut out
    bool too_long = false;       ///< the error is a limit, not malformed input
    bool wrong_encoding = false; ///< the error is the text's encoding, not its CSV
    std::size_t error_cell = 0;  ///< the 1-based CSV cell the error is in; 0: the row as a whole
    /// Rows lost inside this bad one (a CSV quote never closed): each is a bad record too.
    std::size_t rows_swallowed = 0;
};

/// Cuts a batch input into records, one at a time, holding only the current one in memory.
class RecordSource {
  public:
    virtual ~RecordSource() = default;
    RecordSource() = default;
    RecordSource(const RecordSource&) = delete;
    RecordSource& operator=(const RecordSource&) = delete;

    /// The next record into `record`; false at the end of the input.
    virtual bool next(BatchRecord& record) = 0;
    /// Bytes of the input consumed so far, for progress.
    [[nodiscard]] virtual std::size_t bytes_read() const = 0;
};

} // namespace contra

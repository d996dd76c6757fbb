#pragma once

#include "batch/batch_record.hpp"
#include "batch/column_map.hpp"
#include "batch/record_profile.hpp"

#include <optional>
#include <string>
#include <vector>

namespace contra {

/// What each column of a CSV intake export holds, from its header row: a fact (named directly
/// by its id, or through a column map), or the record's `id`.
class CsvLayout {
  public:
    /// Every header cell must name a fact or be mapped to one; a fact named twice is an error.
    /// Problems are reported at the header's line, by column number and text.
    static std::optional<CsvLayout> from_header(const RulePack& pack,
                                                const BatchRecord& header,
                                                const ColumnMap* map,
                                                const std::string& file,
                                                Diagnostics& out);

    /// One row as a profile. A blank cell is unknown; a mapped answer text is replaced by its
    /// value; sites in one cell are separated by `;` or `,`.
    [[nodiscard]] RecordProfile
    read(const RulePack& pack, const BatchRecord& row, const std::string& file) const;

  private:
    struct Column {
        std::string header;
        std::optional<std::uint32_t> fact; ///< none: the `id` column
        const ColumnMapping* mapping = nullptr;
    };
    std::vector<Column> m_columns;
};

} // namespace contra

#pragma once

#include "batch/batch_record.hpp"
#include "batch/column_map.hpp"
#include "batch/record_profile.hpp"
#include "util/text_encoding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace contra {

/// What each column of a CSV intake export holds, from its header row: a fact (named directly
/// by its id, or through a column map), the record's `id`, or a column the map ignores (and
/// may echo under `meta`). Headers match ignoring case and surrounding spaces (match_key).
class CsvLayout {
  public:
    /// Every header cell must name a fact, be mapped to one, or be ignored by the map; a fact
    /// named twice is an error, and so is a map's `id` or `meta` column missing from the file.
    /// Problems are reported at the header's line, by column number and text. Cells are in
    /// `encoding`.
    static std::optional<CsvLayout> from_header(const RulePack& pack,
                                                const BatchRecord& header,
                                                const ColumnMap* map,
                                                TextEncoding encoding,
                                                const std::string& file,
                                                Diagnostics& out);

    /// One row as a profile. A blank cell is unknown; a byte not in the encoding is an error of
    /// its cell, in any column; a mapped answer text is replaced by its value; a cell of a site
    /// list holds items separated by `,` `;` or line breaks, each mapped on its own.
    [[nodiscard]] RecordProfile
    read(const RulePack& pack, const BatchRecord& row, const std::string& file) const;

  private:
    enum class Role : std::uint8_t { fact, id, ignored, meta };
    struct Column {
        std::string header; ///< as the file writes it, decoded and trimmed
        Role role = Role::fact;
        std::uint32_t fact = 0;
        const ColumnMapping* mapping = nullptr;
        std::size_t widest_answer = 1; ///< the most multi-select items one mapped answer spans
        std::string meta_name;         ///< the header as the map writes it, for `meta`
    };

    static std::optional<Column>
    column_for(const RulePack& pack, const ColumnMap* map, std::string text);
    [[nodiscard]] const Column* same_as(const Column& column) const;
    bool add_column(const RulePack& pack,
                    const ColumnMap* map,
                    const BatchRecord& header,
                    std::size_t index,
                    const std::string& file,
                    Diagnostics& out);
    void check_map_columns_present(const ColumnMap& map,
                                   const BatchRecord& header,
                                   const std::string& file,
                                   Diagnostics& out) const;
    void read_cell(const RulePack& pack,
                   const BatchRecord& row,
                   std::size_t index,
                   const std::string& file,
                   Profile& profile,
                   RecordProfile& result) const;

    std::vector<Column> m_columns;
    TextEncoding m_encoding = TextEncoding::utf8;
};

} // namespace contra

#include "batch/csv_layout.hpp"

#include "model/fact_value.hpp"
#include "util/suggest.hpp"
#include "util/text_parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace contra {
namespace {

constexpr std::string_view k_cell_blanks = " \t\r\n";
/// Between the items of a multi-select cell: Google Forms writes ", ", Microsoft Forms ";"
/// (and one after the last item), JotForm a line break.
constexpr std::string_view k_item_separators = ",;\r\n";

Diagnostic cell_error(const std::string& file,
                      std::int64_t line,
                      std::size_t column,
                      std::string field,
                      std::string message,
                      DiagnosticCode code = DiagnosticCode::bad_value) {
    Diagnostic diagnostic;
    diagnostic.code = code;
    diagnostic.where = {file, line, static_cast<int>(column + 1)};
    diagnostic.field = std::move(field);
    diagnostic.message = std::move(message);
    return diagnostic;
}

// The cell decoded into UTF-8, or an error naming the byte that is not in the encoding.
std::optional<std::string> decode_cell(std::string_view cell,
                                       TextEncoding encoding,
                                       std::string_view header,
                                       std::size_t index,
                                       std::string& error) {
    DecodedText decoded = to_utf8(cell, encoding);
    if (!decoded.invalid_at) {
        return std::move(decoded.text);
    }
    const auto byte = static_cast<unsigned char>(cell[*decoded.invalid_at]);
    error = fmt::format(
        "column {}{}: byte 0x{:02x} (byte {} of the cell) is not {}{}",
        index + 1,
        header.empty() ? "" : fmt::format(" '{}'", header),
        byte,
        *decoded.invalid_at + 1,
        encoding == TextEncoding::utf8 ? "UTF-8"
                                       : fmt::format("a {} character", to_string(encoding)),
        encoding == TextEncoding::utf8
            ? "; if the form tool saved the file as Windows-1252 (Excel's plain \"CSV\"), give "
              "--encoding windows-1252"
            : "");
    return std::nullopt;
}

// The map's spelling of each `meta` column, by match_key.
std::optional<std::string> meta_name(const ColumnMap& map, std::string_view key) {
    for (const std::string& header : map.meta) {
        if (match_key(header) == key) {
            return header;
        }
    }
    return std::nullopt;
}

struct Item {
    std::size_t begin;
    std::size_t end;
};

// The non-empty items of a multi-select cell, separated by k_item_separators.
std::vector<Item> items_of(std::string_view cell) {
    std::vector<Item> items;
    std::size_t begin = 0;
    while (begin <= cell.size()) {
        const std::size_t end = std::min(cell.find_first_of(k_item_separators, begin), cell.size());
        if (!trim(cell.substr(begin, end - begin), k_cell_blanks).empty()) {
            items.push_back({begin, end});
        }
        begin = end + 1;
    }
    return items;
}

// The most items one answer text of `mapping` spans ("Behind the knee, left": 2).
std::size_t widest_answer(const ColumnMapping* mapping) {
    std::size_t widest = 1;
    if (mapping != nullptr) {
        for (const auto& [text, value] : mapping->answers) {
            widest = std::max(widest, items_of(text).size());
        }
    }
    return widest;
}

// A site-list cell's items as the pack reads them, separated by ',': each item, or each run
// of items whose text (separators included) is a mapped answer, longest first ("Calf, left"
// may be one answer; no run is longer than the widest answer, `widest`), replaced by its
// value. Empty items (a trailing ';') are dropped.
std::string mapped_items(std::string_view cell, const ColumnMapping* mapping, std::size_t widest) {
    const std::vector<Item> items = items_of(cell);
    std::vector<std::string> values;
    for (std::size_t first = 0; first < items.size();) {
        std::size_t last = std::min(items.size(), first + widest);
        const std::string* mapped = nullptr;
        while (mapping != nullptr && mapped == nullptr && last > first) {
            --last;
            const std::string_view run =
                cell.substr(items[first].begin, items[last].end - items[first].begin);
            if (const auto found = mapping->answers.find(match_key(trim(run, k_cell_blanks)));
                found != mapping->answers.end()) {
                mapped = &found->second;
            }
        }
        if (mapped == nullptr) {
            last = first;
        }
        values.push_back(mapped != nullptr
                             ? *mapped
                             : std::string(trim(cell.substr(items[first].begin,
                                                            items[first].end - items[first].begin),
                                                k_cell_blanks)));
        first = last + 1;
    }
    return fmt::format("{}", fmt::join(values, ","));
}

// A single-answer cell: its mapped value, or its text.
std::string mapped_answer(std::string_view cell, const ColumnMapping* mapping) {
    if (mapping != nullptr) {
        if (const auto found = mapping->answers.find(match_key(cell));
            found != mapping->answers.end()) {
            return found->second;
        }
    }
    return std::string(cell);
}

// The answer `text` gives, in any case (the pack's values are in lower case); the error quotes
// the text as written.
ParsedAnswer parse_in_any_case(const RulePack& pack, const Fact& fact, const std::string& text) {
    ParsedAnswer answer = parse_answer(pack.sites, fact, text);
    if (!answer.value) {
        if (ParsedAnswer lower = parse_answer(pack.sites, fact, match_key(text)); lower.value) {
            return lower;
        }
    }
    return answer;
}

} // namespace

std::optional<CsvLayout> CsvLayout::from_header(const RulePack& pack,
                                                const BatchRecord& header,
                                                const ColumnMap* map,
                                                TextEncoding encoding,
                                                const std::string& file,
                                                Diagnostics& out) {
    if (!header.error.empty()) {
        out.add(header.too_long         ? DiagnosticCode::limit_exceeded
                : header.wrong_encoding ? DiagnosticCode::bad_encoding
                                        : DiagnosticCode::csv_syntax,
                {file, std::max<std::int64_t>(header.line, 1), 1},
                header.error);
        return std::nullopt;
    }
    CsvLayout layout;
    layout.m_encoding = encoding;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        layout.add_column(pack, map, header, i, file, out);
    }
    if (map != nullptr) {
        layout.check_map_columns_present(*map, header, file, out);
    }
    if (out.has_errors()) {
        return std::nullopt;
    }
    return layout;
}

// What the header `text` holds under `map`, or as a fact id; nullopt when it names no fact.
std::optional<CsvLayout::Column>
CsvLayout::column_for(const RulePack& pack, const ColumnMap* map, std::string text) {
    Column column{std::move(text), Role::fact, 0, nullptr, 1, {}};
    const std::string key = match_key(column.header);
    std::string fact_id = key;
    if (map != nullptr) {
        if (map->ignore.contains(key)) {
            const auto meta = meta_name(*map, key);
            column.role = meta ? Role::meta : Role::ignored;
            column.meta_name = meta.value_or("");
            return column;
        }
        if (const auto found = map->columns.find(key); found != map->columns.end()) {
            column.mapping = &found->second;
            column.widest_answer = widest_answer(column.mapping);
            fact_id = found->second.fact;
        }
    }
    if (fact_id == "id") {
        column.role = Role::id;
        return column;
    }
    const auto fact = pack.find_fact(fact_id);
    if (!fact) {
        return std::nullopt;
    }
    column.fact = *fact;
    return column;
}

// An earlier column with the same fact, the id again, or the same meta header.
const CsvLayout::Column* CsvLayout::same_as(const Column& column) const {
    const auto same = std::find_if(m_columns.begin(), m_columns.end(), [&](const Column& other) {
        if (other.role != column.role) {
            return false;
        }
        switch (column.role) {
        case Role::fact:
            return other.fact == column.fact;
        case Role::id:
            return true;
        case Role::meta:
            return match_key(other.header) == match_key(column.header);
        case Role::ignored:
            return false;
        }
        return false;
    });
    return same == m_columns.end() ? nullptr : &*same;
}

// Adds the column of header cell `index`; false, with the error in `out`, if it cannot be read.
bool CsvLayout::add_column(const RulePack& pack,
                           const ColumnMap* map,
                           const BatchRecord& header,
                           std::size_t index,
                           const std::string& file,
                           Diagnostics& out) {
    std::string error;
    const auto decoded = decode_cell(header.cells[index], m_encoding, {}, index, error);
    if (!decoded) {
        out.add(cell_error(file, header.line, index, {}, error, DiagnosticCode::bad_encoding));
        return false;
    }
    const std::string text(trim(*decoded, k_cell_blanks));
    std::optional<Column> column = column_for(pack, map, text);
    if (!column) {
        std::vector<std::string> known = pack.fact_ids();
        known.emplace_back("id");
        if (map != nullptr) {
            known.insert(known.end(), map->headers.begin(), map->headers.end());
        }
        out.add(cell_error(file,
                           header.line,
                           index,
                           text,
                           fmt::format("column {} '{}' names no fact{}{}",
                                       index + 1,
                                       text,
                                       did_you_mean(text, known),
                                       map == nullptr
                                           ? "; map it with --columns"
                                           : "; map it, or list it under ignore: in the map")));
        return false;
    }
    if (const Column* same = same_as(*column)) {
        out.add(cell_error(file,
                           header.line,
                           index,
                           text,
                           fmt::format("column {} '{}' repeats '{}'",
                                       index + 1,
                                       text,
                                       column->role == Role::fact ? pack.facts[column->fact].id
                                       : column->role == Role::id ? "id"
                                                                  : same->header)));
        return false;
    }
    m_columns.push_back(std::move(*column));
    return true;
}

// The map's `id` and `meta` columns are what a clinic joins results on: each must be there.
void CsvLayout::check_map_columns_present(const ColumnMap& map,
                                          const BatchRecord& header,
                                          const std::string& file,
                                          Diagnostics& out) const {
    std::vector<std::string> headers;
    for (const Column& column : m_columns) {
        headers.push_back(column.header);
    }
    std::vector<std::pair<std::string, std::string_view>> wanted;
    if (map.id) {
        wanted.emplace_back(*map.id, "id");
    }
    for (const std::string& meta : map.meta) {
        wanted.emplace_back(meta, "meta");
    }
    for (const auto& entry : wanted) {
        const std::string& name = entry.first;
        const std::string_view role = entry.second;
        const bool present = std::any_of(headers.begin(), headers.end(), [&](const auto& text) {
            return match_key(text) == match_key(name);
        });
        if (!present) {
            out.add(DiagnosticCode::missing_key,
                    {file, std::max<std::int64_t>(header.line, 1), 1},
                    fmt::format("the column map's {} column '{}' is not in the header row{}",
                                role,
                                name,
                                did_you_mean(name, headers)));
        }
    }
}

RecordProfile
CsvLayout::read(const RulePack& pack, const BatchRecord& row, const std::string& file) const {
    RecordProfile result;
    Diagnostics& out = result.diagnostics;
    if (!row.error.empty()) {
        const std::size_t cell = row.error_cell;
        out.add(row.too_long ? DiagnosticCode::limit_exceeded : DiagnosticCode::csv_syntax,
                {file, row.line, cell > 0 ? static_cast<int>(cell) : 1},
                cell > 0 && cell <= m_columns.size()
                    ? fmt::format("column {} '{}': {}", cell, m_columns[cell - 1].header, row.error)
                    : row.error);
        return result;
    }
    if (row.cells.size() != m_columns.size()) {
        out.add(DiagnosticCode::wrong_type,
                {file, row.line, 1},
                fmt::format(
                    "the row has {} cells; the header has {}", row.cells.size(), m_columns.size()));
        return result;
    }
    Profile profile = empty_profile(pack);
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        read_cell(pack, row, i, file, profile, result);
    }
    if (!out.has_errors()) {
        result.profile = std::move(profile);
    }
    return result;
}

void CsvLayout::read_cell(const RulePack& pack,
                          const BatchRecord& row,
                          std::size_t index,
                          const std::string& file,
                          Profile& profile,
                          RecordProfile& result) const {
    const Column& column = m_columns[index];
    std::string error;
    const auto decoded = decode_cell(row.cells[index], m_encoding, column.header, index, error);
    const std::string field = column.role == Role::fact ? pack.facts[column.fact].id
                              : column.role == Role::id ? "id"
                                                        : column.header;
    if (!decoded) {
        result.diagnostics.add(
            cell_error(file, row.line, index, field, error, DiagnosticCode::bad_encoding));
        return;
    }
    const std::string_view text = trim(*decoded, k_cell_blanks);
    if (column.role == Role::meta) {
        result.meta.emplace_back(column.meta_name, text);
    }
    if (text.empty() || column.role == Role::meta || column.role == Role::ignored) {
        return; // a blank cell is unanswered, never "no"
    }
    if (column.role == Role::id) {
        result.id = std::string(text);
        return;
    }
    const Fact& fact = pack.facts[column.fact];
    const std::string value = fact.type == FactType::site_list
                                  ? mapped_items(text, column.mapping, column.widest_answer)
                                  : mapped_answer(text, column.mapping);
    if (value.empty()) {
        return; // only separators: unanswered
    }
    ParsedAnswer answer = parse_in_any_case(pack, fact, value);
    if (!answer.value) {
        result.diagnostics.add(
            cell_error(file,
                       row.line,
                       index,
                       fact.id,
                       fmt::format("column {} '{}': {}", index + 1, column.header, answer.error)));
        return;
    }
    profile.answers[column.fact] = *answer.value;
}

} // namespace contra

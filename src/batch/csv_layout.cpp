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

Diagnostic cell_error(const std::string& file,
                      std::int64_t line,
                      std::size_t column,
                      std::string field,
                      std::string message) {
    Diagnostic diagnostic;
    diagnostic.code = DiagnosticCode::bad_value;
    diagnostic.where = {file, line, static_cast<int>(column + 1)};
    diagnostic.field = std::move(field);
    diagnostic.message = std::move(message);
    return diagnostic;
}

} // namespace

std::optional<CsvLayout> CsvLayout::from_header(const RulePack& pack,
                                                const BatchRecord& header,
                                                const ColumnMap* map,
                                                const std::string& file,
                                                Diagnostics& out) {
    if (!header.error.empty()) {
        out.add(header.too_long ? DiagnosticCode::limit_exceeded : DiagnosticCode::csv_syntax,
                {file, std::max<std::int64_t>(header.line, 1), 1},
                header.error);
        return std::nullopt;
    }
    std::vector<std::string> known = pack.fact_ids();
    known.emplace_back("id");
    if (map != nullptr) {
        for (const auto& [text, mapping] : map->columns) {
            known.push_back(text);
        }
    }
    CsvLayout layout;
    std::vector<bool> seen(pack.facts.size() + 1, false);
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string text{trim(header.cells[i], k_cell_blanks)};
        Column column{text, std::nullopt, nullptr};
        std::string fact_id = text;
        if (map != nullptr) {
            if (const auto found = map->columns.find(text); found != map->columns.end()) {
                column.mapping = &found->second;
                fact_id = found->second.fact;
            }
        }
        if (fact_id != "id") {
            column.fact = pack.find_fact(fact_id);
            if (!column.fact) {
                out.add(cell_error(file,
                                   header.line,
                                   i,
                                   text,
                                   fmt::format("column {} '{}' names no fact{}{}",
                                               i + 1,
                                               text,
                                               did_you_mean(text, known),
                                               map == nullptr ? "; map it with --columns" : "")));
                continue;
            }
        }
        const std::size_t slot = column.fact ? *column.fact : pack.facts.size();
        if (seen[slot]) {
            out.add(cell_error(file,
                               header.line,
                               i,
                               text,
                               fmt::format("column {} '{}' repeats '{}'", i + 1, text, fact_id)));
            continue;
        }
        seen[slot] = true;
        layout.m_columns.push_back(std::move(column));
    }
    if (out.has_errors()) {
        return std::nullopt;
    }
    return layout;
}

RecordProfile
CsvLayout::read(const RulePack& pack, const BatchRecord& row, const std::string& file) const {
    RecordProfile result;
    Diagnostics& out = result.diagnostics;
    if (!row.error.empty()) {
        out.add(row.too_long ? DiagnosticCode::limit_exceeded : DiagnosticCode::csv_syntax,
                {file, row.line, 1},
                row.error);
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
        const Column& column = m_columns[i];
        std::string_view text = trim(row.cells[i], k_cell_blanks);
        if (text.empty()) {
            continue; // a blank cell is unanswered, never "no"
        }
        if (column.mapping != nullptr) {
            if (const auto found = column.mapping->answers.find(text);
                found != column.mapping->answers.end()) {
                text = found->second;
            }
        }
        if (!column.fact) {
            result.id = std::string(text);
            continue;
        }
        const Fact& fact = pack.facts[*column.fact];
        std::string value{text};
        if (fact.type == FactType::site_list) {
            std::replace(value.begin(), value.end(), ';', ',');
        }
        ParsedAnswer answer = parse_answer(pack.sites, fact, value);
        if (!answer.value) {
            out.add(
                cell_error(file,
                           row.line,
                           i,
                           fact.id,
                           fmt::format("column {} '{}': {}", i + 1, column.header, answer.error)));
            continue;
        }
        profile.answers[*column.fact] = *answer.value;
    }
    if (!out.has_errors()) {
        result.profile = std::move(profile);
    }
    return result;
}

} // namespace contra

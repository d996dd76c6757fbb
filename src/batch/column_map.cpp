#include "batch/column_map.hpp"

#include "util/suggest.hpp"
#include "yaml/yaml_reader.hpp"

#include <fmt/format.h>

namespace contra {
namespace {

bool check_fact(const RulePack& pack,
                const YamlDocument& doc,
                const std::string& id,
                const YAML::Mark& mark,
                Diagnostics& out) {
    if (id == "id" || pack.find_fact(id)) {
        return true;
    }
    std::vector<std::string> ids = pack.fact_ids();
    ids.emplace_back("id");
    out.add(doc.error(DiagnosticCode::unknown_name,
                      mark,
                      fmt::format("unknown fact '{}'{}", id, did_you_mean(id, ids))));
    return false;
}

std::optional<ColumnMapping> read_mapping(const RulePack& pack,
                                          const YamlDocument& doc,
                                          const KeyValue& column,
                                          Diagnostics& out) {
    ColumnMapping mapping;
    if (column.value.IsScalar()) {
        auto fact = read_scalar(doc, column, out);
        if (!fact || !check_fact(pack, doc, *fact, column.value.Mark(), out)) {
            return std::nullopt;
        }
        mapping.fact = std::move(*fact);
        return mapping;
    }
    Fields fields(
        doc, column.value, fmt::format("column '{}'", column.key), {"fact", "answers"}, out);
    if (!fields.ok()) {
        return std::nullopt;
    }
    const KeyValue* fact_entry = fields.require("fact");
    if (fact_entry == nullptr) {
        return std::nullopt;
    }
    auto fact = read_scalar(doc, *fact_entry, out);
    if (!fact || !check_fact(pack, doc, *fact, fact_entry->value.Mark(), out)) {
        return std::nullopt;
    }
    mapping.fact = std::move(*fact);
    if (const KeyValue* answers = fields.find("answers")) {
        auto entries = read_map(doc, answers->value, "the answers", out);
        if (!entries) {
            return std::nullopt;
        }
        for (const KeyValue& answer : *entries) {
            auto value = read_scalar(doc, answer, out);
            if (!value) {
                return std::nullopt;
            }
            mapping.answers.emplace(answer.key, std::move(*value));
        }
    }
    return mapping;
}

} // namespace

std::optional<ColumnMap>
read_column_map(const RulePack& pack, std::string text, std::string file_name, Diagnostics& out) {
    const YamlDocument doc = YamlDocument::parse(std::move(text), std::move(file_name), out);
    if (!doc.ok()) {
        return std::nullopt;
    }
    Fields top(doc, doc.root(), "the column map", {"columns"}, out);
    if (!top.ok()) {
        return std::nullopt;
    }
    const KeyValue* columns = top.require("columns");
    if (columns == nullptr) {
        return std::nullopt;
    }
    auto entries = read_map(doc, columns->value, "the columns", out);
    if (!entries) {
        return std::nullopt;
    }
    ColumnMap map;
    for (const KeyValue& column : *entries) {
        if (auto mapping = read_mapping(pack, doc, column, out)) {
            map.columns.emplace(column.key, std::move(*mapping));
        }
    }
    if (out.has_errors()) {
        return std::nullopt;
    }
    return map;
}

} // namespace contra

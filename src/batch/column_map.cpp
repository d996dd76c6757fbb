#include "batch/column_map.hpp"

#include "util/suggest.hpp"
#include "util/text_parse.hpp"
#include "yaml/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

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

bool read_answers(const YamlDocument& doc,
                  const KeyValue& answers,
                  ColumnMapping& mapping,
                  Diagnostics& out) {
    auto entries = read_map(doc, answers.value, "the answers", out);
    if (!entries) {
        return false;
    }
    for (const KeyValue& answer : *entries) {
        auto value = read_scalar(doc, answer, out);
        if (!value) {
            return false;
        }
        if (!mapping.answers.emplace(match_key(answer.key), std::move(*value)).second) {
            out.add(doc.error(DiagnosticCode::duplicate_key,
                              answer.key_mark,
                              fmt::format("the answer '{}' is given twice (answers match "
                                          "ignoring case and surrounding spaces)",
                                          answer.key)));
            return false;
        }
    }
    return true;
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
        if (!read_answers(doc, *answers, mapping, out)) {
            return std::nullopt;
        }
    }
    return mapping;
}

// Each header has one role: a question, the id, ignored or meta. `claimed` holds, by match_key,
// where each header was given its role.
class HeaderRoles {
  public:
    HeaderRoles(const YamlDocument& doc, Diagnostics& out) : m_doc(doc), m_out(out) {}

    bool claim(const std::string& header, std::string_view role, const YAML::Mark& mark) {
        const std::string key = match_key(header);
        const auto [found, added] = m_claimed.emplace(key, std::string(role));
        if (!added) {
            m_out.add(m_doc.error(DiagnosticCode::duplicate_key,
                                  mark,
                                  fmt::format("the column '{}' is named twice (under {} and "
                                              "under {}); headers match ignoring case and "
                                              "surrounding spaces, and each has one role",
                                              header,
                                              found->second,
                                              role)));
            return false;
        }
        return true;
    }

  private:
    const YamlDocument& m_doc;
    Diagnostics& m_out;
    std::map<std::string, std::string, std::less<>> m_claimed;
};

// `id:`, `ignore:` and `meta:`: the columns that are not questions.
void read_other_columns(const YamlDocument& doc,
                        const Fields& top,
                        HeaderRoles& roles,
                        ColumnMap& map,
                        Diagnostics& out) {
    if (const KeyValue* id = top.find("id")) {
        if (auto header = read_scalar(doc, *id, out)) {
            if (roles.claim(*header, "id", id->value.Mark())) {
                map.columns.emplace(match_key(*header), ColumnMapping{"id", {}});
                map.headers.push_back(*header);
                map.id = std::move(*header);
            }
        }
    }
    for (const char* list : {"ignore", "meta"}) {
        const KeyValue* entry = top.find(list);
        if (entry == nullptr) {
            continue;
        }
        auto headers = read_scalar_list(doc, *entry, out);
        if (!headers) {
            continue;
        }
        for (auto& [header, mark] : *headers) {
            if (!roles.claim(header, list, mark)) {
                continue;
            }
            map.ignore.insert(match_key(header));
            map.headers.push_back(header);
            if (std::string_view(list) == "meta") {
                map.meta.push_back(std::move(header));
            }
        }
    }
}

} // namespace

std::string match_key(std::string_view text) {
    return ascii_lowercase(trim(text));
}

std::optional<ColumnMap>
read_column_map(const RulePack& pack, std::string text, std::string file_name, Diagnostics& out) {
    const YamlDocument doc = YamlDocument::parse(std::move(text), std::move(file_name), out);
    if (!doc.ok()) {
        return std::nullopt;
    }
    Fields top(doc, doc.root(), "the column map", {"columns", "id", "ignore", "meta"}, out);
    if (!top.ok()) {
        return std::nullopt;
    }
    ColumnMap map;
    HeaderRoles roles(doc, out);
    read_other_columns(doc, top, roles, map, out);
    if (const KeyValue* columns = top.find("columns")) {
        if (auto entries = read_map(doc, columns->value, "the columns", out)) {
            for (const KeyValue& column : *entries) {
                auto mapping = read_mapping(pack, doc, column, out);
                if (mapping && roles.claim(column.key, "columns", column.key_mark)) {
                    map.columns.emplace(match_key(column.key), std::move(*mapping));
                    map.headers.push_back(column.key);
                }
            }
        }
    }
    if (out.has_errors()) {
        return std::nullopt;
    }
    return map;
}

} // namespace contra

// The pack's `sources` section and the rules' citations of it (rules/README.md, "Sources").
#include "pack/pack_builder.hpp"
#include "util/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra::detail {
namespace {

const std::vector<std::string> k_source_keys{
    "id", "type", "authors", "title", "year", "section", "url", "isbn", "doi", "supports"};

std::string
text_at(const YamlDocument& doc, const Fields& fields, std::string_view key, Diagnostics& out) {
    const KeyValue* entry = fields.find(key);
    return entry == nullptr ? std::string{} : read_scalar(doc, *entry, out).value_or("");
}

} // namespace

void PackBuilder::read_sources(const Section& section) {
    const YamlDocument& doc = *section.doc;
    if (!section.entry.value.IsSequence()) {
        m_out.add(doc.error(DiagnosticCode::wrong_type,
                            section.entry.key_mark,
                            "expected 'sources' to be a list of sources"));
        return;
    }
    for (const YAML::Node& item : section.entry.value) {
        Fields fields(doc, item, "a source", k_source_keys, m_out);
        if (fields.ok()) {
            read_evidence_source(doc, fields);
        }
    }
}

void PackBuilder::read_evidence_source(const YamlDocument& doc, Fields& fields) {
    const KeyValue* id = fields.require("id");
    if (id == nullptr) {
        return;
    }
    EvidenceSource source;
    source.id = read_scalar(doc, *id, m_out).value_or("");
    if (source.id.empty()) {
        return;
    }
    const auto [first, fresh] = m_source_ids.emplace(source.id, doc.location(id->value.Mark()));
    if (!fresh) {
        m_out.add(doc.error(DiagnosticCode::duplicate_id,
                            id->value.Mark(),
                            fmt::format("source '{}' is defined twice (first at {}:{})",
                                        source.id,
                                        first->second.file,
                                        first->second.line)));
        return;
    }
    if (const KeyValue* type = fields.find("type")) {
        const std::string name = read_scalar(doc, *type, m_out).value_or("");
        if (const auto parsed = source_type_from_string(name)) {
            source.type = *parsed;
        } else {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                type->value.Mark(),
                                fmt::format("'type' must be one of: {}; got '{}'{}",
                                            fmt::join(source_type_names(), ", "),
                                            name,
                                            did_you_mean(name, source_type_names()))));
        }
    }
    source.authors = text_at(doc, fields, "authors", m_out);
    source.title = text_at(doc, fields, "title", m_out);
    source.year = text_at(doc, fields, "year", m_out);
    source.section = text_at(doc, fields, "section", m_out);
    source.url = text_at(doc, fields, "url", m_out);
    source.isbn = text_at(doc, fields, "isbn", m_out);
    source.doi = text_at(doc, fields, "doi", m_out);
    source.supports = text_at(doc, fields, "supports", m_out);
    m_sources.evidence.push_back(doc.location(id->value.Mark()));
    m_pack.evidence.push_back(std::move(source));
}

// A pack with a `sources` section cites its sources by id (`nice_cg168`, or
// `{source: nice_cg168, detail: "1.2.1"}`); a pack without one cites in free text.
void PackBuilder::read_rule_sources(const YamlDocument& doc, const KeyValue& sources, Rule& rule) {
    if (!sources.value.IsSequence()) {
        m_out.add(doc.error(DiagnosticCode::wrong_type,
                            sources.value.Mark(),
                            fmt::format("rule '{}': expected 'sources' to be a list", rule.id)));
        return;
    }
    if (sources.value.size() == 0) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            sources.value.Mark(),
                            fmt::format("rule '{}' must cite at least one source", rule.id)));
        return;
    }
    for (const YAML::Node& item : sources.value) {
        if (m_source_ids.empty()) {
            if (auto text = read_scalar(doc, item, "a source", m_out)) {
                rule.sources.push_back(*text);
            }
        } else {
            read_citation(doc, item, rule);
        }
    }
}

void PackBuilder::read_citation(const YamlDocument& doc, const YAML::Node& item, Rule& rule) {
    std::optional<std::string> id;
    std::string detail;
    YAML::Mark mark = item.Mark();
    if (item.IsMap()) {
        Fields fields(doc, item, "a citation", {"source", "detail"}, m_out);
        const KeyValue* source = fields.ok() ? fields.require("source") : nullptr;
        if (source == nullptr) {
            return;
        }
        id = read_scalar(doc, *source, m_out);
        mark = source->value.Mark();
        detail = text_at(doc, fields, "detail", m_out);
    } else {
        id = read_scalar(doc, item, "a source id", m_out);
    }
    if (!id) {
        return;
    }
    const auto found = std::find_if(m_pack.evidence.begin(),
                                    m_pack.evidence.end(),
                                    [&](const EvidenceSource& source) { return source.id == *id; });
    if (found == m_pack.evidence.end()) {
        std::vector<std::string> known;
        for (const EvidenceSource& source : m_pack.evidence) {
            known.push_back(source.id);
        }
        m_out.add(doc.error(DiagnosticCode::unknown_name,
                            mark,
                            fmt::format("rule '{}' cites source '{}', which the pack's 'sources' "
                                        "section does not define{}",
                                        rule.id,
                                        *id,
                                        did_you_mean(*id, known))));
        return;
    }
    const std::string citation = citation_text(*found);
    rule.sources.push_back(detail.empty() ? citation : fmt::format("{} [{}]", citation, detail));
    rule.citations.push_back(
        Citation{static_cast<std::uint32_t>(found - m_pack.evidence.begin()), detail});
}

} // namespace contra::detail

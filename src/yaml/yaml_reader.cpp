#include "yaml/yaml_reader.hpp"

#include "util/input_limits.hpp"
#include "util/suggest.hpp"
#include "util/text_parse.hpp"
#include "util/utf8.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <unordered_map>

namespace contra {
namespace {

struct Refusal {
    YAML::Mark mark;
    DiagnosticCode code;
    std::string message;
};

// Counts what a document holds against the input limits (input_limits.hpp). The guard's pass
// over parser events and the walk of a built tree share it.
class LimitCounter {
  public:
    explicit LimitCounter(const ItemLimit& limit) : m_limit(limit) {}
    void open(const YAML::Mark& mark) {
        item(mark);
        if (++m_depth > k_max_depth) {
            throw Refusal{
                mark,
                DiagnosticCode::limit_exceeded,
                fmt::format("nesting deeper than {} levels (limit max-depth)", k_max_depth)};
        }
    }
    void close() { --m_depth; }
    [[nodiscard]] std::size_t items() const { return m_items; }
    void scalar(const YAML::Mark& mark, std::string_view value) {
        item(mark);
        if (value.size() > k_max_string_length) {
            throw Refusal{mark,
                          DiagnosticCode::limit_exceeded,
                          fmt::format("a value longer than {} KiB (limit max-string-length)",
                                      k_max_string_length / 1024)};
        }
    }
    void item(const YAML::Mark& mark) {
        if (++m_items > m_limit.max) {
            throw Refusal{mark,
                          DiagnosticCode::limit_exceeded,
                          m_limit.message.empty()
                              ? fmt::format("more than {} values in one document (limit max-items)",
                                            m_limit.max)
                              : m_limit.message};
        }
    }

  private:
    const ItemLimit& m_limit;
    int m_depth = 0;
    std::size_t m_items = 0;
};

// Text after the first document: a `---` line, or anything after a complete flow mapping
// (`{...}{...}`, `{...}zzz`), which yaml-cpp starts a second document with.
Refusal second_document(std::string_view text, const YAML::Mark& mark) {
    const auto at = static_cast<std::size_t>(std::max(mark.pos, 0));
    if (text.substr(at, 3) == "---") {
        return Refusal{mark,
                       DiagnosticCode::unsupported_yaml,
                       "a second YAML document ('---') is not allowed; give one document"};
    }
    return Refusal{mark,
                   DiagnosticCode::unsupported_yaml,
                   "text after the end of the first document; give one document, followed "
                   "by nothing but blanks and comments"};
}

// A first pass over the parser's events refuses what plain data never needs, and anything over
// the limits, before yaml-cpp builds a tree (where aliases would already be expanded).
class PlainDataGuard : public YAML::EventHandler {
  public:
    PlainDataGuard(std::string_view text, const ItemLimit& limit) : m_text(text), m_limits(limit) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++m_documents > 1) {
            throw second_document(m_text, mark);
        }
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        check_anchor(mark, anchor);
        m_limits.item(mark);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw Refusal{mark,
                      DiagnosticCode::unsupported_yaml,
                      "YAML aliases ('*name') are not allowed; write the value out"};
    }
    void OnScalar(const YAML::Mark& mark,
                  const std::string& tag,
                  YAML::anchor_t anchor,
                  const std::string& value) override {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        m_limits.scalar(mark, value);
    }
    void OnSequenceStart(const YAML::Mark& mark,
                         const std::string& tag,
                         YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, tag, anchor);
    }
    void OnSequenceEnd() override { m_limits.close(); }
    void OnMapStart(const YAML::Mark& mark,
                    const std::string& tag,
                    YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, tag, anchor);
    }
    void OnMapEnd() override { m_limits.close(); }

  private:
    void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
        check_anchor(mark, anchor);
        check_tag(mark, tag);
        m_limits.open(mark);
    }
    static void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) {
            throw Refusal{
                mark, DiagnosticCode::unsupported_yaml, "YAML anchors ('&name') are not allowed"};
        }
    }
    static void check_tag(const YAML::Mark& mark, const std::string& tag) {
        if (!tag.empty() && tag != "?" && tag != "!") {
            throw Refusal{mark,
                          DiagnosticCode::unsupported_yaml,
                          fmt::format("YAML tags ('{}') are not allowed", tag)};
        }
    }

    std::string_view m_text;
    int m_documents = 0;
    LimitCounter m_limits;
};

// Without aliases the document is a tree, so this walk is linear in its size.
void count_limits(const YAML::Node& node, LimitCounter& limits) {
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        limits.scalar(node.Mark(), node.Scalar());
        return;
    case YAML::NodeType::Map:
        limits.open(node.Mark());
        for (const auto& pair : node) {
            count_limits(pair.first, limits);
            count_limits(pair.second, limits);
        }
        limits.close();
        return;
    case YAML::NodeType::Sequence:
        limits.open(node.Mark());
        for (const auto& item : node) {
            count_limits(item, limits);
        }
        limits.close();
        return;
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        limits.item(node.Mark());
        return;
    }
}

// The one document of `text`. Every document is built, so that whatever follows the first is
// found whatever it holds; the guard's pass has already refused a second one.
YAML::Node load_one_document(const std::string& text) {
    std::vector<YAML::Node> documents = YAML::LoadAll(text);
    if (documents.empty()) {
        return YAML::Node{};
    }
    if (documents.size() > 1) {
        throw second_document(text, documents[1].Mark());
    }
    return documents.front();
}

// Where each line starts, as yaml-cpp counts lines (a line ends at LF): built once, so that a
// message's source line costs its own length, not a scan from the start of the text.
std::vector<std::size_t> line_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t at = text.find('\n'); at != std::string_view::npos;
         at = text.find('\n', at + 1)) {
        starts.push_back(at + 1);
    }
    return starts;
}

// The line and column (0-based, as yaml-cpp counts) of a byte offset.
YAML::Mark mark_at(std::string_view text, std::size_t offset) {
    const std::string_view before = text.substr(0, offset);
    YAML::Mark mark;
    mark.pos = static_cast<int>(offset);
    mark.line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t line_start = before.rfind('\n');
    mark.column =
        static_cast<int>(line_start == std::string_view::npos ? offset : offset - line_start - 1);
    return mark;
}

std::string describe_node_type(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return "a mapping";
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Scalar:
        return fmt::format("'{}'", node.Scalar());
    case YAML::NodeType::Null:
        return "nothing";
    case YAML::NodeType::Undefined:
        break;
    }
    return "nothing";
}

} // namespace

YamlDocument YamlDocument::parse(std::string text,
                                 std::string file_name,
                                 Diagnostics& out,
                                 const ItemLimit& limit) {
    YamlDocument doc;
    doc.m_file = std::move(file_name);
    doc.m_text = std::move(text);
    doc.m_line_starts = line_starts(doc.m_text);
    if (const auto nul = doc.m_text.find('\0'); nul != std::string::npos) {
        out.add(doc.error(DiagnosticCode::bad_encoding,
                          mark_at(doc.m_text, nul),
                          "a NUL byte is not allowed in YAML or JSON text"));
        return doc;
    }
    if (const auto invalid = first_invalid_utf8(doc.m_text)) {
        out.add(doc.error(DiagnosticCode::bad_encoding,
                          mark_at(doc.m_text, *invalid),
                          fmt::format("byte 0x{:02x} is not UTF-8; save the file as UTF-8",
                                      static_cast<unsigned char>(doc.m_text[*invalid]))));
        return doc;
    }
    try {
        // Always: on some malformed text yaml-cpp starts empty documents without end, and the
        // guard stops at the second (a 1.2 KB fuzz input hung YAML::LoadAll).
        {
            std::istringstream events(doc.m_text);
            YAML::Parser parser(events);
            PlainDataGuard guard(doc.m_text, limit);
            while (parser.HandleNextDocument(guard)) {
            }
        }
        doc.m_root = load_one_document(doc.m_text);
        LimitCounter limits(limit);
        count_limits(doc.m_root, limits);
        doc.m_items = limits.items();
        doc.m_ok = true;
    } catch (const Refusal& refusal) {
        out.add(doc.error(refusal.code, refusal.mark, refusal.message));
    } catch (const YAML::DeepRecursion& e) {
        out.add(
            doc.error(DiagnosticCode::limit_exceeded,
                      e.mark,
                      fmt::format("nesting deeper than {} levels (limit max-depth)", k_max_depth)));
    } catch (const YAML::ParserException& e) {
        std::string message = e.msg;
        if (doc.line_text(e.mark.line + 1).find('\t') != std::string::npos) {
            message += " (tab characters cannot indent YAML; use spaces)";
        }
        out.add(doc.error(DiagnosticCode::yaml_syntax, e.mark, message));
    } catch (const YAML::Exception& e) {
        out.add(doc.error(DiagnosticCode::yaml_syntax, e.mark, e.msg));
    }
    return doc;
}

SourceLocation YamlDocument::location(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) {
        return {m_file, 0, 0};
    }
    return {m_file, mark.line + 1, mark.column + 1};
}

Diagnostic
YamlDocument::error(DiagnosticCode code, const YAML::Mark& mark, std::string message) const {
    SourceLocation where = location(mark);
    std::string line = where.line > 0 ? line_text(where.line) : std::string{};
    return Diagnostic{
        code, Severity::error, std::move(where), std::move(message), std::move(line), {}};
}

std::string YamlDocument::line_text(std::int64_t line) const {
    if (line < 1 || static_cast<std::size_t>(line) > m_line_starts.size()) {
        return {};
    }
    constexpr std::size_t k_max_snippet = 200;
    const std::size_t start = m_line_starts[static_cast<std::size_t>(line - 1)];
    // One byte past the snippet, so that a CR ending a line of exactly the snippet's length goes.
    const std::size_t end = std::min(m_text.find('\n', start), start + k_max_snippet + 1);
    std::string text = m_text.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') {
        text.pop_back();
    }
    // Control bytes would garble the terminal; the caret still lines up.
    std::replace_if(
        text.begin(),
        text.end(),
        [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t'; },
        '?');
    if (text.size() > k_max_snippet) {
        text.resize(k_max_snippet);
    }
    return text;
}

std::optional<std::vector<KeyValue>>
read_map(const YamlDocument& doc, const YAML::Node& node, std::string_view what, Diagnostics& out) {
    if (!node.IsMap()) {
        out.add(doc.error(DiagnosticCode::wrong_type,
                          node.Mark(),
                          fmt::format("expected {} as a mapping of 'key: value', got {}",
                                      what,
                                      describe_node_type(node))));
        return std::nullopt;
    }
    std::vector<KeyValue> entries;
    // Keys are views of the scalars in yaml-cpp's tree, which outlives this call.
    std::unordered_map<std::string_view, std::size_t> index_of_key;
    for (const auto& pair : node) {
        if (!pair.first.IsScalar()) {
            if (out.error_limit_reached()) {
                continue;
            }
            out.add(doc.error(DiagnosticCode::wrong_type,
                              pair.first.Mark(),
                              fmt::format("expected a plain key in {}", what)));
            continue;
        }
        const std::string& key = pair.first.Scalar();
        const auto [first, inserted] = index_of_key.try_emplace(key, entries.size());
        if (!inserted) {
            if (out.error_limit_reached()) {
                continue; // dropped anyway: building it would cost a line's copy each
            }
            out.add(doc.error(DiagnosticCode::duplicate_key,
                              pair.first.Mark(),
                              fmt::format("duplicate key '{}' in {} (first defined at line {})",
                                          key,
                                          what,
                                          entries[first->second].key_mark.line + 1)));
            continue;
        }
        entries.push_back(KeyValue{key, pair.first.Mark(), pair.second});
    }
    return entries;
}

Fields::Fields(const YamlDocument& doc,
               const YAML::Node& node,
               std::string_view what,
               const std::vector<std::string>& known,
               Diagnostics& out)
    : m_doc(doc), m_node(node), m_what(what), m_out(out) {
    // Name the mapping by its id when it has one: "unknown key 'levle' in rule 'R10'".
    if (node.IsMap()) {
        for (const auto& pair : node) {
            if (pair.first.IsScalar() && pair.first.Scalar() == "id" && pair.second.IsScalar()) {
                std::string_view kind = what;
                for (std::string_view article : {"a ", "an "}) {
                    if (kind.substr(0, article.size()) == article) {
                        kind.remove_prefix(article.size());
                    }
                }
                m_what = fmt::format("{} '{}'", kind, pair.second.Scalar());
                break;
            }
        }
    }
    auto entries = read_map(doc, node, m_what, out);
    if (!entries) {
        return;
    }
    m_ok = true;
    for (KeyValue& entry : *entries) {
        if (std::find(known.begin(), known.end(), entry.key) == known.end()) {
            if (out.error_limit_reached()) {
                continue; // past the limit: no did-you-mean search for a dropped error
            }
            out.add(doc.error(DiagnosticCode::unknown_key,
                              entry.key_mark,
                              fmt::format("unknown key '{}' in {}{}",
                                          entry.key,
                                          m_what,
                                          did_you_mean(entry.key, known))));
            continue;
        }
        m_entries.push_back(std::move(entry));
    }
}

const KeyValue* Fields::find(std::string_view key) const {
    for (const KeyValue& entry : m_entries) {
        if (entry.key == key) {
            return &entry;
        }
    }
    return nullptr;
}

const KeyValue* Fields::require(std::string_view key) {
    const KeyValue* entry = find(key);
    if (entry == nullptr && m_ok) {
        m_out.add(m_doc.error(DiagnosticCode::missing_key,
                              m_node.Mark(),
                              fmt::format("{} has no '{}'", m_what, key)));
    }
    return entry;
}

std::optional<YAML::Node> find_child(const YAML::Node& node, std::string_view key) {
    if (!node.IsMap()) {
        return std::nullopt;
    }
    for (const auto& pair : node) {
        if (pair.first.IsScalar() && pair.first.Scalar() == key) {
            return pair.second;
        }
    }
    return std::nullopt;
}

bool is_null_scalar(const YAML::Node& node) {
    return node.IsNull() || (node.IsScalar() && node.Tag() == "?" &&
                             (node.Scalar() == "~" || node.Scalar() == "null" ||
                              node.Scalar() == "Null" || node.Scalar() == "NULL"));
}

std::optional<std::string>
read_scalar(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out) {
    if (is_null_scalar(entry.value)) {
        out.add(doc.error(DiagnosticCode::missing_key,
                          entry.key_mark,
                          fmt::format("'{}' has no value", entry.key)));
        return std::nullopt;
    }
    return read_scalar(doc, entry.value, fmt::format("'{}'", entry.key), out);
}

std::optional<std::string> read_scalar(const YamlDocument& doc,
                                       const YAML::Node& node,
                                       std::string_view what,
                                       Diagnostics& out) {
    if (!node.IsScalar()) {
        out.add(doc.error(
            DiagnosticCode::wrong_type,
            node.Mark(),
            fmt::format("expected a single value for {}, got {}", what, describe_node_type(node))));
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<double>
read_number(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out) {
    auto text = read_scalar(doc, entry, out);
    if (!text) {
        return std::nullopt;
    }
    auto number = parse_number(*text);
    if (!number) {
        out.add(
            doc.error(DiagnosticCode::bad_value,
                      entry.value.Mark(),
                      fmt::format("'{}' must be a decimal number, got '{}'", entry.key, *text)));
    }
    return number;
}

std::optional<bool> read_bool(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out) {
    auto text = read_scalar(doc, entry, out);
    if (!text) {
        return std::nullopt;
    }
    auto value = parse_yes_no(*text);
    if (!value) {
        out.add(doc.error(DiagnosticCode::bad_value,
                          entry.value.Mark(),
                          fmt::format("'{}' must be true or false, got '{}'", entry.key, *text)));
    }
    return value;
}

std::optional<std::vector<std::pair<std::string, YAML::Mark>>>
read_scalar_list(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out) {
    if (!entry.value.IsSequence()) {
        out.add(doc.error(DiagnosticCode::wrong_type,
                          is_null_scalar(entry.value) ? entry.key_mark : entry.value.Mark(),
                          fmt::format("expected a list for '{}', got {}",
                                      entry.key,
                                      describe_node_type(entry.value))));
        return std::nullopt;
    }
    std::vector<std::pair<std::string, YAML::Mark>> items;
    bool ok = true;
    for (const YAML::Node& item : entry.value) {
        auto text = read_scalar(doc, item, fmt::format("an item of '{}'", entry.key), out);
        if (!text) {
            ok = false;
            continue;
        }
        items.emplace_back(*text, item.Mark());
    }
    if (!ok) {
        return std::nullopt;
    }
    return items;
}

} // namespace contra

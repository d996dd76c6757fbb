#pragma once

#include "util/diagnostic.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

/// The most values (scalars, lists, mappings) a document may hold, and the message when it holds
/// more; by default max-items. A rule pack passes what is left of its budget for all its files.
struct ItemLimit {
    std::size_t max = k_max_items;
    std::string message; ///< empty: "more than N values in one document (limit max-items)"
};

/// A YAML (or JSON) document with positions. The only place that touches yaml-cpp's 0-based
/// marks; diagnostics carry 1-based lines and columns and the offending source line.
/// Anchors, aliases, tags and a second document are refused: inputs are plain data. So are NUL
/// bytes, text that is not UTF-8, and anything over the limits of input_limits.hpp.
class YamlDocument {
  public:
    /// Parses `text`. On failure `ok()` is false and the reasons are in `out`.
    static YamlDocument
    parse(std::string text, std::string file_name, Diagnostics& out, const ItemLimit& limit = {});

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] const YAML::Node& root() const { return m_root; }
    [[nodiscard]] const std::string& file() const { return m_file; }
    /// How many values (scalars, lists, mappings) the document holds; 0 unless ok().
    [[nodiscard]] std::size_t items() const { return m_items; }

    [[nodiscard]] SourceLocation location(const YAML::Mark& mark) const;
    [[nodiscard]] Diagnostic
    error(DiagnosticCode code, const YAML::Mark& mark, std::string message) const;
    /// The text of 1-based `line`, cut for a message; found in the line index, not by a scan.
    [[nodiscard]] std::string line_text(std::int64_t line) const;

  private:
    std::string m_file;
    std::string m_text;
    std::vector<std::size_t> m_line_starts; ///< the offset of each line's first byte
    YAML::Node m_root;
    std::size_t m_items = 0;
    bool m_ok = false;
};

/// One entry of a mapping, with the key's position (empty and null values are reported there).
struct KeyValue {
    std::string key;
    YAML::Mark key_mark;
    YAML::Node value;
};

/// The entries of a mapping in order; duplicate keys are reported. nullopt if `node` is not a
/// mapping (reported as `wrong-type` for `what`).
std::optional<std::vector<KeyValue>>
read_map(const YamlDocument& doc, const YAML::Node& node, std::string_view what, Diagnostics& out);

/// A mapping with a fixed set of allowed keys: unknown keys are errors with a did-you-mean.
class Fields {
  public:
    Fields(const YamlDocument& doc,
           const YAML::Node& node,
           std::string_view what,
           const std::vector<std::string>& known,
           Diagnostics& out);

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] const KeyValue* find(std::string_view key) const;
    /// Like find, but reports a `missing-key` error at the mapping when absent.
    const KeyValue* require(std::string_view key);
    [[nodiscard]] const std::vector<KeyValue>& entries() const { return m_entries; }

  private:
    const YamlDocument& m_doc;
    YAML::Node m_node;
    std::string m_what;
    Diagnostics& m_out;
    std::vector<KeyValue> m_entries;
    bool m_ok = false;
};

/// The text of a scalar value; an error (at the key for an empty value) otherwise.
std::optional<std::string>
read_scalar(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out);
/// A scalar node's text; `what` names it in the error.
std::optional<std::string> read_scalar(const YamlDocument& doc,
                                       const YAML::Node& node,
                                       std::string_view what,
                                       Diagnostics& out);
std::optional<double> read_number(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out);
std::optional<bool> read_bool(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out);
/// A sequence of scalars (a single scalar is not accepted).
std::optional<std::vector<std::pair<std::string, YAML::Mark>>>
read_scalar_list(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out);

/// The value of `key` in a mapping; nullopt when `node` is not a mapping or has no such key.
/// (yaml-cpp's const operator[] returns an invalid node that throws when used.)
std::optional<YAML::Node> find_child(const YAML::Node& node, std::string_view key);

/// True for a scalar that YAML and JSON read as null (`~`, `null`, empty).
bool is_null_scalar(const YAML::Node& node);

} // namespace contra

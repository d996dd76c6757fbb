#include "pack/pack_loader.hpp"

#include "pack/pack_builder.hpp"
#include "util/file_text.hpp"
#include "util/folder_file.hpp"
#include "util/sha256.hpp"
#include "util/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <set>

namespace contra {
namespace {

const std::vector<std::string> k_sections{"pack",
                                          "sites",
                                          "groups",
                                          "aliases",
                                          "facts",
                                          "treatment",
                                          "modalities",
                                          "predicates",
                                          "rules",
                                          "sources",
                                          "screening",
                                          "follow_ups"};

// A manifest list of plain texts (`authors`, `do_not_cite`), when the key is there.
void read_text_list(const YamlDocument& doc,
                    const KeyValue* entry,
                    std::vector<std::string>& texts,
                    Diagnostics& out) {
    if (entry == nullptr) {
        return;
    }
    for (auto& [text, mark] : read_scalar_list(doc, *entry, out)
                                  .value_or(std::vector<std::pair<std::string, YAML::Mark>>{})) {
        texts.push_back(std::move(text));
    }
}

struct Manifest {
    PackInfo info;
    std::vector<std::pair<std::string, YAML::Mark>> files;
};

// A pack may name only plain files beside its manifest: nothing outside the pack is read.
bool is_plain_file_name(std::string_view name) {
    return !name.empty() && name.find('/') == std::string_view::npos &&
           name.find('\\') == std::string_view::npos && name != "." && name != ".." &&
           name.front() != '.';
}

// The files a manifest lists, each a plain file name listed once.
std::optional<std::vector<std::pair<std::string, YAML::Mark>>>
read_manifest_files(const YamlDocument& doc, const KeyValue& files, Diagnostics& out) {
    auto names = read_scalar_list(doc, files, out);
    if (!names) {
        return std::nullopt;
    }
    std::vector<std::pair<std::string, YAML::Mark>> accepted;
    std::map<std::string, YAML::Mark> listed;
    for (auto& [file, mark] : *names) {
        if (!is_plain_file_name(file)) {
            out.add(doc.error(DiagnosticCode::bad_value,
                              mark,
                              fmt::format("'{}' is not a file of this pack: name a file in the "
                                          "pack's own folder, without '/' or '..'",
                                          file)));
            continue;
        }
        if (const auto first = listed.find(file); first != listed.end()) {
            const SourceLocation at = doc.location(first->second);
            out.add(doc.error(DiagnosticCode::bad_value,
                              mark,
                              fmt::format("'{}' is already listed at {}:{}; list each file once",
                                          file,
                                          at.line,
                                          at.column)));
            continue;
        }
        if (listed.size() == k_max_pack_files) {
            out.add(doc.error(DiagnosticCode::limit_exceeded,
                              mark,
                              fmt::format("a pack of more than {} files (limit max-pack-files)",
                                          k_max_pack_files)));
            break;
        }
        listed.emplace(file, mark);
        accepted.emplace_back(file, mark);
    }
    return accepted;
}

std::optional<Manifest>
read_manifest(const YamlDocument& doc, const KeyValue& entry, Diagnostics& out) {
    Fields fields(doc,
                  entry.value,
                  "'pack'",
                  {"name", "version", "title", "authors", "reviewed", "do_not_cite", "files"},
                  out);
    const KeyValue* name = fields.require("name");
    const KeyValue* version = fields.require("version");
    const KeyValue* files = fields.require("files");
    if (!fields.ok() || name == nullptr || version == nullptr || files == nullptr) {
        return std::nullopt;
    }
    Manifest manifest;
    manifest.info.name = read_scalar(doc, *name, out).value_or("");
    manifest.info.version = read_scalar(doc, *version, out).value_or("");
    if (const KeyValue* title = fields.find("title")) {
        manifest.info.title = read_scalar(doc, *title, out).value_or("");
    }
    if (const KeyValue* reviewed = fields.find("reviewed")) {
        manifest.info.reviewed = read_scalar(doc, *reviewed, out).value_or("");
    }
    read_text_list(doc, fields.find("authors"), manifest.info.authors, out);
    read_text_list(doc, fields.find("do_not_cite"), manifest.info.do_not_cite, out);
    auto listed = read_manifest_files(doc, *files, out);
    if (!listed) {
        return std::nullopt;
    }
    manifest.files = std::move(*listed);
    return manifest;
}

// The documents of a pack being loaded, and the sections they hold, by name.
struct PackReading {
    PackLoadResult& result;
    const std::string& display_prefix;
    std::vector<std::unique_ptr<YamlDocument>> documents;
    std::map<std::string, std::vector<detail::Section>> sections;
    std::optional<Manifest> manifest;
    std::size_t pack_items = 0;
};

// Every document stays in memory until the pack is built: the pack as a whole is bounded.
ItemLimit item_limit(std::size_t pack_items) {
    return ItemLimit{
        std::min(k_max_items, k_max_pack_items - pack_items),
        pack_items + k_max_items > k_max_pack_items
            ? fmt::format("more than {} values in all the pack's files (limit max-pack-items)",
                          k_max_pack_items)
            : std::string{}};
}

void add_section(PackReading& reading, const YamlDocument& doc, KeyValue& entry, bool in_manifest) {
    Diagnostics& out = reading.result.diagnostics;
    if (std::find(k_sections.begin(), k_sections.end(), entry.key) == k_sections.end()) {
        out.add(doc.error(
            DiagnosticCode::unknown_key,
            entry.key_mark,
            fmt::format("unknown section '{}'{}", entry.key, did_you_mean(entry.key, k_sections))));
        return;
    }
    if (entry.key == "pack") {
        if (in_manifest) {
            reading.manifest = read_manifest(doc, entry, out);
        } else {
            out.add(doc.error(DiagnosticCode::bad_value,
                              entry.key_mark,
                              "the 'pack' section belongs in pack.yaml"));
        }
        return;
    }
    std::vector<detail::Section>& same = reading.sections[entry.key];
    if (!same.empty() && entry.key == "treatment") {
        const SourceLocation first = same.front().doc->location(same.front().entry.key_mark);
        out.add(doc.error(
            DiagnosticCode::duplicate_key,
            entry.key_mark,
            fmt::format(
                "section '{}' is already defined at {}:{}", entry.key, first.file, first.line)));
        return;
    }
    same.push_back(detail::Section{&doc, entry});
}

// Parses one file of the pack and files its sections; false when it is not YAML.
bool add_document(PackReading& reading, const PackSource& source, bool is_manifest) {
    Diagnostics& out = reading.result.diagnostics;
    const std::string name = reading.display_prefix + source.name;
    reading.result.sources.texts[name] = source.text;
    auto doc = std::make_unique<YamlDocument>(
        YamlDocument::parse(source.text, name, out, item_limit(reading.pack_items)));
    if (!doc->ok()) {
        return false;
    }
    reading.pack_items += doc->items();
    auto entries = read_map(*doc, doc->root(), "a pack file", out);
    for (KeyValue& entry : entries.value_or(std::vector<KeyValue>{})) {
        add_section(reading, *doc, entry, is_manifest);
    }
    reading.documents.push_back(std::move(doc));
    return true;
}

// The files in the order the manifest lists them; each one missing is reported at its line.
std::vector<PackSource> listed_files(PackReading& reading, const std::vector<PackSource>& files) {
    std::map<std::string_view, const PackSource*> by_name;
    for (const PackSource& file : files) {
        by_name.emplace(file.name, &file);
    }
    std::vector<PackSource> ordered;
    for (const auto& [name, mark] : reading.manifest->files) {
        const auto found = by_name.find(name);
        if (found == by_name.end()) {
            reading.result.diagnostics.add(reading.documents.front()->error(
                DiagnosticCode::file_read,
                mark,
                fmt::format("cannot read the pack file '{}'", name)));
            continue;
        }
        ordered.push_back(*found->second);
    }
    return ordered;
}

DiagnosticCode read_error_code(const FileText& file) {
    return file.too_large ? DiagnosticCode::limit_exceeded : DiagnosticCode::file_read;
}

} // namespace

std::string pack_sha256(const PackSource& manifest, const std::vector<PackSource>& files_in_order) {
    Sha256 hash;
    auto add = [&](const PackSource& source) {
        hash.update(fmt::format("{}\n{}\n", source.name, source.text.size()));
        hash.update(source.text);
    };
    add(manifest);
    for (const PackSource& file : files_in_order) {
        add(file);
    }
    return hash.hex_digest();
}

PackLoadResult load_pack(const PackSource& manifest_source,
                         const std::vector<PackSource>& files,
                         const std::string& display_prefix) {
    PackLoadResult result;
    Diagnostics& out = result.diagnostics;
    PackReading reading{result, display_prefix, {}, {}, {}, 0};
    if (!add_document(reading, manifest_source, true)) {
        return result;
    }
    if (!reading.manifest) {
        if (!out.has_errors()) {
            out.add(DiagnosticCode::missing_key,
                    {display_prefix + manifest_source.name, 1, 1},
                    "pack.yaml has no 'pack' section (name, version, files)");
        }
        return result;
    }
    const std::vector<PackSource> ordered = listed_files(reading, files);
    for (const PackSource& file : ordered) {
        if (!add_document(reading, file, false) && out.error_limit_reached()) {
            break;
        }
    }
    if (out.has_errors()) {
        return result;
    }
    detail::PackBuilder builder(out, result.sources);
    RulePack pack = builder.build(reading.sections);
    if (out.has_errors()) {
        return result;
    }
    pack.info = reading.manifest->info;
    pack.info.sha256 = pack_sha256(manifest_source, ordered);
    result.pack = std::move(pack);
    return result;
}

PackLoadResult load_pack_from_directory(const std::filesystem::path& directory) {
    std::string prefix = directory.string();
    if (!prefix.empty() && prefix.back() != '/') {
        prefix += '/';
    }
    PackLoadResult result;
    FileText manifest = read_file_in_folder(directory, "pack.yaml");
    if (!manifest.error.empty()) {
        result.diagnostics.add(
            read_error_code(manifest), {prefix + "pack.yaml", 0, 0}, manifest.error);
        return result;
    }
    PackSource manifest_source{"pack.yaml", std::move(manifest.text)};
    // Read the listed files first; names are checked again, with positions, by load_pack.
    Diagnostics ignored;
    YamlDocument doc = YamlDocument::parse(manifest_source.text, prefix + "pack.yaml", ignored);
    std::vector<PackSource> files;
    Diagnostics read_errors;
    const auto pack_section = doc.ok() ? find_child(doc.root(), "pack") : std::nullopt;
    const auto listed = pack_section ? find_child(*pack_section, "files") : std::nullopt;
    // Each file is read once, however often it is listed (load_pack reports the repeats).
    std::set<std::string> read;
    std::size_t pack_size = manifest_source.text.size();
    if (listed && listed->IsSequence()) {
        for (const YAML::Node& item : *listed) {
            if (!item.IsScalar() || !is_plain_file_name(item.Scalar()) ||
                !read.insert(item.Scalar()).second) {
                continue;
            }
            if (read.size() > k_max_pack_files) {
                break; // load_pack reports it, at its line
            }
            FileText file = read_file_in_folder(directory, item.Scalar());
            if (!file.error.empty()) {
                read_errors.add(read_error_code(file), {prefix + item.Scalar(), 0, 0}, file.error);
                continue;
            }
            pack_size += file.text.size();
            if (pack_size > k_max_pack_size) {
                read_errors.add(doc.error(
                    DiagnosticCode::limit_exceeded,
                    item.Mark(),
                    fmt::format("with '{}' the pack's files come to more than {} MiB (limit "
                                "max-pack-size)",
                                item.Scalar(),
                                k_max_pack_size / (std::size_t{1024} * 1024))));
                result.diagnostics = std::move(read_errors);
                return result;
            }
            files.push_back(PackSource{item.Scalar(), std::move(file.text)});
        }
    }
    // load_pack also reports each file it lacks, at the line of pack.yaml that lists it.
    PackLoadResult loaded = load_pack(manifest_source, files, prefix);
    read_errors.append(loaded.diagnostics);
    loaded.diagnostics = std::move(read_errors);
    return loaded;
}

} // namespace contra

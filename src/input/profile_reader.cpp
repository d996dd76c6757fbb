#include "input/profile_reader.hpp"

#include "input/json_profile.hpp"
#include "input/json_syntax.hpp"
#include "model/fact_value.hpp"
#include "util/suggest.hpp"
#include "yaml/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace contra {
namespace {

std::optional<Value> read_answer(const RulePack& pack,
                                 const YamlDocument& doc,
                                 const Fact& fact,
                                 const KeyValue& entry,
                                 Diagnostics& out) {
    const YAML::Node& node = entry.value;
    if (is_null_scalar(node)) {
        return Value{}; // a blank answer is unanswered, never "no"
    }
    if (node.IsSequence()) {
        if (fact.type != FactType::site_list) {
            out.add(doc.error(DiagnosticCode::wrong_type,
                              node.Mark(),
                              fmt::format("'{}' takes one value, not a list", fact.id)));
            return std::nullopt;
        }
        SiteSet sites;
        for (const YAML::Node& item : node) {
            auto id = read_scalar(doc, item, fmt::format("a site of '{}'", fact.id), out);
            if (!id) {
                return std::nullopt;
            }
            if (*id == "none" || *id == "unknown") {
                out.add(doc.error(
                    DiagnosticCode::bad_value,
                    item.Mark(),
                    fmt::format(
                        "'{}' cannot stand in a list of sites; write {}: {}", *id, fact.id, *id)));
                return std::nullopt;
            }
            if (auto error = add_site(pack.sites, *id, sites, fact.id)) {
                out.add(doc.error(DiagnosticCode::bad_value, item.Mark(), *error));
                return std::nullopt;
            }
        }
        if (auto error = sites.empty() ? empty_sites_error(fact) : std::nullopt) {
            out.add(doc.error(DiagnosticCode::bad_value, node.Mark(), *error));
            return std::nullopt;
        }
        return Value::of_sites(sites);
    }
    auto text = read_scalar(doc, node, fmt::format("'{}'", fact.id), out);
    if (!text) {
        return std::nullopt;
    }
    ParsedAnswer answer = parse_answer(pack.sites, fact, *text);
    if (!answer.value) {
        out.add(doc.error(DiagnosticCode::bad_value, node.Mark(), answer.error));
    }
    return answer.value;
}

} // namespace

bool apply_profile_node(const RulePack& pack,
                        const YamlDocument& doc,
                        const YAML::Node& node,
                        Profile& profile,
                        Diagnostics& out,
                        std::optional<std::string>* record_id) {
    const std::size_t errors_before = out.error_count();
    auto entries = read_map(doc, node, "the profile", out);
    if (!entries) {
        return false;
    }
    for (const KeyValue& entry : *entries) {
        if (out.error_limit_reached()) {
            break;
        }
        const std::size_t first_new = out.items().size();
        if (record_id != nullptr && entry.key == "id") {
            if (auto id = read_scalar(doc, entry, out)) {
                *record_id = std::move(*id);
            }
            out.set_field(first_new, entry.key);
            continue;
        }
        if (entry.key == k_unfinished_key) {
            if (read_scalar(doc, entry, out) == std::optional<std::string>("unfinished")) {
                profile.unfinished = true;
            } else {
                out.add(doc.error(DiagnosticCode::bad_value,
                                  entry.value.Mark(),
                                  fmt::format("'{}' is reserved for an interview stopped "
                                              "part-way; its only value is 'unfinished'",
                                              k_unfinished_key)));
            }
            out.set_field(first_new, entry.key);
            continue;
        }
        const auto index = pack.find_fact(entry.key);
        if (!index) {
            out.add(doc.error(DiagnosticCode::unknown_name,
                              entry.key_mark,
                              fmt::format("unknown fact '{}'{}",
                                          entry.key,
                                          did_you_mean(entry.key, pack.fact_ids()))));
            out.set_field(first_new, entry.key);
            continue;
        }
        if (auto value = read_answer(pack, doc, pack.facts[*index], entry, out)) {
            profile.answers[*index] = *value;
        }
        out.set_field(first_new, entry.key);
    }
    return out.error_count() == errors_before;
}

ProfileSyntax syntax_of_file(std::string_view file_name) {
    constexpr std::string_view k_json = ".json";
    if (file_name.size() < k_json.size()) {
        return ProfileSyntax::yaml;
    }
    const std::string_view tail = file_name.substr(file_name.size() - k_json.size());
    const bool json = std::equal(tail.begin(), tail.end(), k_json.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == b;
    });
    return json ? ProfileSyntax::json : ProfileSyntax::yaml;
}

ProfileResult read_profile(const RulePack& pack, std::string_view text, std::string file_name) {
    const ProfileSyntax syntax = syntax_of_file(file_name);
    return read_profile_text(pack, text, std::move(file_name), nullptr, syntax);
}

ProfileResult read_profile_text(const RulePack& pack,
                                std::string_view text,
                                std::string file_name,
                                std::optional<std::string>* record_id,
                                ProfileSyntax syntax) {
    ProfileResult result;
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        if (auto profile = read_json_profile_fast(pack, text, record_id)) {
            result.profile = std::move(*profile);
            return result;
        }
        if (record_id != nullptr) {
            record_id->reset(); // the located path below reads it again
        }
    }
    Diagnostics& out = result.diagnostics;
    // Well-formed JSON is read on by the YAML path below, which locates each unknown fact or
    // bad value; JSON that is not well formed must not be read as YAML at all.
    if (syntax == ProfileSyntax::json) {
        if (auto error = json_syntax_error(text, file_name)) {
            out.add(std::move(*error));
            return result;
        }
    }
    // Only here, where the text is located, is it copied.
    const YamlDocument doc = YamlDocument::parse(std::string(text), std::move(file_name), out);
    if (!doc.ok()) {
        return result;
    }
    if (doc.root().IsNull()) {
        out.add(DiagnosticCode::wrong_type,
                {doc.file(), 1, 1},
                "the profile is empty; expected a mapping of fact ids to answers");
        return result;
    }
    Profile profile = empty_profile(pack);
    apply_profile_node(pack, doc, doc.root(), profile, out, record_id);
    if (!out.has_errors()) {
        result.profile = std::move(profile);
    }
    return result;
}

} // namespace contra

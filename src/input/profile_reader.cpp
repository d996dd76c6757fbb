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

std::optional<AnswerDate> read_answer_date(const YamlDocument& doc,
                                           const YAML::Node& node,
                                           std::string_view what,
                                           Diagnostics& out) {
    const auto text = read_scalar(doc, node, what, out);
    if (!text) {
        return std::nullopt;
    }
    if (const auto date = parse_calendar_date(*text)) {
        return AnswerDate{*date, doc.location(node.Mark())};
    }
    out.add(
        doc.error(DiagnosticCode::bad_value,
                  node.Mark(),
                  fmt::format("{} must be a real day written YYYY-MM-DD, got '{}'", what, *text)));
    return std::nullopt;
}

// `answer_dates: {FACT: YYYY-MM-DD, ...}`.
void read_answer_dates(const RulePack& pack,
                       const YamlDocument& doc,
                       const KeyValue& entry,
                       Profile& profile,
                       Diagnostics& out) {
    auto dates = read_map(doc, entry.value, fmt::format("'{}'", k_answer_dates_key), out);
    for (const KeyValue& dated : dates.value_or(std::vector<KeyValue>{})) {
        const auto index = pack.find_fact(dated.key);
        if (!index) {
            out.add(doc.error(DiagnosticCode::unknown_name,
                              dated.key_mark,
                              fmt::format("unknown fact '{}' in '{}'{}",
                                          dated.key,
                                          k_answer_dates_key,
                                          did_you_mean(dated.key, pack.fact_ids()))));
        } else if (auto date = read_answer_date(
                       doc, dated.value, fmt::format("the date of '{}'", dated.key), out)) {
            profile.answer_dates[*index] = *date;
        }
    }
}

// `question_digests: {FACT: DIGEST, ...}`, as interview --save writes them; digests of facts
// the pack no longer has are dropped (their questions are asked again).
void read_question_digests(const RulePack& pack,
                           const YamlDocument& doc,
                           const KeyValue& entry,
                           Profile& profile,
                           Diagnostics& out) {
    auto digests = read_map(doc, entry.value, fmt::format("'{}'", k_question_digests_key), out);
    for (const KeyValue& digest : digests.value_or(std::vector<KeyValue>{})) {
        auto text = read_scalar(doc, digest, out);
        if (const auto index = pack.find_fact(digest.key); index && text) {
            profile.question_digests[*index] = std::move(*text);
        }
    }
}

// `pack: {name: ..., version: ..., sha256: ...}`: the pack that asked the questions.
void read_asked_with_pack(const YamlDocument& doc,
                          const KeyValue& entry,
                          Profile& profile,
                          Diagnostics& out) {
    Fields fields(doc,
                  entry.value,
                  fmt::format("'{}'", k_asked_with_pack_key),
                  {"name", "version", "sha256"},
                  out);
    if (!fields.ok()) {
        return;
    }
    PackInfo info;
    for (const auto& [key, field] : {std::pair{"name", &info.name},
                                     std::pair{"version", &info.version},
                                     std::pair{"sha256", &info.sha256}}) {
        if (const KeyValue* value = fields.find(key)) {
            *field = read_scalar(doc, *value, out).value_or("");
        }
    }
    profile.asked_with_pack = std::move(info);
}

// The reserved keys that date a profile's answers; false for any other key.
bool read_dating_key(const RulePack& pack,
                     const YamlDocument& doc,
                     const KeyValue& entry,
                     Profile& profile,
                     Diagnostics& out) {
    if (entry.key == k_answered_on_key) {
        profile.answered_on =
            read_answer_date(doc, entry.value, fmt::format("'{}'", k_answered_on_key), out);
    } else if (entry.key == k_answer_dates_key) {
        read_answer_dates(pack, doc, entry, profile, out);
    } else if (entry.key == k_question_digests_key) {
        read_question_digests(pack, doc, entry, profile, out);
    } else if (entry.key == k_asked_with_pack_key) {
        read_asked_with_pack(doc, entry, profile, out);
    } else {
        return false;
    }
    return true;
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
        if (read_dating_key(pack, doc, entry, profile, out)) {
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

#include "pack/pack_builder.hpp"

#include "model/arena_reads.hpp"
#include "model/fact_value.hpp"
#include "model/profile.hpp"
#include "model/site_spelling.hpp"
#include "pack/fact_types.hpp"
#include "util/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace contra::detail {
namespace {

const std::vector<std::string> k_fact_keys{"id",
                                           "type",
                                           "values",
                                           "unit",
                                           "min",
                                           "max",
                                           "allow_none",
                                           "question",
                                           "why",
                                           "unknown",
                                           "informational",
                                           "benign",
                                           "valid_for",
                                           "ages"};

bool is_snake_case_id(std::string_view id) {
    return !id.empty() && std::isalpha(static_cast<unsigned char>(id.front())) &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
}

bool is_reserved_profile_key(std::string_view id) {
    return id == k_answered_on_key || id == k_answer_dates_key || id == k_asked_with_pack_key ||
           id == k_question_digests_key;
}

bool is_rule_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
    });
}

// Each list section is a sequence of mappings; this visits them with their Fields.
template <typename Visit>
void for_each_item(const Section& section,
                   std::string_view item_what,
                   const std::vector<std::string>& keys,
                   Diagnostics& out,
                   Visit&& visit) {
    const YamlDocument& doc = *section.doc;
    if (!section.entry.value.IsSequence()) {
        out.add(doc.error(
            DiagnosticCode::wrong_type,
            section.entry.key_mark,
            fmt::format("expected '{}' to be a list of {}s", section.entry.key, item_what)));
        return;
    }
    for (const YAML::Node& item : section.entry.value) {
        Fields fields(doc, item, fmt::format("a {}", item_what), keys, out);
        if (fields.ok()) {
            visit(doc, item, fields);
        }
    }
}

std::optional<std::string>
read_id(const YamlDocument& doc, Fields& fields, Diagnostics& out, bool snake_case = true) {
    const KeyValue* entry = fields.require("id");
    if (entry == nullptr) {
        return std::nullopt;
    }
    auto id = read_scalar(doc, *entry, out);
    if (id && !(snake_case ? is_snake_case_id(*id) : is_rule_id(*id))) {
        out.add(doc.error(DiagnosticCode::bad_value,
                          entry->value.Mark(),
                          fmt::format("'{}' is not a valid id ({})",
                                      *id,
                                      snake_case ? "lowercase letters, digits and '_'"
                                                 : "letters, digits, '_', '-' and '.'")));
        return std::nullopt;
    }
    return id;
}

std::string optional_text(const YamlDocument& doc,
                          const Fields& fields,
                          std::string_view key,
                          Diagnostics& out) {
    const KeyValue* entry = fields.find(key);
    if (entry == nullptr) {
        return {};
    }
    return read_scalar(doc, *entry, out).value_or("");
}

std::string text_of(const YamlDocument& doc, const KeyValue* entry, Diagnostics& out) {
    return entry == nullptr ? std::string{} : read_scalar(doc, *entry, out).value_or("");
}

// Records that `id` is defined at `mark`; false (reported) when it was defined before.
bool claim(std::map<std::string, SourceLocation>& seen,
           const YamlDocument& doc,
           const YAML::Mark& mark,
           const std::string& id,
           std::string_view what,
           Diagnostics& out,
           std::string_view verb = "defined") {
    auto [it, inserted] = seen.emplace(id, doc.location(mark));
    if (!inserted) {
        out.add(doc.error(DiagnosticCode::duplicate_id,
                          mark,
                          fmt::format("{} '{}' is {} twice (first at {}:{})",
                                      what,
                                      id,
                                      verb,
                                      it->second.file,
                                      it->second.line)));
    }
    return inserted;
}

// `unknown: required` or `unknown: optional`.
void read_unknown_keyword(const YamlDocument& doc,
                          const KeyValue& unknown,
                          Fact& fact,
                          Diagnostics& out) {
    const std::string& kind = unknown.value.Scalar();
    if (kind == "required") {
        fact.unknown = UnknownPolicy::required;
    } else if (kind == "optional") {
        fact.unknown = UnknownPolicy::optional;
    } else {
        out.add(doc.error(DiagnosticCode::bad_value,
                          unknown.value.Mark(),
                          fmt::format("'unknown' must be required, optional, {{assume: VALUE}} or "
                                      "{{required_when: CONDITION}}, got '{}'{}",
                                      kind,
                                      did_you_mean(kind, {"required", "optional"}))));
    }
}

} // namespace

RulePack PackBuilder::build(const std::map<std::string, std::vector<Section>>& sections) {
    static const std::vector<Section> k_none;
    auto all = [&](const char* name) -> const std::vector<Section>& {
        const auto found = sections.find(name);
        return found == sections.end() ? k_none : found->second;
    };
    for (const char* required : {"sites", "facts", "treatment", "modalities", "rules"}) {
        if (all(required).empty()) {
            m_out.add(DiagnosticCode::missing_key,
                      {},
                      fmt::format("the pack has no '{}' section", required));
        }
    }
    read_sites(all("sites"), all("groups"));
    read_site_aliases(all("aliases"));
    for (const Section& facts : all("facts")) {
        read_facts(facts);
    }
    read_treatment(all("treatment").empty() ? nullptr : &all("treatment").front(),
                   all("modalities"));
    for (const Section& predicates : all("predicates")) {
        read_predicates(predicates);
    }
    for (const Section& facts : all("facts")) {
        read_fact_policies(facts);
    }
    for (const Section& sources : all("sources")) {
        read_sources(sources);
    }
    for (const Section& rules : all("rules")) {
        read_rules(rules);
    }
    for (const Section& screening : all("screening")) {
        read_screening(screening);
    }
    for (const Section& follow_ups : all("follow_ups")) {
        read_follow_ups(follow_ups);
    }
    if (m_out.error_count() == 0) {
        m_pack.reads = arena_reads(m_pack);
    }
    return std::move(m_pack);
}

void PackBuilder::read_sites(const std::vector<Section>& sites,
                             const std::vector<Section>& groups) {
    std::vector<Leaf> leaves;
    std::map<std::string, SourceLocation> seen;
    for (const Section& section : sites) {
        for_each_item(section,
                      "site",
                      {"id", "level"},
                      m_out,
                      [&](const YamlDocument& doc, const YAML::Node& item, Fields& fields) {
                          if (auto leaf = read_leaf(doc, item, fields, seen, leaves.size())) {
                              m_sources.leaves.push_back(
                                  doc.location(fields.find("id")->value.Mark()));
                              leaves.push_back(std::move(*leaf));
                          }
                      });
    }
    m_pack.sites = BodySites(leaves, {});
    std::vector<SiteGroup> group_list;
    for (const Section& section : groups) {
        for_each_item(section,
                      "site group",
                      {"id", "contains", "limb"},
                      m_out,
                      [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                          if (auto group = read_site_group(doc, fields, seen, group_list)) {
                              group_list.push_back(std::move(*group));
                              m_pack.sites = BodySites(leaves, group_list);
                          }
                      });
    }
}

std::optional<Leaf> PackBuilder::read_leaf(const YamlDocument& doc,
                                           const YAML::Node& item,
                                           Fields& fields,
                                           std::map<std::string, SourceLocation>& seen,
                                           std::size_t leaves) {
    auto id = read_id(doc, fields, m_out);
    if (!id || !claim(seen, doc, fields.find("id")->value.Mark(), *id, "site", m_out)) {
        return std::nullopt;
    }
    if (leaves == k_max_sites) {
        m_out.add(doc.error(DiagnosticCode::limit_exceeded,
                            item.Mark(),
                            fmt::format("a pack may define at most {} leaf sites", k_max_sites)));
        return std::nullopt;
    }
    Leaf leaf{*id, -1};
    if (const KeyValue* level = fields.find("level")) {
        auto number = read_number(doc, *level, m_out);
        if (number && (*number < 0 || *number != static_cast<int>(*number))) {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                level->value.Mark(),
                                "'level' must be a whole number from 0"));
        } else if (number) {
            leaf.level = static_cast<int>(*number);
        }
    }
    return leaf;
}

std::optional<SiteGroup> PackBuilder::read_site_group(const YamlDocument& doc,
                                                      Fields& fields,
                                                      std::map<std::string, SourceLocation>& seen,
                                                      const std::vector<SiteGroup>& earlier) {
    auto id = read_id(doc, fields, m_out);
    const KeyValue* contains = fields.require("contains");
    if (!id || contains == nullptr ||
        !claim(seen, doc, fields.find("id")->value.Mark(), *id, "site", m_out)) {
        return std::nullopt;
    }
    auto members = read_site_ids(doc, *contains);
    SiteGroup group{*id, members.value_or(SiteSet{}), false};
    if (const KeyValue* limb = fields.find("limb")) {
        group.is_limb = read_bool(doc, *limb, m_out).value_or(false);
    }
    if (!group.is_limb) {
        return group;
    }
    for (const SiteGroup& other : earlier) {
        if (other.is_limb && other.leaves.intersects(group.leaves)) {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                contains->value.Mark(),
                                fmt::format("limb '{}' shares sites with limb '{}'; a "
                                            "site belongs to one limb at most",
                                            *id,
                                            other.id)));
        }
    }
    return group;
}

// Aliases are other names for sites, read from what people type: each must name a site, a
// group or a paired part, and must not itself be one, or a person's answer would be ambiguous.
void PackBuilder::read_site_aliases(const std::vector<Section>& aliases) {
    std::vector<SiteAlias> list;
    std::map<std::string, SourceLocation> seen;
    for (const Section& section : aliases) {
        for_each_item(section,
                      "site alias",
                      {"alias", "site"},
                      m_out,
                      [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                          auto alias = read_site_alias(doc, fields);
                          if (alias && claim(seen,
                                             doc,
                                             fields.find("alias")->value.Mark(),
                                             alias->name,
                                             "alias",
                                             m_out)) {
                              list.push_back(std::move(*alias));
                          }
                      });
    }
    const BodySites& sites = m_pack.sites;
    m_pack.sites = BodySites(sites.leaves(), sites.groups(), std::move(list));
}

std::optional<SiteAlias> PackBuilder::read_site_alias(const YamlDocument& doc, Fields& fields) {
    const KeyValue* name_entry = fields.require("alias");
    const KeyValue* target_entry = fields.require("site");
    if (name_entry == nullptr || target_entry == nullptr) {
        return std::nullopt;
    }
    auto name = read_scalar(doc, *name_entry, m_out);
    auto target = read_scalar(doc, *target_entry, m_out);
    if (!name || !target || !check_alias_name(doc, *name, name_entry->value.Mark())) {
        return std::nullopt;
    }
    const BodySites& sites = m_pack.sites;
    if (!sites.expand(*target) && sites.sided_ids(*target).empty()) {
        std::vector<std::string> known = sites.all_ids();
        for (const Leaf& leaf : sites.leaves()) {
            known.push_back(split_side(leaf.id).part);
        }
        m_out.add(doc.error(DiagnosticCode::unknown_name,
                            target_entry->value.Mark(),
                            fmt::format("alias '{}' names no site, group or paired part: '{}'{}",
                                        *name,
                                        *target,
                                        did_you_mean(*target, known))));
        return std::nullopt;
    }
    return SiteAlias{*name, *target};
}

bool PackBuilder::check_alias_name(const YamlDocument& doc,
                                   const std::string& name,
                                   const YAML::Mark& mark) {
    if (!is_snake_case_id(name)) {
        m_out.add(doc.error(
            DiagnosticCode::bad_value,
            mark,
            fmt::format("alias '{}' is not a valid name (lowercase letters, digits and '_')",
                        name)));
        return false;
    }
    if (m_pack.sites.expand(name) || !m_pack.sites.sided_ids(name).empty()) {
        m_out.add(doc.error(DiagnosticCode::duplicate_id,
                            mark,
                            fmt::format("alias '{}' is already the name of a site or a paired "
                                        "part; an alias must be a new name",
                                        name)));
        return false;
    }
    if (!split_side(name).side.empty()) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            mark,
                            fmt::format("alias '{}' holds a side; alias the part, and people's "
                                        "'left' or 'right' is read with it",
                                        name)));
        return false;
    }
    return true;
}

void PackBuilder::read_facts(const Section& section) {
    for_each_item(section,
                  "fact",
                  k_fact_keys,
                  m_out,
                  [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                      read_fact(doc, fields);
                  });
}

void PackBuilder::read_fact(const YamlDocument& doc, Fields& fields) {
    Fact fact;
    auto id = read_id(doc, fields, m_out);
    const KeyValue* type = fields.require("type");
    const KeyValue* question = fields.require("question");
    if (!id || type == nullptr || question == nullptr) {
        return;
    }
    fact.id = *id;
    const YAML::Mark id_mark = fields.find("id")->value.Mark();
    if (is_reserved_profile_key(fact.id)) {
        m_out.add(doc.error(
            DiagnosticCode::bad_value,
            id_mark,
            fmt::format("'{}' is a reserved key of a profile and cannot name a fact", fact.id)));
        return;
    }
    if (!claim(m_fact_ids, doc, id_mark, fact.id, "fact", m_out)) {
        return;
    }
    fact.question = read_scalar(doc, *question, m_out).value_or("");
    fact.why = optional_text(doc, fields, "why", m_out);
    if (const KeyValue* informational = fields.find("informational")) {
        fact.informational = read_bool(doc, *informational, m_out).value_or(false);
    }
    FactKeys keys{doc, fields, fact, m_out};
    read_fact_type(keys, *type);
    read_fact_type_keys(keys);
    read_shelf_life(keys);
    m_sources.facts.push_back(doc.location(id_mark));
    m_pack.facts.push_back(std::move(fact));
}

// The `unknown:` policies of one file of facts, read in two passes.
struct PackBuilder::PolicyEntries {
    std::vector<std::pair<Fact*, KeyValue>> assumed;
    std::vector<std::pair<Fact*, KeyValue>> required_when;
    std::vector<std::pair<Fact*, KeyValue>> assume_when;
};

void PackBuilder::read_fact_policies(const Section& section) {
    if (!section.entry.value.IsSequence()) {
        return;
    }
    // First the kind of every policy, so a `required_when` can check what it refers to.
    PolicyEntries entries;
    const YamlDocument& doc = *section.doc;
    for (const YAML::Node& item : section.entry.value) {
        Diagnostics ignored; // reported once already by read_facts
        Fields fields(doc, item, "a fact", k_fact_keys, ignored);
        const KeyValue* id_entry = fields.find("id");
        const KeyValue* unknown = fields.find("unknown");
        if (!fields.ok() || id_entry == nullptr || unknown == nullptr ||
            !id_entry->value.IsScalar()) {
            continue;
        }
        if (const auto index = m_pack.find_fact(id_entry->value.Scalar())) {
            read_unknown_policy(doc, *unknown, m_pack.facts[*index], entries);
        }
    }
    for (auto& [fact, entry] : entries.assumed) {
        auto value = read_fact_value(doc, *fact, entry.value, entry.key_mark);
        if (value && value->is_unknown()) {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                entry.value.Mark(),
                                "an assumption must be a value, not unknown"));
        } else if (value) {
            fact->assumed = *value;
        }
    }
    read_policy_conditions(doc, entries);
}

void PackBuilder::read_unknown_policy(const YamlDocument& doc,
                                      const KeyValue& unknown,
                                      Fact& fact,
                                      PolicyEntries& entries) {
    if (unknown.value.IsScalar()) {
        read_unknown_keyword(doc, unknown, fact, m_out);
        return;
    }
    Fields policy(doc,
                  unknown.value,
                  "an unknown-answer policy",
                  {"assume", "assume_when", "note", "required_when"},
                  m_out);
    if (!policy.ok()) {
        return;
    }
    const KeyValue* assume = policy.find("assume");
    const KeyValue* assume_when = policy.find("assume_when");
    const KeyValue* required_when = policy.find("required_when");
    if (assume_when != nullptr && assume == nullptr) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            assume_when->key_mark,
                            "'assume_when' needs an 'assume' value to use when it holds"));
        return;
    }
    if (assume_when == nullptr && (assume == nullptr) == (required_when == nullptr)) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            unknown.value.Mark(),
                            "an unknown-answer policy needs exactly one of 'assume' and "
                            "'required_when' (both only with 'assume_when')"));
        return;
    }
    if (const KeyValue* note = policy.find("note")) {
        fact.assumption_note = read_scalar(doc, *note, m_out).value_or("");
    }
    if (assume != nullptr) {
        fact.unknown = UnknownPolicy::assume;
        entries.assumed.emplace_back(&fact, *assume);
    }
    if (assume_when != nullptr) {
        fact.unknown = UnknownPolicy::required; // unknown while the condition does not hold
        fact.assume_when = 1; // marks it conditional until its condition is read below
        entries.assume_when.emplace_back(&fact, *assume_when);
    }
    if (required_when != nullptr) {
        fact.unknown = UnknownPolicy::required_when;
        entries.required_when.emplace_back(&fact, *required_when);
    }
}

void PackBuilder::read_policy_conditions(const YamlDocument& doc, PolicyEntries& entries) {
    const ConditionScope scope{0, true};
    const auto read_policy_condition = [&](Fact& fact, const KeyValue& entry) {
        auto condition = parse_condition(doc, entry.value, scope);
        if (condition && uses_conditional_fact(*condition)) {
            m_out.add(doc.error(
                DiagnosticCode::bad_value,
                entry.value.Mark(),
                fmt::format("the '{}' of '{}' uses a fact that is itself conditional "
                            "(required_when or assume_when); conditions may go one level deep",
                            entry.key,
                            fact.id)));
        }
        return condition;
    };
    for (auto& [fact, entry] : entries.required_when) {
        fact->required_when = read_policy_condition(*fact, entry).value_or(0);
    }
    for (auto& [fact, entry] : entries.assume_when) {
        if (auto condition = read_policy_condition(*fact, entry)) {
            fact->assume_when = *condition + 1;
        }
    }
}

void PackBuilder::read_treatment(const Section* treatment, const std::vector<Section>& modalities) {
    if (treatment == nullptr) {
        return;
    }
    const YamlDocument& doc = *treatment->doc;
    Fields fields(doc,
                  treatment->entry.value,
                  "'treatment'",
                  {"modality_fact", "area_fact", "clearance_fact"},
                  m_out);
    m_pack.modality_fact =
        read_treatment_fact(doc, fields, "modality_fact", FactType::enumeration, true).value_or(0);
    const auto area_fact = read_treatment_fact(doc, fields, "area_fact", FactType::site_list, true);
    m_pack.area_fact = area_fact.value_or(0);
    if (area_fact) {
        m_pack.facts[*area_fact].requires_sites = true;
    }
    m_pack.clearance_fact =
        read_treatment_fact(doc, fields, "clearance_fact", FactType::yes_no, false);
    if (modalities.empty() || m_pack.facts.empty()) {
        return;
    }
    read_modalities(modalities);
}

std::optional<std::uint32_t> PackBuilder::read_treatment_fact(
    const YamlDocument& doc, Fields& fields, const char* key, FactType type, bool required) {
    const KeyValue* entry = required ? fields.require(key) : fields.find(key);
    if (entry == nullptr) {
        return std::nullopt;
    }
    auto index = lookup_fact(doc, *entry);
    if (index && m_pack.facts[*index].type != type) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            entry->value.Mark(),
                            fmt::format("'{}' must name a {} fact; '{}' is {}",
                                        key,
                                        to_string(type),
                                        m_pack.facts[*index].id,
                                        to_string(m_pack.facts[*index].type))));
        return std::nullopt;
    }
    return index;
}

// Each value of the modality fact has one entry in `modalities`, kept in the order of the values.
void PackBuilder::read_modalities(const std::vector<Section>& modalities) {
    const Fact& modality_fact = m_pack.facts[m_pack.modality_fact];
    std::vector<std::optional<Modality>> by_value(modality_fact.values.size());
    for (const Section& section : modalities) {
        for_each_item(section,
                      "modality",
                      {"id", "title", "default_area"},
                      m_out,
                      [&](const YamlDocument& doc, const YAML::Node&, Fields& item) {
                          read_modality(doc, item, by_value);
                      });
    }
    for (std::size_t i = 0; i < by_value.size(); ++i) {
        if (!by_value[i]) {
            m_out.add(modalities.front().doc->error(
                DiagnosticCode::missing_key,
                modalities.front().entry.key_mark,
                fmt::format("modality '{}' (a value of '{}') has no entry in "
                            "'modalities'",
                            modality_fact.values[i],
                            modality_fact.id)));
            continue;
        }
        m_pack.modalities.push_back(*by_value[i]);
    }
}

void PackBuilder::read_modality(const YamlDocument& doc,
                                Fields& item,
                                std::vector<std::optional<Modality>>& by_value) {
    const Fact& modality_fact = m_pack.facts[m_pack.modality_fact];
    auto id = read_id(doc, item, m_out);
    const KeyValue* area = item.require("default_area");
    if (!id || area == nullptr) {
        return;
    }
    const auto value = std::find(modality_fact.values.begin(), modality_fact.values.end(), *id);
    if (value == modality_fact.values.end()) {
        m_out.add(doc.error(DiagnosticCode::unknown_name,
                            item.find("id")->value.Mark(),
                            fmt::format("modality '{}' is not a value of the fact '{}'{}",
                                        *id,
                                        modality_fact.id,
                                        did_you_mean(*id, modality_fact.values))));
        return;
    }
    auto& slot = by_value[static_cast<std::size_t>(value - modality_fact.values.begin())];
    if (slot) {
        m_out.add(doc.error(DiagnosticCode::duplicate_id,
                            item.find("id")->value.Mark(),
                            fmt::format("modality '{}' is defined twice", *id)));
        return;
    }
    slot = Modality{*id,
                    optional_text(doc, item, "title", m_out),
                    read_site_ids(doc, *area).value_or(SiteSet{})};
}

void PackBuilder::read_predicates(const Section& section) {
    std::set<std::string>& seen = m_predicate_ids;
    for_each_item(section,
                  "predicate",
                  {"id", "title", "when"},
                  m_out,
                  [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                      auto id = read_id(doc, fields, m_out);
                      const KeyValue* when = fields.require("when");
                      if (!id || when == nullptr) {
                          return;
                      }
                      if (!seen.insert(*id).second) {
                          m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                              fields.find("id")->value.Mark(),
                                              fmt::format("predicate '{}' is defined twice", *id)));
                          return;
                      }
                      const ConditionScope scope{m_pack.predicates.size(), false};
                      auto condition = parse_condition(doc, when->value, scope);
                      m_pack.predicates.push_back(Predicate{
                          *id, optional_text(doc, fields, "title", m_out), condition.value_or(0)});
                  });
}

void PackBuilder::read_rules(const Section& section) {
    for_each_item(section,
                  "rule",
                  {"id",
                   "name",
                   "title",
                   "level",
                   "clearable",
                   "when",
                   "avoid",
                   "no_pressure",
                   "action",
                   "action_notes",
                   "rationale",
                   "sources",
                   "grade",
                   "deviation"},
                  m_out,
                  [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                      read_rule(doc, fields);
                  });
}

void PackBuilder::read_rule(const YamlDocument& doc, Fields& fields) {
    auto id = read_id(doc, fields, m_out, false);
    for (const char* key : {"name", "title", "level", "when", "action", "rationale", "sources"}) {
        fields.require(key);
    }
    if (!id) {
        return;
    }
    Rule rule;
    rule.id = *id;
    const YAML::Mark id_mark = fields.find("id")->value.Mark();
    claim(m_rule_ids, doc, id_mark, rule.id, "rule id", m_out, "used");
    read_rule_names(doc, fields, rule);
    if (const KeyValue* level = fields.find("level")) {
        read_rule_level(doc, *level, rule);
    }
    if (const KeyValue* clearable = fields.find("clearable")) {
        rule.clearable = read_bool(doc, *clearable, m_out).value_or(false);
        if (rule.clearable && rule.level != Level::postpone_and_refer) {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                clearable->value.Mark(),
                                fmt::format("only postpone_and_refer rules can be clearable; "
                                            "'{}' is {}",
                                            rule.id,
                                            to_string(rule.level))));
        }
    }
    if (const KeyValue* sources = fields.find("sources")) {
        read_rule_sources(doc, *sources, rule);
    }
    read_rule_conditions(doc, fields, rule);
    m_sources.rules.push_back(doc.location(id_mark));
    m_pack.rules.push_back(std::move(rule));
}

// The texts of a rule; its name, like its id, is unique in the pack.
void PackBuilder::read_rule_names(const YamlDocument& doc, Fields& fields, Rule& rule) {
    if (const KeyValue* name = fields.find("name")) {
        rule.name = read_scalar(doc, *name, m_out).value_or("");
        claim(m_rule_names, doc, name->value.Mark(), rule.name, "rule name", m_out, "used");
    }
    rule.title = text_of(doc, fields.find("title"), m_out);
    rule.action = text_of(doc, fields.find("action"), m_out);
    rule.rationale = text_of(doc, fields.find("rationale"), m_out);
    rule.grade = optional_text(doc, fields, "grade", m_out);
    rule.deviation = optional_text(doc, fields, "deviation", m_out);
}

void PackBuilder::read_rule_level(const YamlDocument& doc, const KeyValue& level, Rule& rule) {
    const std::string text = read_scalar(doc, level, m_out).value_or("");
    const auto parsed = level_from_string(text);
    if (parsed && *parsed != Level::proceed) {
        rule.level = *parsed;
        return;
    }
    const std::vector<std::string> levels{
        "proceed_with_precautions", "postpone_and_refer", "do_not_massage", "emergency"};
    m_out.add(doc.error(DiagnosticCode::bad_value,
                        level.value.Mark(),
                        fmt::format("'level' must be one of: proceed_with_precautions, "
                                    "postpone_and_refer, do_not_massage, emergency; "
                                    "got '{}'{}",
                                    text,
                                    did_you_mean(text, levels))));
}

void PackBuilder::read_rule_conditions(const YamlDocument& doc, Fields& fields, Rule& rule) {
    const ConditionScope scope{m_pack.predicates.size(), false};
    if (const KeyValue* when = fields.find("when")) {
        rule.condition = parse_condition(doc, when->value, scope).value_or(0);
    }
    if (const KeyValue* avoid = fields.find("avoid")) {
        rule.avoid = parse_site_expr(doc, avoid->value, scope).value_or(0) + 1;
    }
    if (const KeyValue* no_pressure = fields.find("no_pressure")) {
        rule.no_pressure = parse_site_expr(doc, no_pressure->value, scope).value_or(0) + 1;
    }
    if (const KeyValue* notes = fields.find("action_notes")) {
        read_action_notes(doc, *notes, scope, rule);
    }
}

void PackBuilder::read_action_notes(const YamlDocument& doc,
                                    const KeyValue& notes,
                                    const ConditionScope& scope,
                                    Rule& rule) {
    if (!notes.value.IsSequence()) {
        m_out.add(doc.error(DiagnosticCode::wrong_type,
                            notes.value.Mark(),
                            "'action_notes' must be a list of {when, text}"));
        return;
    }
    for (const YAML::Node& item : notes.value) {
        Fields note(doc, item, "an action note", {"when", "text"}, m_out);
        const KeyValue* when = note.require("when");
        const KeyValue* text = note.require("text");
        if (when == nullptr || text == nullptr) {
            continue;
        }
        auto condition = parse_condition(doc, when->value, scope);
        auto note_text = read_scalar(doc, *text, m_out);
        if (condition && note_text) {
            rule.action_notes.push_back(ActionNote{*condition, *note_text});
        }
    }
}

// A screening question answers `no` for each member at once, so each member must have a `no`
// (an optional fact without one is left unanswered, which counts as absent).
std::optional<std::uint32_t> PackBuilder::read_screening_member(const YamlDocument& doc,
                                                                const std::string& group,
                                                                const std::string& id,
                                                                const YAML::Mark& mark) {
    const auto index = m_pack.find_fact(id);
    if (!index) {
        m_out.add(
            doc.error(DiagnosticCode::unknown_name,
                      mark,
                      fmt::format("unknown fact '{}'{}", id, did_you_mean(id, m_pack.fact_ids()))));
        return std::nullopt;
    }
    const Fact& fact = m_pack.facts[*index];
    if (*index == m_pack.area_fact || *index == m_pack.modality_fact ||
        (!no_answer(fact) && fact.unknown != UnknownPolicy::optional)) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            mark,
                            fmt::format("'{}' cannot be in a screening question: a member needs "
                                        "a 'no' answer (yes_no, an enum with 'none' or a benign "
                                        "value, a site list, a number allowing none) or must be "
                                        "optional",
                                        id)));
        return std::nullopt;
    }
    const auto [other, inserted] = m_screened.emplace(*index, group);
    if (!inserted) {
        m_out.add(doc.error(DiagnosticCode::duplicate_id,
                            mark,
                            fmt::format("fact '{}' is already in screening question '{}'; a fact "
                                        "may be in one screening question only",
                                        id,
                                        other->second)));
        return std::nullopt;
    }
    return index;
}

void PackBuilder::read_screening(const Section& section) {
    for_each_item(section,
                  "screening question",
                  {"id", "question", "facts"},
                  m_out,
                  [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                      read_screening_group(doc, fields);
                  });
}

void PackBuilder::read_screening_group(const YamlDocument& doc, Fields& fields) {
    auto id = read_id(doc, fields, m_out);
    const KeyValue* question = fields.require("question");
    const KeyValue* facts = fields.require("facts");
    if (!id || question == nullptr || facts == nullptr) {
        return;
    }
    for (const ScreeningGroup& earlier : m_pack.screening) {
        if (earlier.id == *id) {
            m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                fields.find("id")->value.Mark(),
                                fmt::format("screening question '{}' is defined twice", *id)));
            return;
        }
    }
    ScreeningGroup group{*id, read_scalar(doc, *question, m_out).value_or(""), {}};
    const auto members = read_scalar_list(doc, *facts, m_out);
    if (!members) {
        return;
    }
    for (const auto& [member, mark] : *members) {
        if (auto index = read_screening_member(doc, *id, member, mark)) {
            group.facts.push_back(*index);
        }
    }
    if (members->size() < 2) {
        m_out.add(doc.error(DiagnosticCode::bad_value,
                            facts->key_mark,
                            fmt::format("screening question '{}' has {} fact{}; expected "
                                        "at least 2 (ask a single fact as itself)",
                                        *id,
                                        members->size(),
                                        members->size() == 1 ? "" : "s")));
        return;
    }
    m_pack.screening.push_back(std::move(group));
}

void PackBuilder::read_follow_ups(const Section& section) {
    for_each_item(section,
                  "follow-up entry",
                  {"after", "ask"},
                  m_out,
                  [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                      read_follow_up(doc, fields);
                  });
}

void PackBuilder::read_follow_up(const YamlDocument& doc, Fields& fields) {
    const KeyValue* after = fields.require("after");
    const KeyValue* ask = fields.require("ask");
    if (after == nullptr || ask == nullptr) {
        return;
    }
    const auto gate = lookup_fact(doc, *after);
    const auto members = read_scalar_list(doc, *ask, m_out);
    if (!gate || !members) {
        return;
    }
    FollowUps follow_ups{*gate, {}};
    for (const auto& [member, mark] : *members) {
        const auto index = m_pack.find_fact(member);
        if (!index) {
            m_out.add(doc.error(DiagnosticCode::unknown_name,
                                mark,
                                fmt::format("unknown fact '{}'{}",
                                            member,
                                            did_you_mean(member, m_pack.fact_ids()))));
        } else if (*index == *gate) {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                mark,
                                fmt::format("'{}' cannot be asked after itself", member)));
        } else {
            follow_ups.facts.push_back(*index);
        }
    }
    m_pack.follow_ups.push_back(std::move(follow_ups));
}

} // namespace contra::detail

#include "pack/pack_builder.hpp"

#include "model/fact_value.hpp"
#include "model/site_spelling.hpp"
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
                                           "benign"};

bool is_snake_case_id(std::string_view id) {
    return !id.empty() && std::isalpha(static_cast<unsigned char>(id.front())) &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
}

// Enum values keep the case of their source ("C4a" in CEAP).
bool is_value_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
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
    for (const Section& rules : all("rules")) {
        read_rules(rules);
    }
    for (const Section& screening : all("screening")) {
        read_screening(screening);
    }
    for (const Section& follow_ups : all("follow_ups")) {
        read_follow_ups(follow_ups);
    }
    return std::move(m_pack);
}

void PackBuilder::read_sites(const std::vector<Section>& sites,
                             const std::vector<Section>& groups) {
    std::vector<Leaf> leaves;
    std::vector<SiteGroup> group_list;
    std::map<std::string, SourceLocation> seen;
    auto claim = [&](const YamlDocument& doc, const KeyValue& id_entry, const std::string& id) {
        auto [it, inserted] = seen.emplace(id, doc.location(id_entry.value.Mark()));
        if (!inserted) {
            m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                id_entry.value.Mark(),
                                fmt::format("site '{}' is defined twice (first at {}:{})",
                                            id,
                                            it->second.file,
                                            it->second.line)));
        }
        return inserted;
    };
    for (const Section& section : sites) {
        for_each_item(
            section,
            "site",
            {"id", "level"},
            m_out,
            [&](const YamlDocument& doc, const YAML::Node& item, Fields& fields) {
                auto id = read_id(doc, fields, m_out);
                if (!id || !claim(doc, *fields.find("id"), *id)) {
                    return;
                }
                if (leaves.size() == k_max_sites) {
                    m_out.add(doc.error(
                        DiagnosticCode::limit_exceeded,
                        item.Mark(),
                        fmt::format("a pack may define at most {} leaf sites", k_max_sites)));
                    return;
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
                m_sources.leaves.push_back(doc.location(fields.find("id")->value.Mark()));
                leaves.push_back(std::move(leaf));
            });
    }
    m_pack.sites = BodySites(leaves, {});
    for (const Section& section : groups) {
        for_each_item(section,
                      "site group",
                      {"id", "contains", "limb"},
                      m_out,
                      [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                          auto id = read_id(doc, fields, m_out);
                          const KeyValue* contains = fields.require("contains");
                          if (!id || contains == nullptr || !claim(doc, *fields.find("id"), *id)) {
                              return;
                          }
                          auto members = read_site_ids(doc, *contains);
                          SiteGroup group{*id, members.value_or(SiteSet{}), false};
                          if (const KeyValue* limb = fields.find("limb")) {
                              group.is_limb = read_bool(doc, *limb, m_out).value_or(false);
                          }
                          if (group.is_limb) {
                              for (const SiteGroup& other : group_list) {
                                  if (other.is_limb && other.leaves.intersects(group.leaves)) {
                                      m_out.add(doc.error(
                                          DiagnosticCode::bad_value,
                                          contains->value.Mark(),
                                          fmt::format("limb '{}' shares sites with limb '{}'; a "
                                                      "site belongs to one limb at most",
                                                      *id,
                                                      other.id)));
                                  }
                              }
                          }
                          group_list.push_back(std::move(group));
                          m_pack.sites = BodySites(leaves, group_list);
                      });
    }
}

// Aliases are other names for sites, read from what people type: each must name a site, a
// group or a paired part, and must not itself be one, or a person's answer would be ambiguous.
void PackBuilder::read_site_aliases(const std::vector<Section>& aliases) {
    std::vector<SiteAlias> list;
    std::map<std::string, SourceLocation> seen;
    const BodySites& sites = m_pack.sites;
    for (const Section& section : aliases) {
        for_each_item(
            section,
            "site alias",
            {"alias", "site"},
            m_out,
            [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
                const KeyValue* name_entry = fields.require("alias");
                const KeyValue* target_entry = fields.require("site");
                if (name_entry == nullptr || target_entry == nullptr) {
                    return;
                }
                auto name = read_scalar(doc, *name_entry, m_out);
                auto target = read_scalar(doc, *target_entry, m_out);
                if (!name || !target) {
                    return;
                }
                const YAML::Mark name_mark = name_entry->value.Mark();
                if (!is_snake_case_id(*name)) {
                    m_out.add(doc.error(DiagnosticCode::bad_value,
                                        name_mark,
                                        fmt::format("alias '{}' is not a valid name (lowercase "
                                                    "letters, digits and '_')",
                                                    *name)));
                    return;
                }
                if (sites.expand(*name) || !sites.sided_ids(*name).empty()) {
                    m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                        name_mark,
                                        fmt::format("alias '{}' is already the name of a site "
                                                    "or a paired part; an alias must be a "
                                                    "new name",
                                                    *name)));
                    return;
                }
                if (!split_side(*name).side.empty()) {
                    m_out.add(doc.error(
                        DiagnosticCode::bad_value,
                        name_mark,
                        fmt::format("alias '{}' holds a side; alias the part, and people's "
                                    "'left' or 'right' is read with it",
                                    *name)));
                    return;
                }
                if (!sites.expand(*target) && sites.sided_ids(*target).empty()) {
                    std::vector<std::string> known = sites.all_ids();
                    for (const Leaf& leaf : sites.leaves()) {
                        known.push_back(split_side(leaf.id).part);
                    }
                    m_out.add(doc.error(DiagnosticCode::unknown_name,
                                        target_entry->value.Mark(),
                                        fmt::format("alias '{}' names no site, group or paired "
                                                    "part: '{}'{}",
                                                    *name,
                                                    *target,
                                                    did_you_mean(*target, known))));
                    return;
                }
                auto [it, inserted] = seen.emplace(*name, doc.location(name_mark));
                if (!inserted) {
                    m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                        name_mark,
                                        fmt::format("alias '{}' is defined twice (first at {}:{})",
                                                    *name,
                                                    it->second.file,
                                                    it->second.line)));
                    return;
                }
                list.push_back({*name, *target});
            });
    }
    m_pack.sites = BodySites(sites.leaves(), sites.groups(), std::move(list));
}

void PackBuilder::read_facts(const Section& section) {
    std::map<std::string, SourceLocation>& seen = m_fact_ids;
    for_each_item(
        section,
        "fact",
        k_fact_keys,
        m_out,
        [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
            Fact fact;
            auto id = read_id(doc, fields, m_out);
            const KeyValue* type = fields.require("type");
            const KeyValue* question = fields.require("question");
            if (!id || type == nullptr || question == nullptr) {
                return;
            }
            fact.id = *id;
            auto [it, inserted] =
                seen.emplace(fact.id, doc.location(fields.find("id")->value.Mark()));
            if (!inserted) {
                m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                    fields.find("id")->value.Mark(),
                                    fmt::format("fact '{}' is defined twice (first at {}:{})",
                                                fact.id,
                                                it->second.file,
                                                it->second.line)));
                return;
            }
            fact.question = read_scalar(doc, *question, m_out).value_or("");
            fact.why = optional_text(doc, fields, "why", m_out);
            if (const KeyValue* informational = fields.find("informational")) {
                fact.informational = read_bool(doc, *informational, m_out).value_or(false);
            }
            const std::string type_name = read_scalar(doc, *type, m_out).value_or("");
            const std::vector<std::string> type_names{"yes_no", "enum", "number", "site_list"};
            if (type_name == "yes_no") {
                fact.type = FactType::yes_no;
                fact.values = {"no", "yes"};
            } else if (type_name == "enum") {
                fact.type = FactType::enumeration;
            } else if (type_name == "number") {
                fact.type = FactType::number;
            } else if (type_name == "site_list") {
                fact.type = FactType::site_list;
            } else if (!type_name.empty()) {
                m_out.add(doc.error(DiagnosticCode::bad_value,
                                    type->value.Mark(),
                                    fmt::format("unknown fact type '{}' (expected one of: yes_no, "
                                                "enum, number, site_list){}",
                                                type_name,
                                                did_you_mean(type_name, type_names))));
            }
            auto only_for = [&](std::string_view key, FactType allowed) {
                const KeyValue* entry = fields.find(key);
                if (entry != nullptr && fact.type != allowed) {
                    m_out.add(doc.error(DiagnosticCode::unknown_key,
                                        entry->key_mark,
                                        fmt::format("'{}' applies only to {} facts, and '{}' is {}",
                                                    key,
                                                    to_string(allowed),
                                                    fact.id,
                                                    to_string(fact.type))));
                }
                return fact.type == allowed ? entry : nullptr;
            };
            if (const KeyValue* values = only_for("values", FactType::enumeration)) {
                auto items = read_scalar_list(doc, *values, m_out);
                for (const auto& [value, mark] : items.value_or(decltype(items)::value_type{})) {
                    if (!is_value_id(value) || value == "unknown") {
                        m_out.add(doc.error(DiagnosticCode::bad_value,
                                            mark,
                                            fmt::format("'{}' cannot be an enum value (letters, "
                                                        "digits and '_', not unknown)",
                                                        value)));
                    } else if (std::find(fact.values.begin(), fact.values.end(), value) !=
                               fact.values.end()) {
                        m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                            mark,
                                            fmt::format("value '{}' is listed twice", value)));
                    } else {
                        fact.values.push_back(value);
                    }
                }
                if (fact.values.size() > k_max_choices) {
                    m_out.add(doc.error(
                        DiagnosticCode::limit_exceeded,
                        values->value.Mark(),
                        fmt::format("an enum may have at most {} values", k_max_choices)));
                }
            } else if (fact.type == FactType::enumeration) {
                fields.require("values");
            }
            if (const KeyValue* unit = only_for("unit", FactType::number)) {
                fact.unit = read_scalar(doc, *unit, m_out).value_or("");
            }
            const KeyValue* min = only_for("min", FactType::number);
            const KeyValue* max = only_for("max", FactType::number);
            if (const KeyValue* allow_none = only_for("allow_none", FactType::number)) {
                fact.allow_none = read_bool(doc, *allow_none, m_out).value_or(false);
            }
            if (const KeyValue* benign = only_for("benign", FactType::enumeration)) {
                auto items = read_scalar_list(doc, *benign, m_out);
                for (const auto& [value, mark] : items.value_or(decltype(items)::value_type{})) {
                    const auto found = std::find(fact.values.begin(), fact.values.end(), value);
                    if (found == fact.values.end()) {
                        m_out.add(doc.error(DiagnosticCode::unknown_name,
                                            mark,
                                            fmt::format("'{}' is not a value of '{}'{}",
                                                        value,
                                                        fact.id,
                                                        did_you_mean(value, fact.values))));
                    } else {
                        fact.benign |= std::uint64_t{1} << (found - fact.values.begin());
                    }
                }
            }
            if (fact.type == FactType::number) {
                fields.require("unit");
                fields.require("min");
                fields.require("max");
                if (min != nullptr && max != nullptr) {
                    fact.min = read_number(doc, *min, m_out).value_or(0);
                    fact.max = read_number(doc, *max, m_out).value_or(0);
                    if (fact.min > fact.max) {
                        m_out.add(
                            doc.error(DiagnosticCode::bad_value,
                                      max->value.Mark(),
                                      fmt::format("'max' of '{}' is below its 'min'", fact.id)));
                    }
                }
            }
            m_sources.facts.push_back(doc.location(fields.find("id")->value.Mark()));
            m_pack.facts.push_back(std::move(fact));
        });
}

void PackBuilder::read_fact_policies(const Section& section) {
    if (!section.entry.value.IsSequence()) {
        return;
    }
    // First the kind of every policy, so a `required_when` can check what it refers to.
    std::vector<std::pair<Fact*, KeyValue>> assumed;
    std::vector<std::pair<Fact*, KeyValue>> notes;
    std::vector<std::pair<Fact*, KeyValue>> assume_whens;
    const YamlDocument& doc = *section.doc;
    std::vector<Fields> all_fields;
    for (const YAML::Node& item : section.entry.value) {
        Diagnostics ignored; // reported once already by read_facts
        Fields fields(doc, item, "a fact", k_fact_keys, ignored);
        const KeyValue* id_entry = fields.find("id");
        const KeyValue* unknown = fields.find("unknown");
        if (!fields.ok() || id_entry == nullptr || unknown == nullptr ||
            !id_entry->value.IsScalar()) {
            continue;
        }
        const auto index = m_pack.find_fact(id_entry->value.Scalar());
        if (!index) {
            continue;
        }
        Fact& fact = m_pack.facts[*index];
        if (unknown->value.IsScalar()) {
            const std::string& kind = unknown->value.Scalar();
            if (kind == "required") {
                fact.unknown = UnknownPolicy::required;
            } else if (kind == "optional") {
                fact.unknown = UnknownPolicy::optional;
            } else {
                m_out.add(doc.error(
                    DiagnosticCode::bad_value,
                    unknown->value.Mark(),
                    fmt::format("'unknown' must be required, optional, {{assume: VALUE}} or "
                                "{{required_when: CONDITION}}, got '{}'{}",
                                kind,
                                did_you_mean(kind, {"required", "optional"}))));
            }
            continue;
        }
        Fields policy(doc,
                      unknown->value,
                      "an unknown-answer policy",
                      {"assume", "assume_when", "note", "required_when"},
                      m_out);
        if (!policy.ok()) {
            continue;
        }
        const KeyValue* assume = policy.find("assume");
        const KeyValue* assume_when = policy.find("assume_when");
        const KeyValue* required_when = policy.find("required_when");
        if (assume_when != nullptr && assume == nullptr) {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                assume_when->key_mark,
                                "'assume_when' needs an 'assume' value to use when it holds"));
            continue;
        }
        if (assume_when == nullptr && (assume == nullptr) == (required_when == nullptr)) {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                unknown->value.Mark(),
                                "an unknown-answer policy needs exactly one of 'assume' and "
                                "'required_when' (both only with 'assume_when')"));
            continue;
        }
        if (const KeyValue* note = policy.find("note")) {
            fact.assumption_note = read_scalar(doc, *note, m_out).value_or("");
        }
        if (assume != nullptr) {
            fact.unknown = UnknownPolicy::assume;
            assumed.emplace_back(&fact, *assume);
        }
        if (assume_when != nullptr) {
            fact.unknown = UnknownPolicy::required; // unknown while the condition does not hold
            fact.assume_when = 1; // marks it conditional until its condition is read below
            assume_whens.emplace_back(&fact, *assume_when);
        }
        if (required_when != nullptr) {
            fact.unknown = UnknownPolicy::required_when;
            notes.emplace_back(&fact, *required_when);
        }
    }
    for (auto& [fact, entry] : assumed) {
        auto value = read_fact_value(doc, *fact, entry.value, entry.key_mark);
        if (value && value->is_unknown()) {
            m_out.add(doc.error(DiagnosticCode::bad_value,
                                entry.value.Mark(),
                                "an assumption must be a value, not unknown"));
        } else if (value) {
            fact->assumed = *value;
        }
    }
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
    for (auto& [fact, entry] : notes) {
        fact->required_when = read_policy_condition(*fact, entry).value_or(0);
    }
    for (auto& [fact, entry] : assume_whens) {
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
    auto fact_of_type =
        [&](const char* key, FactType type, bool required) -> std::optional<std::uint32_t> {
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
    };
    m_pack.modality_fact = fact_of_type("modality_fact", FactType::enumeration, true).value_or(0);
    const auto area_fact = fact_of_type("area_fact", FactType::site_list, true);
    m_pack.area_fact = area_fact.value_or(0);
    if (area_fact) {
        m_pack.facts[*area_fact].requires_sites = true;
    }
    m_pack.clearance_fact = fact_of_type("clearance_fact", FactType::yes_no, false);
    if (modalities.empty() || m_pack.facts.empty()) {
        return;
    }
    const Fact& modality_fact = m_pack.facts[m_pack.modality_fact];
    std::vector<std::optional<Modality>> by_value(modality_fact.values.size());
    for (const Section& section : modalities) {
        for_each_item(
            section,
            "modality",
            {"id", "title", "default_area"},
            m_out,
            [&](const YamlDocument& mdoc, const YAML::Node&, Fields& item) {
                auto id = read_id(mdoc, item, m_out);
                const KeyValue* area = item.require("default_area");
                if (!id || area == nullptr) {
                    return;
                }
                const auto value =
                    std::find(modality_fact.values.begin(), modality_fact.values.end(), *id);
                if (value == modality_fact.values.end()) {
                    m_out.add(
                        mdoc.error(DiagnosticCode::unknown_name,
                                   item.find("id")->value.Mark(),
                                   fmt::format("modality '{}' is not a value of the fact '{}'{}",
                                               *id,
                                               modality_fact.id,
                                               did_you_mean(*id, modality_fact.values))));
                    return;
                }
                auto& slot =
                    by_value[static_cast<std::size_t>(value - modality_fact.values.begin())];
                if (slot) {
                    m_out.add(mdoc.error(DiagnosticCode::duplicate_id,
                                         item.find("id")->value.Mark(),
                                         fmt::format("modality '{}' is defined twice", *id)));
                    return;
                }
                slot = Modality{*id,
                                optional_text(mdoc, item, "title", m_out),
                                read_site_ids(mdoc, *area).value_or(SiteSet{})};
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
    std::map<std::string, SourceLocation>& names = m_rule_names;
    for_each_item(
        section,
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
            Rule rule;
            auto id = read_id(doc, fields, m_out, false);
            const KeyValue* name = fields.require("name");
            const KeyValue* title = fields.require("title");
            const KeyValue* level = fields.require("level");
            const KeyValue* when = fields.require("when");
            const KeyValue* action = fields.require("action");
            const KeyValue* rationale = fields.require("rationale");
            const KeyValue* sources = fields.require("sources");
            if (!id) {
                return;
            }
            rule.id = *id;
            const YAML::Mark id_mark = fields.find("id")->value.Mark();
            auto [it, inserted] = m_rule_ids.emplace(rule.id, doc.location(id_mark));
            if (!inserted) {
                m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                    id_mark,
                                    fmt::format("rule id '{}' is used twice (first at {}:{})",
                                                rule.id,
                                                it->second.file,
                                                it->second.line)));
            }
            if (name != nullptr) {
                rule.name = read_scalar(doc, *name, m_out).value_or("");
                auto [first, fresh] = names.emplace(rule.name, doc.location(name->value.Mark()));
                if (!fresh) {
                    m_out.add(doc.error(DiagnosticCode::duplicate_id,
                                        name->value.Mark(),
                                        fmt::format("rule name '{}' is used twice (first at {}:{})",
                                                    rule.name,
                                                    first->second.file,
                                                    first->second.line)));
                }
            }
            rule.title = title ? read_scalar(doc, *title, m_out).value_or("") : "";
            rule.action = action ? read_scalar(doc, *action, m_out).value_or("") : "";
            rule.rationale = rationale ? read_scalar(doc, *rationale, m_out).value_or("") : "";
            rule.grade = optional_text(doc, fields, "grade", m_out);
            rule.deviation = optional_text(doc, fields, "deviation", m_out);
            if (level != nullptr) {
                const std::string text = read_scalar(doc, *level, m_out).value_or("");
                const auto parsed = level_from_string(text);
                if (!parsed || *parsed == Level::proceed) {
                    const std::vector<std::string> levels{"proceed_with_precautions",
                                                          "postpone_and_refer",
                                                          "do_not_massage",
                                                          "emergency"};
                    m_out.add(
                        doc.error(DiagnosticCode::bad_value,
                                  level->value.Mark(),
                                  fmt::format("'level' must be one of: proceed_with_precautions, "
                                              "postpone_and_refer, do_not_massage, emergency; "
                                              "got '{}'{}",
                                              text,
                                              did_you_mean(text, levels))));
                } else {
                    rule.level = *parsed;
                }
            }
            if (const KeyValue* clearable = fields.find("clearable")) {
                rule.clearable = read_bool(doc, *clearable, m_out).value_or(false);
                if (rule.clearable && rule.level != Level::postpone_and_refer) {
                    m_out.add(
                        doc.error(DiagnosticCode::bad_value,
                                  clearable->value.Mark(),
                                  fmt::format("only postpone_and_refer rules can be clearable; "
                                              "'{}' is {}",
                                              rule.id,
                                              to_string(rule.level))));
                }
            }
            if (sources != nullptr) {
                auto items = read_scalar_list(doc, *sources, m_out);
                for (const auto& [text, mark] : items.value_or(decltype(items)::value_type{})) {
                    rule.sources.push_back(text);
                }
                if (items && items->empty()) {
                    m_out.add(
                        doc.error(DiagnosticCode::bad_value,
                                  sources->value.Mark(),
                                  fmt::format("rule '{}' must cite at least one source", rule.id)));
                }
            }
            const ConditionScope scope{m_pack.predicates.size(), false};
            if (when != nullptr) {
                rule.condition = parse_condition(doc, when->value, scope).value_or(0);
            }
            if (const KeyValue* avoid = fields.find("avoid")) {
                rule.avoid = parse_site_expr(doc, avoid->value, scope).value_or(0) + 1;
            }
            if (const KeyValue* no_pressure = fields.find("no_pressure")) {
                rule.no_pressure = parse_site_expr(doc, no_pressure->value, scope).value_or(0) + 1;
            }
            if (const KeyValue* notes = fields.find("action_notes")) {
                if (!notes->value.IsSequence()) {
                    m_out.add(doc.error(DiagnosticCode::wrong_type,
                                        notes->value.Mark(),
                                        "'action_notes' must be a list of {when, text}"));
                } else {
                    for (const YAML::Node& item : notes->value) {
                        Fields note(doc, item, "an action note", {"when", "text"}, m_out);
                        const KeyValue* note_when = note.require("when");
                        const KeyValue* text = note.require("text");
                        if (note_when == nullptr || text == nullptr) {
                            continue;
                        }
                        auto condition = parse_condition(doc, note_when->value, scope);
                        auto note_text = read_scalar(doc, *text, m_out);
                        if (condition && note_text) {
                            rule.action_notes.push_back(ActionNote{*condition, *note_text});
                        }
                    }
                }
            }
            m_sources.rules.push_back(doc.location(id_mark));
            m_pack.rules.push_back(std::move(rule));
        });
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
    for_each_item(
        section,
        "screening question",
        {"id", "question", "facts"},
        m_out,
        [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
            auto id = read_id(doc, fields, m_out);
            const KeyValue* question = fields.require("question");
            const KeyValue* facts = fields.require("facts");
            if (!id || question == nullptr || facts == nullptr) {
                return;
            }
            for (const ScreeningGroup& earlier : m_pack.screening) {
                if (earlier.id == *id) {
                    m_out.add(
                        doc.error(DiagnosticCode::duplicate_id,
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
        });
}

void PackBuilder::read_follow_ups(const Section& section) {
    for_each_item(
        section,
        "follow-up entry",
        {"after", "ask"},
        m_out,
        [&](const YamlDocument& doc, const YAML::Node&, Fields& fields) {
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
        });
}

} // namespace contra::detail

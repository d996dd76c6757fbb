#pragma once

// Internal to the pack loader: turns the sections of a pack's YAML files into a RulePack.

#include "model/rule_pack.hpp"
#include "pack/condition_operators.hpp"
#include "pack/pack_source.hpp"
#include "yaml/yaml_reader.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace contra::detail {

/// A section of a pack file (`facts:`, `rules:` ...) and the document it is in.
struct Section {
    const YamlDocument* doc = nullptr;
    KeyValue entry;
};

/// Which names a condition may use where it appears.
struct ConditionScope {
    std::size_t visible_predicates = 0; ///< predicates [0, n) are defined above
    bool in_fact_policy = false;        ///< inside a fact's `required_when`
};

class PackBuilder {
  public:
    PackBuilder(Diagnostics& out, PackSourceMap& sources) : m_out(out), m_sources(sources) {}

    /// Builds the pack from its sections, keyed by name; a list section (`rules`, `facts` ...)
    /// may come from several files, in manifest order. Errors go to the diagnostics.
    RulePack build(const std::map<std::string, std::vector<Section>>& sections);

  private:
    // Sections of the pack (pack_builder.cpp), in the order they are read.
    void read_sites(const std::vector<Section>& sites, const std::vector<Section>& groups);
    void read_site_aliases(const std::vector<Section>& aliases);
    void read_facts(const Section& section);
    void read_treatment(const Section* treatment, const std::vector<Section>& modalities);
    void read_modalities(const std::vector<Section>& modalities);
    void read_predicates(const Section& section);
    void read_fact_policies(const Section& section);
    void read_sources(const Section& section);
    void read_rules(const Section& section);
    void read_screening(const Section& section);
    void read_follow_ups(const Section& section);

    // Items of the sections.
    std::optional<Leaf> read_leaf(const YamlDocument& doc,
                                  const YAML::Node& item,
                                  Fields& fields,
                                  std::map<std::string, SourceLocation>& seen,
                                  std::size_t leaves);
    std::optional<SiteGroup> read_site_group(const YamlDocument& doc,
                                             Fields& fields,
                                             std::map<std::string, SourceLocation>& seen,
                                             const std::vector<SiteGroup>& earlier);
    std::optional<SiteAlias> read_site_alias(const YamlDocument& doc, Fields& fields);
    bool check_alias_name(const YamlDocument& doc, const std::string& name, const YAML::Mark& mark);
    void read_fact(const YamlDocument& doc, Fields& fields);
    std::optional<std::uint32_t> read_treatment_fact(
        const YamlDocument& doc, Fields& fields, const char* key, FactType type, bool required);
    void read_modality(const YamlDocument& doc,
                       Fields& item,
                       std::vector<std::optional<Modality>>& by_value);
    struct PolicyEntries;
    void read_unknown_policy(const YamlDocument& doc,
                             const KeyValue& unknown,
                             Fact& fact,
                             PolicyEntries& entries);
    void read_policy_conditions(const YamlDocument& doc, PolicyEntries& entries);
    void read_rule(const YamlDocument& doc, Fields& fields);
    void read_rule_names(const YamlDocument& doc, Fields& fields, Rule& rule);
    void read_rule_level(const YamlDocument& doc, const KeyValue& level, Rule& rule);
    void read_rule_sources(const YamlDocument& doc, const KeyValue& sources, Rule& rule);
    void read_evidence_source(const YamlDocument& doc, Fields& fields);
    void read_citation(const YamlDocument& doc, const YAML::Node& item, Rule& rule);
    void read_rule_conditions(const YamlDocument& doc, Fields& fields, Rule& rule);
    void read_action_notes(const YamlDocument& doc,
                           const KeyValue& notes,
                           const ConditionScope& scope,
                           Rule& rule);
    std::optional<std::uint32_t> read_screening_member(const YamlDocument& doc,
                                                       const std::string& group,
                                                       const std::string& id,
                                                       const YAML::Mark& mark);
    void read_screening_group(const YamlDocument& doc, Fields& fields);
    void read_follow_up(const YamlDocument& doc, Fields& fields);

    // Conditions (condition_parser.cpp).
    std::optional<std::uint32_t>
    parse_condition(const YamlDocument& doc, const YAML::Node& node, const ConditionScope& scope);
    std::optional<std::uint32_t> parse_condition_group(const YamlDocument& doc,
                                                       const KeyValue& entry,
                                                       const ConditionScope& scope);
    std::optional<std::uint32_t>
    parse_negation(const YamlDocument& doc, const KeyValue& entry, const ConditionScope& scope);
    std::optional<std::uint32_t> parse_predicate_use(const YamlDocument& doc,
                                                     const KeyValue& entry,
                                                     const ConditionScope& scope);
    std::optional<std::uint32_t>
    parse_has_sites(const YamlDocument& doc, const KeyValue& entry, const ConditionScope& scope);
    std::optional<std::uint32_t>
    parse_fact_test(const YamlDocument& doc, const Fields& fields, const ConditionScope& scope);
    const KeyValue* fact_test_operator(const YamlDocument& doc, const Fields& fields);
    std::optional<Value> read_tested_value(const YamlDocument& doc,
                                           const Fact& fact,
                                           const YAML::Node& node,
                                           const YAML::Mark& key_mark);
    std::optional<std::uint32_t> compare_number(const YamlDocument& doc,
                                                const Fact& fact,
                                                const ConditionOperator& op,
                                                const KeyValue& test,
                                                Condition& condition);
    std::optional<std::uint32_t> test_choices(const YamlDocument& doc,
                                              const Fact& fact,
                                              const ConditionOperator& op,
                                              const KeyValue& test,
                                              Condition& condition);

    // Site expressions (condition_parser.cpp).
    std::optional<std::uint32_t>
    parse_site_expr(const YamlDocument& doc, const YAML::Node& node, const ConditionScope& scope);
    std::optional<std::uint32_t> parse_conditional_sites(const YamlDocument& doc,
                                                         const YAML::Node& node,
                                                         const Fields& fields,
                                                         const KeyValue& when,
                                                         const ConditionScope& scope);
    std::optional<std::uint32_t> parse_whole_limb(const YamlDocument& doc,
                                                  const YAML::Node& node,
                                                  const Fields& fields,
                                                  const KeyValue& limb,
                                                  const ConditionScope& scope);
    std::optional<std::uint32_t>
    parse_site_fact(const YamlDocument& doc, const YAML::Node& node, const KeyValue& entry);
    std::optional<std::uint32_t>
    parse_site_literal(const YamlDocument& doc, const YAML::Node& node, const KeyValue& entry);
    std::optional<std::uint32_t> parse_site_operation(const YamlDocument& doc,
                                                      const YAML::Node& node,
                                                      const KeyValue& entry,
                                                      const ConditionScope& scope);

    // Shared by conditions and site expressions.
    std::optional<std::uint32_t> parse_children(const YamlDocument& doc,
                                                const KeyValue& entry,
                                                const ConditionScope& scope,
                                                bool sites,
                                                Condition& node_for_conditions,
                                                SiteExpr& node_for_sites);
    std::optional<std::uint32_t> lookup_fact(const YamlDocument& doc, const KeyValue& entry);
    std::optional<SiteSet> read_site_ids(const YamlDocument& doc, const KeyValue& entry);
    std::optional<Value> read_fact_value(const YamlDocument& doc,
                                         const Fact& fact,
                                         const YAML::Node& node,
                                         const YAML::Mark& mark);
    std::uint32_t add_condition(const Condition& condition);
    std::uint32_t
    add_site_expr(const SiteExpr& expr, const YamlDocument& doc, const YAML::Node& node);
    /// Adds `expr` holding the one expression `child`.
    std::uint32_t add_site_expr_of(SiteExpr expr,
                                   std::uint32_t child,
                                   const YamlDocument& doc,
                                   const YAML::Node& node);
    bool uses_conditional_fact(std::uint32_t condition) const;
    bool site_expr_uses_conditional_fact(std::uint32_t expr) const;

    Diagnostics& m_out;
    PackSourceMap& m_sources;
    RulePack m_pack;
    std::map<std::string, SourceLocation> m_rule_ids;
    std::map<std::string, SourceLocation> m_rule_names;
    std::map<std::string, SourceLocation> m_fact_ids;
    std::set<std::string> m_predicate_ids;
    std::map<std::string, SourceLocation> m_source_ids;
    std::map<std::uint32_t, std::string> m_screened; ///< fact -> its screening group's id
};

} // namespace contra::detail

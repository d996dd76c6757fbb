#pragma once

#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <string>
#include <vector>

namespace contra {

/// Writes a report as the compact JSON object of docs/contract.md, fast enough for a batch of
/// millions: everything a pack fixes (rule texts, site and level names) is serialized once, by
/// nlohmann/json, when the writer is made; per report only the pieces are joined. report_to_json
/// reads this writer's output, so the two can never disagree.
class ReportJsonWriter {
  public:
    explicit ReportJsonWriter(const RulePack& pack);

    /// Appends the object's members, comma-separated, without the braces (a batch line puts
    /// its own members first).
    void append_members(const Report& report, std::string& out) const;

  private:
    struct RuleText {
        std::string head;   ///< "rule":…,"name":…
        std::string title;  ///< "title":…
        std::string action; ///< the action alone, serialized (notes make it vary)
        std::string tail;   ///< "rationale":…,"sources":[…]
    };

    void append_finding(const Finding& finding, std::string& out) const;
    void append_could_fire(const std::vector<CouldFire>& could_fires, std::string& out) const;
    void append_unanswered(const std::vector<Unanswered>& unanswered_facts, std::string& out) const;
    void append_assumed(const std::vector<Assumption>& assumptions, std::string& out) const;
    void append_sites(const SiteSet& sites, std::string& out) const;
    void append_facts(const std::vector<std::uint32_t>& facts, std::string& out) const;

    const RulePack& m_pack;
    std::vector<RuleText> m_rules;
    std::vector<std::string> m_leaves;     ///< each leaf id, serialized
    std::vector<std::string> m_facts;      ///< each fact id, serialized
    std::vector<std::string> m_unanswered; ///< "fact":…,"question":…
    std::string m_pack_member;             ///< "pack":{…}
};

} // namespace contra

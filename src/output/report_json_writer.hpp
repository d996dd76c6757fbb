#pragma once

#include "model/report.hpp"
#include "model/rule_pack.hpp"
#include "output/json_fragments.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace contra {

/// How much of a report a line carries: everything (`full`), or the verdict, the sites and the
/// ids of rules and facts without their texts (`ids`, for large batches: the texts are in
/// `contra rules --format json` and `contra facts --format json`).
enum class ReportDetail : std::uint8_t { full, ids };

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

    /// The same for `--detail ids` (docs/batch.md): no text, no source, no question; every
    /// verdict, level and site of the full report, and each rule and fact by its id.
    void append_id_members(const Report& report, std::string& out) const;

    /// append_members or append_id_members.
    void append_members(const Report& report, ReportDetail detail, std::string& out) const {
        if (detail == ReportDetail::ids) {
            append_id_members(report, out);
        } else {
            append_members(report, out);
        }
    }

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
    /// "expired":[…],"aged":[…],
    void append_dated(const Report& report, std::string& out) const;
    void append_verdict_and_sites(const Report& report, std::string& out) const;
    void append_finding_ids(const Finding& finding, std::string& out) const;
    void append_note_indexes(const Finding& finding, std::string& out) const;
    void append_sites(const SiteSet& sites, std::string& out) const;
    void append_facts(const std::vector<std::uint32_t>& facts, std::string& out) const;

    const RulePack& m_pack;
    std::vector<RuleText> m_rules;
    std::vector<std::string> m_leaves;     ///< each leaf id, serialized
    std::vector<std::string> m_facts;      ///< each fact id, serialized
    std::vector<std::string> m_unanswered; ///< "fact":…,"question":…
    std::vector<std::string> m_rule_ids;   ///< "rule":…
    // For --detail ids, whole list items by index and level: {"rule":…,"level":…} for each
    // rule, {"fact":…,"could_raise_to":…} for each fact.
    JsonFragments m_could_fire_items;
    JsonFragments m_unanswered_items;
    std::string m_pack_member; ///< "pack":{…}
};

} // namespace contra

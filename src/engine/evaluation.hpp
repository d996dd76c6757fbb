#pragma once

// Internal to the engine: three-valued evaluation of one profile against one pack, shared by
// evaluate() and the explanations.

#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"
#include "util/tristate.hpp"

#include <cstdint>
#include <vector>

namespace contra::detail {

/// What a site expression may cover: certainly `lower`, at most `upper`.
struct SiteBounds {
    SiteSet lower;
    SiteSet upper;
    [[nodiscard]] bool certain() const { return lower == upper; }
};

/// A set of facts, filled while collecting what a condition needs: reused across conditions,
/// it is emptied in time proportional to what it holds, not to the vocabulary.
class FactMarks {
  public:
    FactMarks() = default;
    explicit FactMarks(std::size_t facts) : m_marked(facts, 0) {}

    /// Empties the set and sizes it for a vocabulary of `facts`.
    void reset(std::size_t facts);

    void insert(std::uint32_t fact) {
        if (m_marked[fact] == 0) {
            m_marked[fact] = 1;
            m_facts.push_back(fact);
        }
    }
    [[nodiscard]] bool contains(std::uint32_t fact) const { return m_marked[fact] != 0; }
    /// The facts, in vocabulary order.
    const std::vector<std::uint32_t>& sorted();
    void clear();

  private:
    std::vector<std::uint8_t> m_marked;
    std::vector<std::uint32_t> m_facts;
};

/// Whether the pack's assumptions stand in for unanswered questions, or those questions stay
/// unknown: the answers alone. The modality's default area stands either way (it follows from
/// the answered modality).
enum class Assumptions : std::uint8_t { apply, withhold };

/// The answers of a profile after each fact's unknown policy, and the values of the pack's
/// conditions and site expressions over them (Kleene logic; site sets as bounds).
class Evaluation {
  public:
    Evaluation(const RulePack& pack,
               const Profile& profile,
               Assumptions assumptions = Assumptions::apply);
    /// An evaluation of nothing yet, to be reset() for each profile: it keeps its tables.
    Evaluation() = default;

    /// Evaluates another profile, reusing the tables this evaluation has allocated.
    void reset(const RulePack& pack,
               const Profile& profile,
               Assumptions assumptions = Assumptions::apply);

    /// Takes from `other`, an evaluation of the same profile and pack (the assumptions applied
    /// there, withheld here), the value of each condition and site expression it has computed
    /// that reads no fact on which the two evaluations differ (the pack's `reads`): it would be
    /// computed the same here. Call it right after reset(); `other` must outlive this
    /// evaluation's use, and a reset of either ends the sharing.
    void share_with(const Evaluation& other);
    /// After share_with: whether every fact whose value differs there is unknown here, so that
    /// this evaluation knows nothing the other does not (Kleene logic being monotone, then every
    /// condition settled here is settled the same there).
    [[nodiscard]] bool knows_no_more_than_shared() const { return m_knows_no_more; }

    /// The value of condition `index` of the pack's arena.
    Tri condition(std::uint32_t index);
    /// The bounds of site expression `index` of the pack's arena (valid until the next call).
    const SiteBounds& sites(std::uint32_t index);

    /// Adds the unanswered facts that keep `index` unknown.
    void collect_needs(std::uint32_t index, FactMarks& needed);
    /// Adds the unanswered facts that keep site expression `index` uncertain.
    void collect_site_needs(std::uint32_t index, FactMarks& needed);

    [[nodiscard]] const std::vector<Value>& values() const { return m_values; }
    [[nodiscard]] const std::vector<Assumption>& assumptions() const { return m_assumed; }

  private:
    Tri computed_condition(std::uint32_t index);
    void compute_sites(std::uint32_t index);
    Tri evaluate_condition(std::uint32_t index);
    SiteBounds evaluate_sites(std::uint32_t index);
    std::uint32_t child(std::uint32_t first, std::uint32_t i) const;
    Tri choice_in(const Condition& node);
    Tri predicate(std::uint32_t index);
    SiteBounds whole_limb_of(const SiteExpr& expr);
    void resolve_area();
    void resolve_unknowns();
    void resolve_follow_up(std::uint32_t fact);

    const RulePack* m_pack = nullptr;
    std::vector<Value> m_values;
    std::vector<std::int8_t> m_predicates; ///< cached Tri per predicate, -1 when not yet known
    // Once every unknown is resolved the values no longer change, and each condition and site
    // expression is computed once (collecting what a rule needs asks for each node again).
    bool m_values_final = false;
    std::vector<std::int8_t> m_conditions; ///< per condition: its Tri, -1 when not yet known
    std::vector<SiteBounds> m_sites;
    std::vector<std::uint8_t> m_sites_known; ///< per site expression: 1 once computed
    SiteBounds m_area;
    std::vector<Assumption> m_assumed;
    std::vector<std::uint32_t> m_follow_ups; ///< unanswered facts with a condition, while resolving
    Assumptions m_assumptions = Assumptions::apply;

    // Sharing with another evaluation of the same profile (share_with): the evaluation whose
    // values are taken, and the facts on which the two differ (bits, as in the pack's reads).
    const Evaluation* m_shared_from = nullptr;
    std::vector<std::uint64_t> m_differing;
    bool m_knows_no_more = false;
};

} // namespace contra::detail

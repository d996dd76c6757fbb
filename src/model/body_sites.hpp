#pragma once

#include "model/site_set.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

struct Leaf {
    std::string id;
    int level = -1; ///< proximal-to-distal level within its limb; -1 when it has none
    friend bool operator==(const Leaf&, const Leaf&) = default;
};

struct SiteGroup {
    std::string id;
    SiteSet leaves;
    bool is_limb = false;
    friend bool operator==(const SiteGroup&, const SiteGroup&) = default;
};

/// Another name people use for a site: `armpit` for the paired part `axilla` (so `left armpit`
/// is axilla_left), or `belly` for the leaf `abdomen`.
struct SiteAlias {
    std::string name;
    std::string target; ///< a leaf or group id, or a paired part: `axilla` for axilla_left/right
    friend bool operator==(const SiteAlias&, const SiteAlias&) = default;
};

/// The pack's body-site vocabulary: leaves, groups, limbs and the distal relation.
class BodySites {
  public:
    BodySites() = default;
    BodySites(std::vector<Leaf> leaves,
              std::vector<SiteGroup> groups,
              std::vector<SiteAlias> aliases = {});

    [[nodiscard]] const std::vector<Leaf>& leaves() const { return m_leaves; }
    [[nodiscard]] const std::vector<SiteGroup>& groups() const { return m_groups; }
    [[nodiscard]] const std::vector<SiteAlias>& aliases() const { return m_aliases; }
    [[nodiscard]] const SiteSet& all() const { return m_all; }

    /// The leaves a leaf or group id stands for; nullopt for an unknown id.
    [[nodiscard]] std::optional<SiteSet> expand(std::string_view id) const;
    /// `sites` plus every leaf distal to one of them on the same limb.
    [[nodiscard]] SiteSet with_distal(const SiteSet& sites) const;
    /// Every leaf of each limb that contains one of `sites`.
    [[nodiscard]] SiteSet whole_limbs_of(const SiteSet& sites) const;
    /// Leaf ids in display order.
    [[nodiscard]] std::vector<std::string> leaf_ids(const SiteSet& sites) const;
    /// Names covering `sites`: whole groups where every leaf is present (largest first), then
    /// the remaining leaves; for people, not for scripts.
    [[nodiscard]] std::vector<std::string> describe(const SiteSet& sites) const;
    /// Every leaf and group id, for suggestions.
    [[nodiscard]] std::vector<std::string> all_ids() const;
    /// The ids `part`_left and `part`_right that exist: {calf_left, calf_right} for `calf`,
    /// {leg_left, leg_right} for `leg`; empty when `part` is not a paired part.
    [[nodiscard]] std::vector<std::string> sided_ids(std::string_view part) const;
    /// What an alias stands for (a site id or a paired part), or nullopt.
    [[nodiscard]] std::optional<std::string> alias_target(std::string_view name) const;
    /// The smallest group that holds every leaf of `sites` and more, or nullptr.
    [[nodiscard]] const SiteGroup* smallest_group_around(const SiteSet& sites) const;

    friend bool operator==(const BodySites& left, const BodySites& right) {
        return left.m_leaves == right.m_leaves && left.m_groups == right.m_groups &&
               left.m_aliases == right.m_aliases;
    }

  private:
    std::vector<Leaf> m_leaves;
    std::vector<SiteGroup> m_groups;
    std::vector<SiteAlias> m_aliases;
    SiteSet m_all;
    std::vector<SiteSet> m_distal_of; ///< per leaf: itself and every leaf distal to it
    std::vector<SiteSet> m_limb_of;   ///< per leaf: the leaves of its limb, empty if none

    // The same relations by limb, so that a set of sites is mapped in a few steps rather than
    // one per leaf (an evaluation maps whole bodies for every profile with a site unanswered).
    struct LimbLeaves {
        SiteSet members; ///< the leaves whose limb is `limb`
        SiteSet limb;
    };
    std::vector<LimbLeaves> m_limbs;
    SiteSet m_with_distal_leaves; ///< the leaves that have a leaf distal to them
};

} // namespace contra

#pragma once

#include "contra/site_set.hpp"

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

/// The pack's body-site vocabulary: leaves, groups, limbs and the distal relation.
class BodySites {
  public:
    BodySites() = default;
    BodySites(std::vector<Leaf> leaves, std::vector<SiteGroup> groups);

    [[nodiscard]] const std::vector<Leaf>& leaves() const { return m_leaves; }
    [[nodiscard]] const std::vector<SiteGroup>& groups() const { return m_groups; }
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

    friend bool operator==(const BodySites& left, const BodySites& right) {
        return left.m_leaves == right.m_leaves && left.m_groups == right.m_groups;
    }

  private:
    std::vector<Leaf> m_leaves;
    std::vector<SiteGroup> m_groups;
    SiteSet m_all;
    std::vector<SiteSet> m_distal_of; ///< per leaf: itself and every leaf distal to it
    std::vector<SiteSet> m_limb_of;   ///< per leaf: the leaves of its limb, empty if none
};

} // namespace contra

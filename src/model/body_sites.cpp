#include "model/body_sites.hpp"

#include <algorithm>

namespace contra {

BodySites::BodySites(std::vector<Leaf> leaves,
                     std::vector<SiteGroup> groups,
                     std::vector<SiteAlias> aliases)
    : m_leaves(std::move(leaves)), m_groups(std::move(groups)), m_aliases(std::move(aliases)) {
    m_distal_of.resize(m_leaves.size());
    m_limb_of.resize(m_leaves.size());
    for (std::size_t leaf = 0; leaf < m_leaves.size(); ++leaf) {
        m_all.insert(leaf);
        m_distal_of[leaf].insert(leaf);
    }
    for (const SiteGroup& group : m_groups) {
        if (!group.is_limb) {
            continue;
        }
        group.leaves.for_each([&](std::size_t leaf) {
            m_limb_of[leaf] = group.leaves;
            group.leaves.for_each([&](std::size_t other) {
                if (m_leaves[other].level > m_leaves[leaf].level && m_leaves[leaf].level >= 0) {
                    m_distal_of[leaf].insert(other);
                }
            });
        });
    }
    for (std::size_t leaf = 0; leaf < m_leaves.size(); ++leaf) {
        if (m_distal_of[leaf] != SiteSet::of(leaf)) {
            m_with_distal_leaves.insert(leaf);
        }
        if (m_limb_of[leaf].empty()) {
            continue;
        }
        auto same_limb = std::find_if(m_limbs.begin(), m_limbs.end(), [&](const LimbLeaves& limb) {
            return limb.limb == m_limb_of[leaf];
        });
        if (same_limb == m_limbs.end()) {
            same_limb = m_limbs.insert(m_limbs.end(), {{}, m_limb_of[leaf]});
        }
        same_limb->members.insert(leaf);
    }
}

std::optional<SiteSet> BodySites::expand(std::string_view id) const {
    for (std::size_t leaf = 0; leaf < m_leaves.size(); ++leaf) {
        if (m_leaves[leaf].id == id) {
            return SiteSet::of(leaf);
        }
    }
    for (const SiteGroup& group : m_groups) {
        if (group.id == id) {
            return group.leaves;
        }
    }
    return std::nullopt;
}

SiteSet BodySites::with_distal(const SiteSet& sites) const {
    SiteSet result = sites;
    (sites & m_with_distal_leaves).for_each([&](std::size_t leaf) { result |= m_distal_of[leaf]; });
    return result;
}

SiteSet BodySites::whole_limbs_of(const SiteSet& sites) const {
    SiteSet result;
    for (const LimbLeaves& limb : m_limbs) {
        if (sites.intersects(limb.members)) {
            result |= limb.limb;
        }
    }
    return result;
}

std::vector<std::string> BodySites::leaf_ids(const SiteSet& sites) const {
    std::vector<std::string> ids;
    sites.for_each([&](std::size_t leaf) { ids.push_back(m_leaves[leaf].id); });
    return ids;
}

std::vector<std::string> BodySites::describe(const SiteSet& sites) const {
    std::vector<const SiteGroup*> by_size;
    for (const SiteGroup& group : m_groups) {
        by_size.push_back(&group);
    }
    std::stable_sort(by_size.begin(), by_size.end(), [](const SiteGroup* a, const SiteGroup* b) {
        return a->leaves.size() > b->leaves.size();
    });
    std::vector<std::string> names;
    SiteSet left = sites;
    for (const SiteGroup* group : by_size) {
        if (group->leaves.size() > 1 && group->leaves.is_subset_of(left)) {
            names.push_back(group->id);
            left -= group->leaves;
        }
    }
    std::vector<std::string> leaves = leaf_ids(left);
    names.insert(names.end(), leaves.begin(), leaves.end());
    return names;
}

std::vector<std::string> BodySites::all_ids() const {
    std::vector<std::string> ids;
    for (const Leaf& leaf : m_leaves) {
        ids.push_back(leaf.id);
    }
    for (const SiteGroup& group : m_groups) {
        ids.push_back(group.id);
    }
    return ids;
}

std::vector<std::string> BodySites::sided_ids(std::string_view part) const {
    std::vector<std::string> ids;
    for (const char* side : {"_left", "_right"}) {
        std::string id = std::string(part) + side;
        if (!part.empty() && expand(id)) {
            ids.push_back(std::move(id));
        }
    }
    return ids;
}

std::optional<std::string> BodySites::alias_target(std::string_view name) const {
    for (const SiteAlias& alias : m_aliases) {
        if (alias.name == name) {
            return alias.target;
        }
    }
    return std::nullopt;
}

const SiteGroup* BodySites::smallest_group_around(const SiteSet& sites) const {
    const SiteGroup* smallest = nullptr;
    for (const SiteGroup& group : m_groups) {
        if (sites.is_subset_of(group.leaves) && group.leaves.size() > sites.size() &&
            (smallest == nullptr || group.leaves.size() < smallest->leaves.size())) {
            smallest = &group;
        }
    }
    return smallest;
}

} // namespace contra

#pragma once

#include <bitset>
#include <cstddef>

namespace contra {

/// The most leaf body sites a pack may define.
inline constexpr std::size_t k_max_sites = 128;

/// A set of leaf body sites, indexed by their position in the pack's site list.
class SiteSet {
  public:
    SiteSet() = default;

    static SiteSet of(std::size_t leaf) {
        SiteSet set;
        set.insert(leaf);
        return set;
    }

    void insert(std::size_t leaf) { m_bits.set(leaf); }
    [[nodiscard]] bool contains(std::size_t leaf) const { return m_bits.test(leaf); }
    [[nodiscard]] bool empty() const { return m_bits.none(); }
    [[nodiscard]] std::size_t size() const { return m_bits.count(); }
    [[nodiscard]] bool is_subset_of(const SiteSet& other) const {
        return (m_bits & ~other.m_bits).none();
    }
    [[nodiscard]] bool intersects(const SiteSet& other) const {
        return (m_bits & other.m_bits).any();
    }

    SiteSet& operator|=(const SiteSet& other) {
        m_bits |= other.m_bits;
        return *this;
    }
    SiteSet& operator&=(const SiteSet& other) {
        m_bits &= other.m_bits;
        return *this;
    }
    /// Removes every site of `other`.
    SiteSet& operator-=(const SiteSet& other) {
        m_bits &= ~other.m_bits;
        return *this;
    }
    friend SiteSet operator|(SiteSet left, const SiteSet& right) { return left |= right; }
    friend SiteSet operator&(SiteSet left, const SiteSet& right) { return left &= right; }
    friend SiteSet operator-(SiteSet left, const SiteSet& right) { return left -= right; }
    friend bool operator==(const SiteSet&, const SiteSet&) = default;

    /// Calls `visit(leaf)` for each leaf in ascending (display) order.
    template <typename Visit> void for_each(Visit&& visit) const {
        for (std::size_t leaf = m_bits._Find_first(); leaf < k_max_sites;
             leaf = m_bits._Find_next(leaf)) {
            visit(leaf);
        }
    }

  private:
    std::bitset<k_max_sites> m_bits;
};

} // namespace contra

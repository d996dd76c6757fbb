#include "model/arena_reads.hpp"

namespace contra {
namespace {

// Each node's facts are the union of its own and its operands', each node computed once.
class ReadsBuilder {
  public:
    explicit ReadsBuilder(const RulePack& pack) : m_pack(pack) {
        m_reads.words = static_cast<std::uint32_t>((pack.facts.size() + 63) / 64);
        m_reads.conditions.assign(pack.conditions.size() * m_reads.words, 0);
        m_reads.sites.assign(pack.site_exprs.size() * m_reads.words, 0);
        m_condition_done.assign(pack.conditions.size(), false);
        m_sites_done.assign(pack.site_exprs.size(), false);
    }

    ArenaReads build() && {
        for (std::uint32_t i = 0; i < m_pack.conditions.size(); ++i) {
            condition(i);
        }
        for (std::uint32_t i = 0; i < m_pack.site_exprs.size(); ++i) {
            sites(i);
        }
        return std::move(m_reads);
    }

  private:
    std::uint64_t* condition_bits(std::uint32_t index) {
        return m_reads.conditions.data() + std::size_t{index} * m_reads.words;
    }
    std::uint64_t* site_bits(std::uint32_t index) {
        return m_reads.sites.data() + std::size_t{index} * m_reads.words;
    }
    void add_fact(std::uint64_t* bits, std::uint32_t fact) const {
        bits[fact / 64] |= std::uint64_t{1} << (fact % 64);
    }
    void add_all(std::uint64_t* bits, const std::uint64_t* from) const {
        for (std::uint32_t word = 0; word < m_reads.words; ++word) {
            bits[word] |= from[word];
        }
    }

    // The arenas are built children first and the loader refuses cycles, so the recursion
    // is as deep as the pack's nesting.
    const std::uint64_t* condition(std::uint32_t index) {
        std::uint64_t* bits = condition_bits(index);
        if (m_condition_done[index]) {
            return bits;
        }
        m_condition_done[index] = true;
        const Condition& node = m_pack.conditions[index];
        switch (node.kind) {
        case ConditionKind::all:
        case ConditionKind::any:
            for (std::uint32_t i = 0; i < node.count; ++i) {
                add_all(bits, condition(m_pack.children[node.first + i]));
            }
            break;
        case ConditionKind::negation:
            add_all(bits, condition(node.target));
            break;
        case ConditionKind::choice_in:
        case ConditionKind::number_compare:
            add_fact(bits, node.fact);
            break;
        case ConditionKind::predicate:
            add_all(bits, condition(m_pack.predicates[node.target].condition));
            break;
        case ConditionKind::has_sites:
            add_all(bits, sites(node.target));
            break;
        }
        return bits;
    }

    const std::uint64_t* sites(std::uint32_t index) {
        std::uint64_t* bits = site_bits(index);
        if (m_sites_done[index]) {
            return bits;
        }
        m_sites_done[index] = true;
        const SiteExpr& expr = m_pack.site_exprs[index];
        if (expr.kind == SiteExprKind::fact) {
            add_fact(bits, expr.fact);
        }
        if (expr.kind == SiteExprKind::in_area || expr.kind == SiteExprKind::outside_area) {
            add_fact(bits, m_pack.area_fact);
            add_fact(bits, m_pack.modality_fact);
        }
        if (expr.kind == SiteExprKind::when) {
            add_all(bits, condition(expr.condition));
        }
        if (expr.otherwise != 0) {
            add_all(bits, sites(expr.otherwise - 1));
        }
        for (std::uint32_t i = 0; i < expr.count; ++i) {
            add_all(bits, sites(m_pack.children[expr.first + i]));
        }
        return bits;
    }

    const RulePack& m_pack;
    ArenaReads m_reads;
    std::vector<bool> m_condition_done;
    std::vector<bool> m_sites_done;
};

} // namespace

ArenaReads arena_reads(const RulePack& pack) {
    return ReadsBuilder(pack).build();
}

} // namespace contra

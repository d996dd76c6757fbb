#pragma once

#include "model/site_set.hpp"

#include <cstdint>
#include <vector>

namespace contra {

/// Nodes of conditions and site expressions live in flat arrays of the RulePack and refer to
/// each other by index; `first`/`count` select a run of the pack's child-index array.

enum class ConditionKind : std::uint8_t {
    all,
    any,
    negation,
    choice_in,      ///< the fact's choice is (or, with `negate`, is not) in `choices`
    number_compare, ///< the fact's number compared with `number` by `op`
    predicate,      ///< the pack's predicate `target`
    has_sites       ///< the site expression `target` is not empty
};

enum class NumberOp : std::uint8_t { eq, ne, lt, lte, gt, gte };

struct Condition {
    ConditionKind kind = ConditionKind::all;
    NumberOp op = NumberOp::eq;
    bool negate = false;
    std::uint32_t fact = 0;
    std::uint64_t choices = 0;
    double number = 0;
    std::uint32_t target = 0;
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    friend bool operator==(const Condition&, const Condition&) = default;
};

enum class SiteExprKind : std::uint8_t {
    fact,          ///< the sites of site-list fact `fact`
    literal,       ///< `literal`
    in_area,       ///< child within the treatment area
    outside_area,  ///< child outside the treatment area
    with_distal,   ///< child plus everything distal to it
    whole_limb_of, ///< the limbs of child; `otherwise` (index + 1, 0 for none) when empty
    union_of,
    intersection,
    when ///< child when condition `condition` holds, else nothing
};

struct SiteExpr {
    SiteExprKind kind = SiteExprKind::literal;
    std::uint32_t fact = 0;
    SiteSet literal;
    std::uint32_t condition = 0;
    std::uint32_t otherwise = 0;
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    friend bool operator==(const SiteExpr&, const SiteExpr&) = default;
};

/// The facts each condition and site expression of a pack may read, directly or through its
/// operands (predicates, site expressions, `when` conditions): `words` 64-bit words of fact
/// bits for each node. Two evaluations of a profile that differ on none of a node's facts give
/// it the same value.
struct ArenaReads {
    std::uint32_t words = 0;
    std::vector<std::uint64_t> conditions; ///< words bits for condition i at i * words
    std::vector<std::uint64_t> sites;      ///< the same for site expression i

    /// Whether condition `index` may read a fact of `facts` (`words` words of bits).
    [[nodiscard]] bool condition_reads_any(std::uint32_t index, const std::uint64_t* facts) const {
        return overlaps(conditions.data() + std::size_t{index} * words, facts);
    }
    /// Whether site expression `index` may read a fact of `facts`.
    [[nodiscard]] bool sites_read_any(std::uint32_t index, const std::uint64_t* facts) const {
        return overlaps(sites.data() + std::size_t{index} * words, facts);
    }
    friend bool operator==(const ArenaReads&, const ArenaReads&) = default;

  private:
    [[nodiscard]] bool overlaps(const std::uint64_t* reads, const std::uint64_t* facts) const {
        for (std::uint32_t word = 0; word < words; ++word) {
            if ((reads[word] & facts[word]) != 0) {
                return true;
            }
        }
        return false;
    }
};

} // namespace contra

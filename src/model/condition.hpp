#pragma once

#include "model/site_set.hpp"

#include <cstdint>

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

} // namespace contra

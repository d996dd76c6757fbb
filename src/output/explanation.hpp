#pragma once

#include "model/profile.hpp"
#include "model/rule_pack.hpp"
#include "util/tristate.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace contra {

/// One node of a rule's condition with its value for a profile, in words a practitioner reads:
/// "leg warmth is yes", answered "yes", so true.
struct ExplainedNode {
    std::string text;
    Tri value = Tri::unknown;
    std::string answer; ///< for a test of one fact: the answer used ("61 years (assumed)")
    std::vector<ExplainedNode> children;
};

struct RuleExplanation {
    std::uint32_t rule = 0;
    Tri fires = Tri::unknown;
    ExplainedNode condition;
};

/// A site expression in words: "varicose vein sites in the treatment area and everything below
/// them".
std::string site_expr_in_words(const RulePack& pack, std::uint32_t index);

/// A condition of the pack in words, with no answers ("any of these: fever is yes, ...").
ExplainedNode condition_in_words(const RulePack& pack, std::uint32_t condition);

/// Why each rule fired or could fire for this profile (every rule with `all_rules`).
std::vector<RuleExplanation> explain(const RulePack& pack, const Profile& profile, bool all_rules);

/// The explanations as an indented tree, each node marked yes, no or ? (unknown), wrapped to
/// `width` columns (a word longer than that stands alone, unbroken).
void render_explanation_text(const RulePack& pack,
                             const std::vector<RuleExplanation>& explanations,
                             std::size_t width,
                             std::ostream& out);
nlohmann::ordered_json explanation_to_json(const RulePack& pack,
                                           const std::vector<RuleExplanation>& explanations);

} // namespace contra

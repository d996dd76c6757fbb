#pragma once

#include "contra/diagnostic.hpp"
#include "contra/rule_pack.hpp"

#include <yaml-cpp/node/node.h>

#include <optional>
#include <string>
#include <vector>

namespace contra {

/// A client's intake answers: one value per fact of the pack, unknown where unanswered.
struct Profile {
    std::vector<Value> answers;
};

/// A profile with every answer unknown.
Profile empty_profile(const RulePack& pack);

struct ProfileResult {
    std::optional<Profile> profile; ///< empty when there is any diagnostic
    Diagnostics diagnostics;
};

/// Reads a profile written as YAML or JSON: a mapping from fact id to answer. Unknown fact
/// ids, values outside a fact's type or range and duplicate keys are errors, each located.
ProfileResult read_profile(const RulePack& pack, std::string text, std::string file_name);

class YamlDocument;

/// Applies the answers of a mapping node of `doc` over `profile`; false on any error.
bool apply_profile_node(const RulePack& pack,
                        const YamlDocument& doc,
                        const YAML::Node& node,
                        Profile& profile,
                        Diagnostics& out);

} // namespace contra

#pragma once

// A profile written as YAML or JSON (one document), read into the model with each error located.

#include "model/profile.hpp"
#include "model/rule_pack.hpp"
#include "util/diagnostic.hpp"

#include <yaml-cpp/node/node.h>

#include <optional>
#include <string>
#include <string_view>

namespace contra {

struct ProfileResult {
    std::optional<Profile> profile; ///< empty when there is any diagnostic
    Diagnostics diagnostics;
};

/// How a profile's text is parsed: YAML (which reads JSON too, and more), or JSON alone, whose
/// syntax errors are then named as JSON's.
enum class ProfileSyntax { yaml, json };

/// JSON for a file named *.json (any case), else YAML.
ProfileSyntax syntax_of_file(std::string_view file_name);

/// Reads a profile written as YAML or JSON (as its file name says): a mapping from fact id to
/// answer. Unknown fact ids, values outside a fact's type or range and duplicate keys are
/// errors, each located.
ProfileResult read_profile(const RulePack& pack, std::string_view text, std::string file_name);

/// read_profile in `syntax`, where `record_id` (if not null) also accepts a key `id` and
/// receives its text: the record identifier.
ProfileResult read_profile_text(const RulePack& pack,
                                std::string_view text,
                                std::string file_name,
                                std::optional<std::string>* record_id,
                                ProfileSyntax syntax);

class YamlDocument;

/// Applies the answers of a mapping node of `doc` over `profile`; false on any error. Each
/// diagnostic names the fact it concerns in `field`. With `record_id`, as read_profile_text.
bool apply_profile_node(const RulePack& pack,
                        const YamlDocument& doc,
                        const YAML::Node& node,
                        Profile& profile,
                        Diagnostics& out,
                        std::optional<std::string>* record_id = nullptr);

} // namespace contra

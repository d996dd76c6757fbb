#pragma once

// A pack's files as read, and where each part of the pack was written in them.

#include "util/diagnostic.hpp"

#include <map>
#include <string>
#include <vector>

namespace contra {

/// One file of a pack: its name inside the pack and its bytes.
struct PackSource {
    std::string name;
    std::string text;
};

/// Where the parts of a loaded pack are written, for tools that point at the source (lint).
/// Kept beside the RulePack, which stays plain data.
struct PackSourceMap {
    std::vector<SourceLocation> rules;        ///< per rule: its id
    std::vector<SourceLocation> facts;        ///< per fact: its id
    std::vector<SourceLocation> leaves;       ///< per leaf site: its id
    std::vector<SourceLocation> site_exprs;   ///< per site expression of the arena
    std::vector<SourceLocation> evidence;     ///< per source of the `sources` section: its id
    std::map<std::string, std::string> texts; ///< display file name -> content
    /// The source line at `where`, for caret snippets.
    [[nodiscard]] std::string line_at(const SourceLocation& where) const;
};

} // namespace contra

#pragma once

#include "model/rule_pack.hpp"
#include "pack/pack_source.hpp"
#include "util/diagnostic.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace contra {

struct PackLoadResult {
    std::optional<RulePack> pack; ///< empty when there is any error
    Diagnostics diagnostics;
    PackSourceMap sources;
};

/// Loads and validates the pack in `directory` (its manifest `pack.yaml` and the files it
/// lists). Diagnostics name files as `directory/name`.
PackLoadResult load_pack_from_directory(const std::filesystem::path& directory);

/// Loads a pack from in-memory files: `manifest` is pack.yaml, `files` the files it lists, in
/// any order. `display_prefix` is put before file names in diagnostics (e.g. "rules/").
PackLoadResult load_pack(const PackSource& manifest,
                         const std::vector<PackSource>& files,
                         const std::string& display_prefix);

/// The SHA-256 that identifies a pack's content (rules/README.md, "Files").
std::string pack_sha256(const PackSource& manifest, const std::vector<PackSource>& files_in_order);

} // namespace contra

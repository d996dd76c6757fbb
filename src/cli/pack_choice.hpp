#pragma once

#include "model/rule_pack.hpp"

#include <CLI/App.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace contra::cli {

/// The pack to use: the one in `rules_dir`, or the bundled one when it is empty. Prints the
/// diagnostics to `err` and returns nullopt when the pack is invalid.
std::optional<RulePack> choose_pack(const std::string& rules_dir, std::ostream& err);

/// The value of an option (`--rules DIR` or `--rules=DIR`) in argv, found before the full
/// parse because the pack's vocabulary decides which options exist. The last one given wins;
/// nullopt when it is not given.
std::optional<std::string>
find_option_value(int argc, const char* const* argv, std::string_view name);

/// Every value of an option in argv, in order (`--pack-sha256` may be given before the command
/// and after it; each must hold).
std::vector<std::string>
find_option_values(int argc, const char* const* argv, std::string_view name);

/// Checks `--pack-sha256 HEX`: the pack's content hash must be `pinned` (any case), so that a
/// clinic runs only the logic it validated. Prints why and returns false when it is not.
bool matches_pinned_sha256(const RulePack& pack, const std::string& pinned, std::ostream& err);

/// Adds `--pack-sha256 HEX` to a command, for its help and parsing; run() checks it.
void add_pack_sha256_option(CLI::App& command, std::string& value);

/// Adds `--rules DIR` and `--pack-sha256 HEX` to a command that runs the pack (run() reads both
/// before the full parse; these make them known to the command's parser and help).
void add_pack_options(CLI::App& command, std::string& rules_dir, std::string& pack_sha256);

} // namespace contra::cli

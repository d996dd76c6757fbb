#pragma once

#include "contra/rule_pack.hpp"

#include <optional>
#include <ostream>
#include <string>

namespace contra::cli {

/// The pack to use: the one in `rules_dir`, or the bundled one when it is empty. Prints the
/// diagnostics to `err` and returns nullopt when the pack is invalid.
std::optional<RulePack> choose_pack(const std::string& rules_dir, std::ostream& err);

/// The value of `--rules DIR` or `--rules=DIR` in argv, found before the full parse because
/// the pack's vocabulary decides which options exist.
std::string find_rules_option(int argc, const char* const* argv);

} // namespace contra::cli

#pragma once

#include "model/rule_pack.hpp"

#include <CLI/App.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace contra::cli {

/// An answer given on the command line, before it is checked against its fact.
struct OptionAnswer {
    std::uint32_t fact = 0;
    std::string text;
    std::string option; ///< as the user wrote it, for messages
};

/// Adds one option per fact of the pack's vocabulary to `command`: `--leg-warmth` and
/// `--no-leg-warmth` for yes/no facts, `--modality VALUE`, `--age-years N` and
/// `--varicose-vein-sites A,B` for the others. Each answer is appended to `answers`.
void add_fact_options(CLI::App& command, const RulePack& pack, std::vector<OptionAnswer>& answers);

/// `leg_warmth` -> `--leg-warmth`.
std::string option_name(const std::string& fact_id);

} // namespace contra::cli

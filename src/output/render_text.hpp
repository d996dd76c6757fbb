#pragma once

#include "model/report.hpp"
#include "model/rule_pack.hpp"

#include <ostream>
#include <string_view>

namespace contra {

struct TextOptions {
    bool colour = false;
    std::size_t width = 88;
};

/// The report for a person: verdict first, then what to do, where, why, what was assumed and
/// what is still to ask.
void render_text(const RulePack& pack,
                 const Report& report,
                 const TextOptions& options,
                 std::ostream& out);

/// What a verdict means, in one sentence for the practitioner.
std::string_view verdict_meaning(Verdict verdict);

/// `text` wrapped to `width` columns, every line after the first indented by `indent` spaces.
std::string wrap(std::string_view text, std::size_t indent, std::size_t width);

} // namespace contra

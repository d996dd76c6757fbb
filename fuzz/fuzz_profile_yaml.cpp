// The profile reader on YAML text, then the engine and both reporters on whatever it accepts.
// A profile it accepts must have been the whole text: one document, nothing after it.
#include "bundled.hpp"
#include "document_count.hpp"
#include "engine/evaluator.hpp"
#include "fuzz_target.hpp"
#include "input/profile_reader.hpp"
#include "output/render_json.hpp"
#include "output/render_text.hpp"

#include <cstdlib>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const contra::RulePack& pack = bundled_pack();
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto result = contra::read_profile(pack, text, "profile.yaml");
    // Fail closed: a profile comes back only when nothing was wrong with it.
    if (result.profile.has_value() != result.diagnostics.items().empty()) {
        std::abort();
    }
    if (result.profile && count_yaml_documents(text).value_or(0) != 1) {
        std::abort(); // a verdict from part of the text, or from text yaml-cpp cannot read
    }
    if (result.profile) {
        const contra::Report report = contra::evaluate(pack, *result.profile);
        std::ostringstream out;
        contra::render_json(pack, report, out);
        contra::render_text(pack, report, {}, out);
    }
    return 0;
}

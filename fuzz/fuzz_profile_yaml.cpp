// The profile reader on YAML text, then the engine and both reporters on whatever it accepts.
#include "bundled.hpp"
#include "contra/evaluator.hpp"
#include "contra/profile.hpp"
#include "contra/render_json.hpp"
#include "contra/render_text.hpp"
#include "fuzz_target.hpp"

#include <cstdlib>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const contra::RulePack& pack = bundled_pack();
    auto result = contra::read_profile(
        pack, std::string(reinterpret_cast<const char*>(data), size), "profile.yaml");
    // Fail closed: a profile comes back only when nothing was wrong with it.
    if (result.profile.has_value() != result.diagnostics.items().empty()) {
        std::abort();
    }
    if (result.profile) {
        const contra::Report report = contra::evaluate(pack, *result.profile);
        std::ostringstream out;
        contra::render_json(pack, report, out);
        contra::render_text(pack, report, {}, out);
    }
    return 0;
}

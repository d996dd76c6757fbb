// The JSON fast path against the located YAML path: whatever the fast path accepts, the YAML
// path must read to exactly the same answers (the fast path may only ever decline). What either
// accepts must be the whole text: nlohmann reads it as one JSON value, yaml-cpp as one document.
#include "bundled.hpp"
#include "document_count.hpp"
#include "fuzz_target.hpp"
#include "input/json_profile.hpp"
#include "input/profile_reader.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const contra::RulePack& pack = bundled_pack();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto fast = contra::read_json_profile_fast(pack, text);
    const auto located = contra::read_profile(pack, std::string(text), "profile.json");
    if (located.profile && count_yaml_documents(text).value_or(0) != 1) {
        std::abort(); // a verdict from part of the text
    }
    if (!fast) {
        return 0;
    }
    if (!nlohmann::json::accept(text) || !located.profile ||
        located.profile->answers != fast->answers) {
        std::abort();
    }
    return 0;
}

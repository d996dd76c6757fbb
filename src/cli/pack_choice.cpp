#include "cli/pack_choice.hpp"

#include "cli/bundled_pack.hpp"
#include "contra/pack_codec.hpp"
#include "contra/pack_loader.hpp"

#include <fmt/ostream.h>

#include <stdexcept>

namespace contra::cli {

std::optional<RulePack> choose_pack(const std::string& rules_dir, std::ostream& err) {
    if (rules_dir.empty()) {
        auto pack = decode_pack(bundled_pack_bytes());
        if (!pack) {
            throw std::logic_error("the bundled rule pack does not decode");
        }
        return pack;
    }
    PackLoadResult result = load_pack_from_directory(rules_dir);
    if (!result.pack) {
        fmt::print(err, "{}", result.diagnostics.format());
        fmt::print(
            err,
            "contra: error: the rule pack in {} is invalid ({} error{}); nothing was checked\n",
            rules_dir,
            result.diagnostics.error_count(),
            result.diagnostics.error_count() == 1 ? "" : "s");
    }
    return std::move(result.pack);
}

std::string find_rules_option(int argc, const char* const* argv) {
    const std::string_view prefix = "--rules=";
    std::string found;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            break;
        }
        if (arg == "--rules" && i + 1 < argc) {
            found = argv[++i];
        } else if (arg.substr(0, prefix.size()) == prefix) {
            found = std::string(arg.substr(prefix.size()));
        }
    }
    return found;
}

} // namespace contra::cli

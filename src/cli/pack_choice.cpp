#include "cli/pack_choice.hpp"

#include "cli/bundled_pack.hpp"
#include "cli/error_report.hpp"
#include "pack/pack_codec.hpp"
#include "pack/pack_loader.hpp"
#include "util/terminal_text.hpp"

#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>
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
        report_diagnostics(err, result.diagnostics);
        fmt::print(
            err,
            "contra: error: the rule pack in {} is invalid ({} error{}); nothing was checked\n",
            escape_controls(rules_dir),
            result.diagnostics.error_count(),
            result.diagnostics.error_count() == 1 ? "" : "s");
    }
    return std::move(result.pack);
}

std::vector<std::string>
find_option_values(int argc, const char* const* argv, std::string_view name) {
    const std::string prefix = fmt::format("{}=", name);
    std::vector<std::string> found;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--") {
            break;
        }
        if (arg == name && i + 1 < argc) {
            found.emplace_back(argv[++i]);
        } else if (arg.substr(0, prefix.size()) == prefix) {
            found.emplace_back(arg.substr(prefix.size()));
        }
    }
    return found;
}

std::optional<std::string>
find_option_value(int argc, const char* const* argv, std::string_view name) {
    std::vector<std::string> values = find_option_values(argc, argv, name);
    if (values.empty()) {
        return std::nullopt;
    }
    return std::move(values.back());
}

bool matches_pinned_sha256(const RulePack& pack, const std::string& pinned, std::ostream& err) {
    std::string lower = pinned;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) {
        return static_cast<char>(std::tolower(c));
    });
    if (lower == pack.info.sha256) {
        return true;
    }
    report_error(err,
                 error_code::k_pinned_pack,
                 fmt::format("the rule pack {} {} has sha256 {}, not the pinned '{}'; nothing "
                             "was checked",
                             pack.info.name,
                             pack.info.version,
                             pack.info.sha256,
                             pinned));
    return false;
}

void add_pack_options(CLI::App& command, std::string& rules_dir, std::string& pack_sha256) {
    command.add_option("--rules", rules_dir, "Use the rule pack in DIR instead of the bundled one")
        ->type_name("DIR");
    add_pack_sha256_option(command, pack_sha256);
}

void add_pack_sha256_option(CLI::App& command, std::string& value) {
    command
        .add_option("--pack-sha256",
                    value,
                    "Run only if the rule pack's sha256 (see --version) is HEX; exit 78 "
                    "otherwise")
        ->type_name("HEX");
}

} // namespace contra::cli

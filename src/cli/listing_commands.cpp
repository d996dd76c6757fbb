#include "cli/listing_commands.hpp"

#include "cli/pack_choice.hpp"
#include "cli/terminal_width.hpp"
#include "output/evidence_table.hpp"
#include "output/render_json.hpp"
#include "output/render_listing.hpp"
#include "output/render_sites.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <unistd.h>

namespace contra::cli {

void add_listing_options(CLI::App& command,
                         const std::vector<std::string>& formats,
                         ListingOptions& options) {
    const std::string& text_format = formats.front();
    const bool markdown = std::find(formats.begin(), formats.end(), "markdown") != formats.end();
    command
        .add_option_function<std::string>(
            "--format",
            [&options](const std::string& format) {
                options.json = format == "json";
                options.markdown = format == "markdown";
            },
            fmt::format("Output: {} for a person, json for a program{}",
                        text_format,
                        markdown ? ", markdown for a clinical reviewer (every rule with its "
                                   "condition, action, typed sources, grade and deviation)"
                                 : ""))
        ->check(CLI::IsMember(formats))
        ->option_text(fmt::format("{} (default: {})", fmt::join(formats, "|"), text_format));
    if (text_format == "table") {
        command.add_flag("--wide",
                         options.wide,
                         "One line per item, however long (default: wrapped to the terminal's "
                         "width, COLUMNS, else 80)");
    }
    command
        .add_option(
            "--rules", options.rules_dir, "List the rule pack in DIR instead of the bundled one")
        ->type_name("DIR");
    add_pack_sha256_option(command, options.pack_sha256);
}

namespace {

std::size_t table_width(const ListingOptions& options) {
    return options.wide ? 0 : terminal_width(STDOUT_FILENO, std::getenv("COLUMNS"));
}

} // namespace

Outcome run_rules_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out) {
    if (options.json) {
        write_json(rules_to_json(pack), out);
    } else if (options.markdown) {
        render_evidence_markdown(pack, out);
    } else {
        render_rules_table(pack, table_width(options), out);
    }
    return Outcome::success();
}

Outcome run_facts_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out) {
    if (options.json) {
        write_json(facts_to_json(pack), out);
    } else {
        render_facts_table(pack, table_width(options), out);
    }
    return Outcome::success();
}

} // namespace contra::cli

namespace contra::cli {

Outcome run_sites_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out) {
    if (options.json) {
        write_json(sites_to_json(pack), out);
    } else {
        render_site_tree(pack, out);
    }
    return Outcome::success();
}

} // namespace contra::cli

#include "cli/listing_commands.hpp"

#include "cli/pack_choice.hpp"
#include "contra/render_json.hpp"
#include "contra/render_listing.hpp"

#include <ostream>

namespace contra::cli {
namespace {

CLI::App* add_listing(CLI::App& app, const char* name, const char* what, ListingOptions& options) {
    CLI::App* command = app.add_subcommand(name, what);
    command
        ->add_option_function<std::string>(
            "--format",
            [&options](const std::string& format) { options.json = format == "json"; },
            "Output: table for a person, json for a program")
        ->check(CLI::IsMember({"table", "json"}))
        ->option_text("table|json (default: table)");
    command
        ->add_option(
            "--rules", options.rules_dir, "List the rule pack in DIR instead of the bundled one")
        ->type_name("DIR");
    add_pack_sha256_option(*command, options.pack_sha256);
    return command;
}

} // namespace

void setup_listings(CLI::App& app, ListingOptions& options, CLI::App*& rules, CLI::App*& facts) {
    rules = add_listing(app, "rules", "List the rule pack's rules: id, level, title", options);
    facts = add_listing(app,
                        "facts",
                        "List the rule pack's questions: id, type, values, what unanswered means",
                        options);
}

int run_rules_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out) {
    if (options.json) {
        write_json(rules_to_json(pack), out);
    } else {
        render_rules_table(pack, out);
    }
    return 0;
}

int run_facts_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out) {
    if (options.json) {
        write_json(facts_to_json(pack), out);
    } else {
        render_facts_table(pack, out);
    }
    return 0;
}

} // namespace contra::cli

#pragma once

#include "model/rule_pack.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <string>

namespace contra::cli {

/// What `contra rules` and `contra facts` list, and how.
struct ListingOptions {
    bool json = false;
    std::string rules_dir;
    std::string pack_sha256; ///< checked before anything runs (app.cpp)
};

/// The listing commands, once added.
struct ListingCommands {
    CLI::App* rules = nullptr;
    CLI::App* facts = nullptr;
    CLI::App* sites = nullptr;
};

/// Adds `rules` (the pack's rules), `facts` (its vocabulary) and `sites` (its body sites, groups
/// and aliases); each prints a table or tree, or JSON.
ListingCommands setup_listings(CLI::App& app, ListingOptions& options);

int run_rules_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out);
int run_facts_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out);
int run_sites_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out);

} // namespace contra::cli

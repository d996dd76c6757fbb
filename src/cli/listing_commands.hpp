#pragma once

#include "contra/rule_pack.hpp"

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

/// Adds `rules` (the pack's rules) and `facts` (its vocabulary); each prints a table, or JSON.
void setup_listings(CLI::App& app, ListingOptions& options, CLI::App*& rules, CLI::App*& facts);

int run_rules_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out);
int run_facts_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out);

} // namespace contra::cli

#pragma once

#include "cli/exit_codes.hpp"
#include "model/rule_pack.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <string>

namespace contra::cli {

/// What `contra rules` and `contra facts` list, and how.
struct ListingOptions {
    bool json = false;
    bool markdown = false; ///< rules: the evidence table for a clinical reviewer
    bool wide = false;     ///< a table: one line per item, however long
    std::string rules_dir;
    std::string pack_sha256; ///< checked before anything runs (app.cpp)
};

/// Adds the options of a listing: `rules` (the pack's rules), `facts` (its vocabulary) or
/// `sites` (its body sites, groups and aliases), each printed as `text_format` (a table or a
/// tree) or JSON, and `rules` also as Markdown (`formats`: the text format first, then the
/// others). A table fits the terminal's width (terminal_width()) unless --wide.
void add_listing_options(CLI::App& command,
                         const std::vector<std::string>& formats,
                         ListingOptions& options);

Outcome run_rules_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out);
Outcome run_facts_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out);
Outcome run_sites_listing(const RulePack& pack, const ListingOptions& options, std::ostream& out);

} // namespace contra::cli

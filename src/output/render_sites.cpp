#include "output/render_sites.hpp"

#include "model/site_spelling.hpp"
#include "util/word_wrap.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <optional>

namespace contra {
namespace {

using nlohmann::ordered_json;

constexpr std::size_t k_columns = 80;

// The tree's nodes: leaves [0, leaves) then groups; each with its parent group, if any.
class SiteTree {
  public:
    explicit SiteTree(const BodySites& sites) : m_sites(sites) {
        const std::size_t leaves = sites.leaves().size();
        m_parent.resize(leaves + sites.groups().size());
        for (std::size_t leaf = 0; leaf < leaves; ++leaf) {
            m_parent[leaf] = smallest_group_holding(SiteSet::of(leaf), std::nullopt);
        }
        for (std::size_t group = 0; group < sites.groups().size(); ++group) {
            m_parent[leaves + group] = smallest_group_holding(sites.groups()[group].leaves, group);
        }
    }

    [[nodiscard]] std::size_t size() const { return m_parent.size(); }
    [[nodiscard]] bool is_group(std::size_t node) const { return node >= m_sites.leaves().size(); }
    [[nodiscard]] const SiteGroup& group(std::size_t node) const {
        return m_sites.groups()[node - m_sites.leaves().size()];
    }
    [[nodiscard]] std::string id(std::size_t node) const {
        return is_group(node) ? group(node).id : m_sites.leaves()[node].id;
    }
    [[nodiscard]] std::optional<std::size_t> parent(std::size_t node) const {
        return m_parent[node];
    }

    /// The nodes under `parent` (top level for nullopt), in display order of their first leaf.
    [[nodiscard]] std::vector<std::size_t> children(std::optional<std::size_t> parent) const {
        std::vector<std::size_t> nodes;
        for (std::size_t node = 0; node < size(); ++node) {
            if (m_parent[node] == parent) {
                nodes.push_back(node);
            }
        }
        std::stable_sort(nodes.begin(), nodes.end(), [&](std::size_t a, std::size_t b) {
            return first_leaf(a) < first_leaf(b);
        });
        return nodes;
    }

  private:
    [[nodiscard]] std::size_t first_leaf(std::size_t node) const {
        if (!is_group(node)) {
            return node;
        }
        std::size_t first = m_sites.leaves().size();
        group(node).leaves.for_each([&](std::size_t leaf) { first = std::min(first, leaf); });
        return first;
    }

    // The smallest other group holding all of `leaves` (and more, for a group); earliest on ties.
    [[nodiscard]] std::optional<std::size_t>
    smallest_group_holding(const SiteSet& leaves, std::optional<std::size_t> self) const {
        std::optional<std::size_t> best;
        const auto& groups = m_sites.groups();
        for (std::size_t group = 0; group < groups.size(); ++group) {
            const SiteSet& held = groups[group].leaves;
            const bool holds = leaves.is_subset_of(held) &&
                               (self ? held.size() > leaves.size() : true) && group != self;
            if (holds && (!best || held.size() < groups[*best].leaves.size())) {
                best = group;
            }
        }
        if (best) {
            return m_sites.leaves().size() + *best;
        }
        return std::nullopt;
    }

    const BodySites& m_sites;
    std::vector<std::optional<std::size_t>> m_parent;
};

std::vector<std::string> alias_meaning(const BodySites& sites, const SiteAlias& alias) {
    if (sites.expand(alias.target)) {
        return {alias.target};
    }
    return sites.sided_ids(alias.target);
}

// The shortest leaf id with a side, for an example: hand_left.
std::optional<std::string> shortest_sided_leaf(const BodySites& sites) {
    std::optional<std::string> shortest;
    for (const Leaf& leaf : sites.leaves()) {
        if (!split_side(leaf.id).side.empty() && (!shortest || leaf.id.size() < shortest->size())) {
            shortest = leaf.id;
        }
    }
    return shortest;
}

// A paragraph, its words wrapped to fit the columns.
void print_wrapped(std::string_view text, std::ostream& out) {
    fmt::print(out, "{}\n", wrap(text, 0, k_columns));
}

void print_nodes(const SiteTree& tree,
                 std::optional<std::size_t> parent,
                 std::size_t depth,
                 std::ostream& out) {
    for (const std::size_t node : tree.children(parent)) {
        std::string line = std::string(depth * 2, ' ') + tree.id(node);
        if (tree.is_group(node)) {
            const SiteGroup& group = tree.group(node);
            const std::size_t count = group.leaves.size();
            line += fmt::format(
                "  ({}{} site{})", group.is_limb ? "limb, " : "", count, count == 1 ? "" : "s");
        }
        fmt::print(out, "{}\n", line);
        print_nodes(tree, node, depth + 1, out);
    }
}

// "  armpit, underarm   axilla_left, axilla_right", the meaning wrapped at commas to fit.
void print_aliases(const BodySites& sites, std::ostream& out) {
    std::vector<std::pair<std::string, std::string>> rows; // names, meaning
    for (const SiteAlias& alias : sites.aliases()) {
        const std::string meaning = fmt::format("{}", fmt::join(alias_meaning(sites, alias), ", "));
        const auto same = std::find_if(
            rows.begin(), rows.end(), [&](const auto& row) { return row.second == meaning; });
        if (same != rows.end()) {
            same->first += ", " + alias.name;
        } else {
            rows.emplace_back(alias.name, meaning);
        }
    }
    std::size_t width = 0;
    for (const auto& row : rows) {
        width = std::max(width, row.first.size());
    }
    for (const auto& [names, meaning] : rows) {
        std::string line = fmt::format("  {:<{}}  ", names, width);
        const std::size_t indent = line.size();
        std::string_view rest = meaning;
        while (!rest.empty()) {
            const std::size_t comma = std::min(rest.find(", "), rest.size());
            const std::string_view word = rest.substr(0, comma == rest.size() ? comma : comma + 1);
            if (line.size() > indent && line.size() + word.size() > k_columns) {
                fmt::print(out, "{}\n", line.substr(0, line.find_last_not_of(' ') + 1));
                line = std::string(indent, ' ');
            }
            line += std::string(word) + (comma == rest.size() ? "" : " ");
            rest.remove_prefix(std::min(rest.size(), comma + 2));
        }
        fmt::print(out, "{}\n", line.substr(0, line.find_last_not_of(' ') + 1));
    }
}

} // namespace

ordered_json sites_to_json(const RulePack& pack) {
    const BodySites& sites = pack.sites;
    const SiteTree tree(sites);
    const auto parent_id = [&](std::size_t node) -> ordered_json {
        const auto parent = tree.parent(node);
        return parent ? ordered_json(tree.id(*parent)) : ordered_json(nullptr);
    };
    ordered_json leaves = ordered_json::array();
    for (std::size_t leaf = 0; leaf < sites.leaves().size(); ++leaf) {
        const int level = sites.leaves()[leaf].level;
        leaves.push_back(
            ordered_json{{"id", sites.leaves()[leaf].id},
                         {"within", parent_id(leaf)},
                         {"level", level >= 0 ? ordered_json(level) : ordered_json()}});
    }
    ordered_json groups = ordered_json::array();
    for (std::size_t node = sites.leaves().size(); node < tree.size(); ++node) {
        const SiteGroup& group = tree.group(node);
        groups.push_back(ordered_json{{"id", group.id},
                                      {"within", parent_id(node)},
                                      {"limb", group.is_limb},
                                      {"leaves", sites.leaf_ids(group.leaves)}});
    }
    ordered_json aliases = ordered_json::array();
    for (const SiteAlias& alias : sites.aliases()) {
        aliases.push_back(ordered_json{
            {"alias", alias.name}, {"site", alias.target}, {"means", alias_meaning(sites, alias)}});
    }
    return ordered_json{
        {"pack",
         {{"name", pack.info.name}, {"version", pack.info.version}, {"sha256", pack.info.sha256}}},
        {"leaves", std::move(leaves)},
        {"groups", std::move(groups)},
        {"aliases", std::move(aliases)}};
}

void render_site_tree(const RulePack& pack, std::ostream& out) {
    std::string intro = fmt::format("Body sites of {} {}: each group with the sites it holds "
                                    "indented under it. Answers may name any group or site, in "
                                    "any case, with spaces, hyphens or underscores",
                                    pack.info.name,
                                    pack.info.version);
    if (const auto example = shortest_sided_leaf(pack.sites)) {
        const SidedPart sided = split_side(*example);
        std::string title = sided.part + " " + sided.side;
        std::replace(title.begin(), title.end(), '_', ' ');
        title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
        title[title.size() - sided.side.size()] = static_cast<char>(
            std::toupper(static_cast<unsigned char>(title[title.size() - sided.side.size()])));
        intro += fmt::format(", and a side first or last: '{}', '{}-{}' and '{}_{}' are all {}",
                             title,
                             sided.side,
                             sided.part,
                             sided.part,
                             sided.side,
                             *example);
    }
    print_wrapped(intro + ".", out);
    fmt::print(out, "\n");
    const SiteTree tree(pack.sites);
    print_nodes(tree, std::nullopt, 0, out);
    const auto& aliases = pack.sites.aliases();
    if (aliases.empty()) {
        return;
    }
    std::string heading = "Other names";
    const auto paired = std::find_if(aliases.begin(), aliases.end(), [&](const SiteAlias& alias) {
        return !pack.sites.expand(alias.target);
    });
    if (paired != aliases.end()) {
        heading += fmt::format(", with a side where the part has two ('left {}' is {}_left; "
                               "without a side, contra asks which)",
                               paired->name,
                               paired->target);
    }
    fmt::print(out, "\n");
    print_wrapped(heading + ":", out);
    print_aliases(pack.sites, out);
}

} // namespace contra

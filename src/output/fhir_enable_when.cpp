#include "output/fhir_enable_when.hpp"

#include "model/fact_value.hpp"
#include "model/questionnaire_links.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra {
namespace {

using nlohmann::ordered_json;

bool in_screening(const RulePack& pack, std::uint32_t fact) {
    return std::any_of(pack.screening.begin(), pack.screening.end(), [&](const auto& group) {
        return std::find(group.facts.begin(), group.facts.end(), fact) != group.facts.end();
    });
}

// "Not answered `choice`": `!=` holds while no answer equals it, so also while unanswered.
ordered_json not_choice(const RulePack& pack, std::uint32_t fact, std::size_t choice) {
    const Fact& question = pack.facts[fact];
    ordered_json entry{{"question", question.id}, {"operator", "!="}};
    if (question.type == FactType::yes_no) {
        entry["answerBoolean"] = choice == k_yes;
    } else {
        entry["answerCoding"] = {{"system", answer_code_system(pack, question)},
                                 {"code", question.values[choice]}};
    }
    return entry;
}

ordered_json not_no_sites(const RulePack& pack, std::uint32_t fact) {
    return {{"question", pack.facts[fact].id},
            {"operator", "!="},
            {"answerCoding",
             {{"system", answer_code_system(pack, pack.facts[fact])}, {"code", "none"}}}};
}

// The enableWhen entries that together say "the condition is true or unknown", as far as
// enableWhen can say it; what it cannot is left out.
void add_not_ruled_out(const RulePack& pack, std::uint32_t condition, ordered_json& into) {
    const Condition& node = pack.conditions[condition];
    switch (node.kind) {
    case ConditionKind::all:
        for (std::uint32_t i = 0; i < node.count; ++i) {
            add_not_ruled_out(pack, pack.children[node.first + i], into);
        }
        return;
    case ConditionKind::predicate:
        add_not_ruled_out(pack, pack.predicates[node.target].condition, into);
        return;
    case ConditionKind::choice_in: {
        const Fact& fact = pack.facts[node.fact];
        for (std::size_t choice = 0; choice < fact.values.size(); ++choice) {
            const bool listed = ((node.choices >> choice) & 1U) != 0;
            if (listed == node.negate) { // a value that makes the condition false
                into.push_back(not_choice(pack, node.fact, choice));
            }
        }
        return;
    }
    case ConditionKind::has_sites:
        if (pack.site_exprs[node.target].kind == SiteExprKind::fact) {
            into.push_back(not_no_sites(pack, pack.site_exprs[node.target].fact));
        }
        return;
    default:
        return;
    }
}

// Shown unless the question it follows is answered with its "no".
void add_follow_up(const RulePack& pack, std::uint32_t fact, ordered_json& into) {
    for (const FollowUps& follow_ups : pack.follow_ups) {
        if (std::find(follow_ups.facts.begin(), follow_ups.facts.end(), fact) ==
            follow_ups.facts.end()) {
            continue;
        }
        const Fact& after = pack.facts[follow_ups.after];
        const std::optional<Value> no = no_answer(after);
        if (!no) {
            continue;
        }
        if (after.type == FactType::site_list) {
            into.push_back(not_no_sites(pack, follow_ups.after));
        } else if (no->kind == ValueKind::choice) {
            into.push_back(not_choice(pack, follow_ups.after, no->choice));
        }
    }
}

} // namespace

std::string answer_code_system(const RulePack& pack, const Fact& fact) {
    return fmt::format("urn:contra:{}:{}", pack.info.name, fact.id);
}

ordered_json enable_when_of(const RulePack& pack, std::uint32_t fact) {
    const Fact& question = pack.facts[fact];
    ordered_json entries = ordered_json::array();
    if (question.unknown == UnknownPolicy::required_when) {
        add_not_ruled_out(pack, question.required_when, entries);
    }
    add_follow_up(pack, fact, entries);
    if (question.type == FactType::number && question.allow_none) {
        entries.push_back(
            {{"question", none_link_id(question)}, {"operator", "!="}, {"answerBoolean", true}});
    }
    ordered_json unique = ordered_json::array();
    for (ordered_json& entry : entries) {
        if (std::find(unique.begin(), unique.end(), entry) == unique.end()) {
            unique.push_back(std::move(entry));
        }
    }
    return unique;
}

std::optional<std::uint32_t> anchor_of(const RulePack& pack, std::uint32_t fact) {
    if (in_screening(pack, fact)) {
        return std::nullopt;
    }
    for (const FollowUps& follow_ups : pack.follow_ups) {
        if (std::find(follow_ups.facts.begin(), follow_ups.facts.end(), fact) !=
                follow_ups.facts.end() &&
            follow_ups.after != fact) {
            return follow_ups.after;
        }
    }
    const Fact& question = pack.facts[fact];
    if (question.unknown != UnknownPolicy::required_when) {
        return std::nullopt;
    }
    ordered_json entries = ordered_json::array();
    add_not_ruled_out(pack, question.required_when, entries);
    if (entries.empty()) {
        return std::nullopt;
    }
    const auto gate = pack.find_fact(entries.front()["question"].get<std::string>());
    return gate && *gate != fact ? gate : std::nullopt;
}

} // namespace contra

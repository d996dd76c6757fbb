#include "output/fhir_questionnaire.hpp"

#include "model/fact_value.hpp"
#include "model/questionnaire_links.hpp"
#include "output/fhir_enable_when.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

namespace contra {
namespace {

using nlohmann::ordered_json;

std::string display(std::string text) {
    for (char& c : text) {
        if (c == '_') {
            c = ' ';
        }
    }
    return text;
}

ordered_json
answer_options(const RulePack& pack, const Fact& fact, const std::vector<std::string>& codes) {
    ordered_json options = ordered_json::array();
    for (const std::string& code : codes) {
        options.push_back({{"valueCoding",
                            {{"system", answer_code_system(pack, fact)},
                             {"code", code},
                             {"display", display(code)}}}});
    }
    return options;
}

// FHIR's `name` is machine-friendly: a capital letter, then letters, digits and underscores.
std::string fhir_name(const std::string& pack_name) {
    std::string name;
    for (char c : pack_name) {
        name += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
    }
    if (name.empty() || std::isalpha(static_cast<unsigned char>(name.front())) == 0) {
        name.insert(0, "Pack_");
    }
    name.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(name.front())));
    return name;
}

// The treatment area is not: left unanswered, the modality's default area stands in.
bool is_required(const RulePack& pack, std::uint32_t index) {
    const Fact& fact = pack.facts[index];
    return index != pack.area_fact && (fact.unknown == UnknownPolicy::required ||
                                       fact.unknown == UnknownPolicy::required_when);
}

ordered_json extension(std::string_view name, const ordered_json& value) {
    ordered_json entry{{"url", fmt::format("http://hl7.org/fhir/StructureDefinition/{}", name)}};
    entry.update(value);
    return entry;
}

// The number's unit and its bounds.
ordered_json number_extensions(const Fact& fact) {
    ordered_json extensions = ordered_json::array();
    if (!fact.unit.empty()) {
        extensions.push_back(
            extension("questionnaire-unit", {{"valueCoding", {{"display", fact.unit}}}}));
    }
    extensions.push_back(extension("minValue", {{"valueDecimal", fact.min}}));
    extensions.push_back(extension("maxValue", {{"valueDecimal", fact.max}}));
    return extensions;
}

ordered_json fact_item(const RulePack& pack, std::uint32_t index) {
    const Fact& fact = pack.facts[index];
    ordered_json item;
    if (fact.type == FactType::number) {
        item["extension"] = number_extensions(fact);
    }
    item["linkId"] = fact.id;
    item["text"] = fact.question;
    static constexpr std::array<const char*, 4> k_item_types{
        "boolean", "choice", "decimal", "choice"}; // by FactType
    item["type"] = k_item_types.at(static_cast<std::size_t>(fact.type));
    if (ordered_json when = enable_when_of(pack, index); !when.empty()) {
        if (when.size() > 1) {
            item["enableBehavior"] = "all";
        }
        item["enableWhen"] = std::move(when);
    }
    if (is_required(pack, index)) {
        item["required"] = true;
    }
    if (fact.type == FactType::enumeration) {
        item["answerOption"] = answer_options(pack, fact, fact.values);
    } else if (fact.type == FactType::site_list) {
        item["repeats"] = true;
        item["answerOption"] = answer_options(pack, fact, site_list_words(pack.sites));
    }
    return item;
}

// The items in vocabulary order, except that a screening question's members follow it in a
// group shown when it is answered yes, and a follow-up comes right after the question it
// follows.
class ItemOrder {
  public:
    explicit ItemOrder(const RulePack& pack)
        : m_pack(pack), m_emitted(pack.facts.size(), false), m_group_done(pack.screening.size()),
          m_group_of(pack.facts.size()) {
        for (std::uint32_t fact = 0; fact < pack.facts.size(); ++fact) {
            m_anchor.push_back(anchor_of(pack, fact));
        }
        for (std::uint32_t group = 0; group < pack.screening.size(); ++group) {
            for (const std::uint32_t fact : pack.screening[group].facts) {
                m_group_of[fact] = group;
            }
        }
    }

    ordered_json items() {
        ordered_json items = ordered_json::array();
        for (std::uint32_t fact = 0; fact < m_pack.facts.size(); ++fact) {
            if (m_emitted[fact] || m_anchor[fact]) {
                continue; // a follow-up comes with the question it follows
            }
            if (const auto group = m_group_of[fact]) {
                add_group(*group, items);
            } else {
                add_fact(fact, items);
            }
        }
        for (std::uint32_t fact = 0; fact < m_pack.facts.size(); ++fact) {
            if (!m_emitted[fact]) { // follow-ups that follow each other round in a circle
                add_fact(fact, items);
            }
        }
        return items;
    }

  private:
    void add_fact(std::uint32_t fact, ordered_json& into) {
        m_emitted[fact] = true;
        into.push_back(fact_item(m_pack, fact));
        const Fact& question = m_pack.facts[fact];
        if (question.type == FactType::number && question.allow_none) {
            into.push_back({{"linkId", none_link_id(question)},
                            {"text", "None / never"},
                            {"type", "boolean"}});
        }
        for (std::uint32_t next = 0; next < m_pack.facts.size(); ++next) {
            if (m_anchor[next] == fact && !m_emitted[next]) {
                add_fact(next, into);
            }
        }
    }

    void add_group(std::uint32_t index, ordered_json& into) {
        if (m_group_done[index]) {
            return;
        }
        m_group_done[index] = true;
        const ScreeningGroup& group = m_pack.screening[index];
        ordered_json screening{
            {"linkId", screening_link_id(group)}, {"text", group.question}, {"type", "boolean"}};
        ordered_json members = ordered_json::array();
        bool required = false;
        for (const std::uint32_t fact : group.facts) {
            required = required || is_required(m_pack, fact);
            add_fact(fact, members);
        }
        if (required) {
            screening["required"] = true;
        }
        into.push_back(std::move(screening));
        into.push_back(
            {{"linkId", screening_link_id(group) + std::string(k_screening_members_suffix)},
             {"text", "Which of these? Answer each."},
             {"type", "group"},
             {"enableWhen",
              {{{"question", screening_link_id(group)},
                {"operator", "="},
                {"answerBoolean", true}}}},
             {"item", std::move(members)}});
    }

    const RulePack& m_pack;
    std::vector<std::optional<std::uint32_t>> m_anchor;
    std::vector<bool> m_emitted;
    std::vector<bool> m_group_done;
    std::vector<std::optional<std::uint32_t>> m_group_of;
};

} // namespace

ordered_json questionnaire_to_fhir(const RulePack& pack) {
    return ordered_json{
        {"resourceType", "Questionnaire"},
        {"id", pack.info.name},
        {"url", questionnaire_url(pack.info)},
        {"version", pack.info.version},
        {"name", fhir_name(pack.info.name)},
        {"title",
         fmt::format("Massage screening intake ({} {})", pack.info.name, pack.info.version)},
        {"status", "active"},
        {"subjectType", {"Patient"}},
        {"description",
         "Intake for contra, a screening aid that supports a practitioner's judgement and does "
         "not diagnose. A question shows only when it applies. Leave a question unanswered when "
         "the answer is not known (save the form as in progress): it is never read as no."},
        {"item", ItemOrder(pack).items()}};
}

void render_questions_markdown(const RulePack& pack, std::ostream& out) {
    fmt::print(out,
               "# Massage screening intake ({} {})\n\n"
               "Leave a question blank when the answer is not known: contra never reads a blank "
               "as \"no\". contra supports the practitioner's judgement; it does not diagnose.\n",
               pack.info.name,
               pack.info.version);
    int number = 0;
    for (const Fact& fact : pack.facts) {
        fmt::print(out, "\n{}. {}  \n   `{}`: ", ++number, fact.question, fact.id);
        switch (fact.type) {
        case FactType::yes_no:
            fmt::print(out, "[ ] yes  [ ] no\n");
            break;
        case FactType::enumeration:
            for (const std::string& value : fact.values) {
                fmt::print(out, "[ ] {}  ", value);
            }
            fmt::print(out, "\n");
            break;
        case FactType::number:
            fmt::print(out,
                       "______ {}({} to {}{})\n",
                       fact.unit.empty() ? "" : fact.unit + " ",
                       fact.min,
                       fact.max,
                       fact.allow_none ? ", or none" : "");
            break;
        case FactType::site_list:
            fmt::print(out, "sites, or none: ______________________\n");
            break;
        }
    }
}

} // namespace contra

#include "output/fhir_questionnaire.hpp"

#include "model/fact_value.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cctype>
#include <string>
#include <vector>

namespace contra {
namespace {

using nlohmann::ordered_json;

std::string code_system(const RulePack& pack, const Fact& fact) {
    return fmt::format("urn:contra:{}:{}", pack.info.name, fact.id);
}

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
        options.push_back(
            {{"valueCoding",
              {{"system", code_system(pack, fact)}, {"code", code}, {"display", display(code)}}}});
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

} // namespace

ordered_json questionnaire_to_fhir(const RulePack& pack) {
    ordered_json items = ordered_json::array();
    const std::vector<std::string> sites = site_list_words(pack.sites);
    for (const Fact& fact : pack.facts) {
        ordered_json item{{"linkId", fact.id}, {"text", fact.question}};
        switch (fact.type) {
        case FactType::yes_no:
            item["type"] = "boolean";
            break;
        case FactType::number:
            item["type"] = "decimal";
            if (!fact.unit.empty()) {
                item["extension"] = ordered_json::array(
                    {{{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"},
                      {"valueCoding", {{"display", fact.unit}}}}});
            }
            break;
        case FactType::enumeration:
            item["type"] = "choice";
            item["answerOption"] = answer_options(pack, fact, fact.values);
            break;
        case FactType::site_list:
            item["type"] = "choice";
            item["repeats"] = true;
            item["answerOption"] = answer_options(pack, fact, sites);
            break;
        }
        items.push_back(std::move(item));
    }
    return ordered_json{
        {"resourceType", "Questionnaire"},
        {"id", pack.info.name},
        {"url", fmt::format("urn:contra:{}:{}", pack.info.name, pack.info.version)},
        {"version", pack.info.version},
        {"name", fhir_name(pack.info.name)},
        {"title",
         fmt::format("Massage screening intake ({} {})", pack.info.name, pack.info.version)},
        {"status", "active"},
        {"subjectType", {"Patient"}},
        {"description",
         "Intake for contra, a screening aid that supports a practitioner's "
         "judgement and does not diagnose. Leave a question unanswered when "
         "the answer is not known: it is never read as no."},
        {"item", std::move(items)}};
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

#include "input/fhir_response.hpp"

#include "input/profile_reader.hpp"
#include "model/fact_value.hpp"
#include "util/suggest.hpp"
#include "util/text_parse.hpp"
#include "yaml/yaml_reader.hpp"

#include <fmt/format.h>

#include <vector>

namespace contra {
namespace {

class ResponseReader {
  public:
    ResponseReader(const RulePack& pack, const YamlDocument& doc, Diagnostics& out)
        : m_pack(pack), m_doc(doc), m_out(out), m_profile(empty_profile(pack)),
          m_seen(pack.facts.size(), false) {}

    void read_items(const YAML::Node& items) {
        if (!items.IsSequence()) {
            m_out.add(
                m_doc.error(DiagnosticCode::wrong_type, items.Mark(), "expected a list of items"));
            return;
        }
        for (const YAML::Node& item : items) {
            if (m_out.error_limit_reached()) {
                return;
            }
            read_item(item);
        }
    }

    Profile take() { return std::move(m_profile); }

  private:
    void read_item(const YAML::Node& item) {
        if (!item.IsMap()) {
            m_out.add(m_doc.error(
                DiagnosticCode::wrong_type, item.Mark(), "expected an item (a mapping)"));
            return;
        }
        const auto answers = find_child(item, "answer");
        if (auto nested = find_child(item, "item")) {
            read_items(*nested);
            if (!answers) {
                return; // a group: its own linkId names no question
            }
        }
        const auto link = find_child(item, "linkId");
        if (!link) {
            if (answers) {
                m_out.add(m_doc.error(DiagnosticCode::missing_key,
                                      item.Mark(),
                                      "an item with an answer has no linkId"));
            }
            return; // a group
        }
        const auto link_id = read_scalar(m_doc, *link, "the linkId", m_out);
        if (!link_id) {
            return;
        }
        const std::size_t first_new = m_out.items().size();
        read_answers(*link, *link_id, answers);
        m_out.set_field(first_new, *link_id);
    }

    void read_answers(const YAML::Node& link,
                      const std::string& link_id,
                      const std::optional<YAML::Node>& answers) {
        const auto index = m_pack.find_fact(link_id);
        if (!index) {
            m_out.add(m_doc.error(DiagnosticCode::unknown_name,
                                  link.Mark(),
                                  fmt::format("unknown question '{}'{}",
                                              link_id,
                                              did_you_mean(link_id, m_pack.fact_ids()))));
            return;
        }
        if (m_seen[*index]) {
            m_out.add(m_doc.error(DiagnosticCode::duplicate_key,
                                  link.Mark(),
                                  fmt::format("'{}' is answered by two items", link_id)));
            return;
        }
        m_seen[*index] = true;
        if (!answers || is_null_scalar(*answers) ||
            (answers->IsSequence() && answers->size() == 0)) {
            return; // asked, not answered: unknown
        }
        if (!answers->IsSequence()) {
            m_out.add(m_doc.error(
                DiagnosticCode::wrong_type, answers->Mark(), "expected a list of answers"));
            return;
        }
        const Fact& fact = m_pack.facts[*index];
        if (fact.type != FactType::site_list && answers->size() > 1) {
            m_out.add(m_doc.error(
                DiagnosticCode::wrong_type,
                answers->Mark(),
                fmt::format("'{}' takes one answer, not {}", fact.id, answers->size())));
            return;
        }
        std::string text;
        for (const YAML::Node& answer : *answers) {
            auto value = answer_text(answer);
            if (!value) {
                return;
            }
            text += text.empty() ? *value : "," + *value;
        }
        ParsedAnswer parsed = parse_answer(m_pack.sites, fact, text);
        if (!parsed.value) {
            m_out.add(m_doc.error(DiagnosticCode::bad_value, answers->Mark(), parsed.error));
            return;
        }
        m_profile.answers[*index] = *parsed.value;
    }

    std::optional<std::string> answer_text(const YAML::Node& answer) {
        if (answer.IsMap()) {
            if (auto value = find_child(answer, "valueBoolean")) {
                auto text = read_scalar(m_doc, *value, "valueBoolean", m_out);
                if (!text) {
                    return std::nullopt;
                }
                if (const auto yes = parse_yes_no(*text)) {
                    return std::string(*yes ? "yes" : "no");
                }
                m_out.add(m_doc.error(
                    DiagnosticCode::bad_value, value->Mark(), "expected true or false"));
                return std::nullopt;
            }
            if (auto coding = find_child(answer, "valueCoding")) {
                if (auto code = coding->IsMap() ? find_child(*coding, "code") : std::nullopt) {
                    return read_scalar(m_doc, *code, "the code", m_out);
                }
                m_out.add(m_doc.error(
                    DiagnosticCode::missing_key, coding->Mark(), "a valueCoding needs a code"));
                return std::nullopt;
            }
            for (const char* key : {"valueDecimal", "valueInteger", "valueString"}) {
                if (auto value = find_child(answer, key)) {
                    return read_scalar(m_doc, *value, key, m_out);
                }
            }
        }
        m_out.add(m_doc.error(DiagnosticCode::wrong_type,
                              answer.Mark(),
                              "expected an answer with valueBoolean, valueCoding, valueDecimal, "
                              "valueInteger or valueString"));
        return std::nullopt;
    }

    const RulePack& m_pack;
    const YamlDocument& m_doc;
    Diagnostics& m_out;
    Profile m_profile;
    std::vector<bool> m_seen;
};

} // namespace

namespace {

// `authored` (a FHIR date or dateTime: its date part as written) is the day of the answers.
std::optional<AnswerDate>
read_authored(const YamlDocument& doc, const YAML::Node& root, Diagnostics& out) {
    const auto authored = find_child(root, "authored");
    if (!authored) {
        return std::nullopt;
    }
    const std::string text = authored->IsScalar() ? authored->Scalar() : std::string{};
    const auto date = parse_calendar_date(std::string_view(text).substr(0, 10));
    if (!date || (text.size() > 10 && text[10] != 'T')) {
        out.add(doc.error(DiagnosticCode::bad_value,
                          authored->Mark(),
                          fmt::format("'authored' must be a FHIR date or dateTime "
                                      "(2026-11-02 or 2026-11-02T10:30:00Z), got '{}'",
                                      text)));
        return std::nullopt;
    }
    return AnswerDate{*date, doc.location(authored->Mark())};
}

} // namespace

ProfileResult read_fhir_response(const RulePack& pack,
                                 std::string text,
                                 std::string file_name,
                                 std::optional<std::string>* record_id) {
    ProfileResult result;
    Diagnostics& out = result.diagnostics;
    const YamlDocument doc = YamlDocument::parse(std::move(text), std::move(file_name), out);
    if (!doc.ok()) {
        return result;
    }
    const YAML::Node& root = doc.root();
    const auto type = root.IsMap() ? find_child(root, "resourceType") : std::nullopt;
    if (!type || !type->IsScalar() || type->Scalar() != "QuestionnaireResponse") {
        out.add(doc.error(DiagnosticCode::wrong_type,
                          type ? type->Mark() : root.Mark(),
                          "expected a FHIR QuestionnaireResponse (\"resourceType\": "
                          "\"QuestionnaireResponse\")"));
        return result;
    }
    if (record_id != nullptr) {
        if (auto id = find_child(root, "id"); id && id->IsScalar()) {
            *record_id = id->Scalar();
        }
    }
    ResponseReader reader(pack, doc, out);
    if (auto items = find_child(root, "item")) {
        reader.read_items(*items);
    }
    std::optional<AnswerDate> authored = read_authored(doc, root, out);
    if (!out.has_errors()) {
        result.profile = reader.take();
        result.profile->answered_on = authored;
    }
    return result;
}

} // namespace contra

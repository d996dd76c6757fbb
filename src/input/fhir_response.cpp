#include "input/fhir_response.hpp"

#include "input/fhir_response_header.hpp"
#include "input/profile_reader.hpp"
#include "model/fact_value.hpp"
#include "model/questionnaire_links.hpp"
#include "util/suggest.hpp"
#include "util/text_parse.hpp"
#include "yaml/yaml_reader.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <vector>

namespace contra {
namespace {

// A yes/no item that is not a fact ("None / never", a screening question), as answered.
struct SideAnswer {
    bool yes = false;
    YAML::Mark mark;
};

class ResponseReader {
  public:
    ResponseReader(const RulePack& pack, const YamlDocument& doc, Diagnostics& out)
        : m_pack(pack), m_doc(doc), m_out(out), m_profile(empty_profile(pack)),
          m_none(pack.facts.size()), m_screened(pack.screening.size()) {}

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

    // Applies the "None / never" items, then the screening questions answered no.
    Profile take() {
        apply_none_items();
        apply_screening();
        return std::move(m_profile);
    }

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
        if (!m_links.insert(*link_id).second) {
            m_out.add(m_doc.error(DiagnosticCode::duplicate_key,
                                  link->Mark(),
                                  fmt::format("'{}' is answered by two items", *link_id)));
        } else if (const auto index = m_pack.find_fact(*link_id)) {
            read_answers(*index, answers);
        } else if (!read_side_item(*link_id, answers)) {
            m_out.add(m_doc.error(DiagnosticCode::unknown_name,
                                  link->Mark(),
                                  fmt::format("unknown question '{}'{}",
                                              *link_id,
                                              did_you_mean(*link_id, link_ids()))));
        }
        m_out.set_field(first_new, *link_id);
    }

    // Every linkId a response may answer: the facts, the "None / never" items, the screening
    // questions.
    std::vector<std::string> link_ids() const {
        std::vector<std::string> ids = m_pack.fact_ids();
        for (const Fact& fact : m_pack.facts) {
            if (fact.type == FactType::number && fact.allow_none) {
                ids.push_back(none_link_id(fact));
            }
        }
        for (const ScreeningGroup& group : m_pack.screening) {
            ids.push_back(screening_link_id(group));
        }
        return ids;
    }

    // A "None / never" item or a screening question; false for any other linkId.
    bool read_side_item(const std::string& link_id, const std::optional<YAML::Node>& answers) {
        for (std::uint32_t fact = 0; fact < m_pack.facts.size(); ++fact) {
            const Fact& question = m_pack.facts[fact];
            if (question.type == FactType::number && question.allow_none &&
                link_id == none_link_id(question)) {
                m_none[fact] = read_yes_no_item(answers, link_id);
                return true;
            }
        }
        for (std::size_t group = 0; group < m_pack.screening.size(); ++group) {
            if (link_id == screening_link_id(m_pack.screening[group])) {
                m_screened[group] = read_yes_no_item(answers, link_id);
                return true;
            }
        }
        return false;
    }

    std::optional<SideAnswer> read_yes_no_item(const std::optional<YAML::Node>& answers,
                                               const std::string& link_id) {
        const auto list = answer_list(answers, 1, link_id);
        if (!list) {
            return std::nullopt;
        }
        const auto text = answer_text((*list)[0]);
        if (!text) {
            return std::nullopt;
        }
        if (const auto yes = parse_yes_no(*text)) {
            return SideAnswer{*yes, (*list)[0].Mark()};
        }
        m_out.add(m_doc.error(DiagnosticCode::bad_value, list->Mark(), "expected true or false"));
        return std::nullopt;
    }

    // The answers of an item that has some, at most `most` of them (0: any number); nullopt
    // when it has none (unanswered) or on an error.
    std::optional<YAML::Node> answer_list(const std::optional<YAML::Node>& answers,
                                          std::size_t most,
                                          const std::string& link_id) {
        if (!answers || is_null_scalar(*answers) ||
            (answers->IsSequence() && answers->size() == 0)) {
            return std::nullopt; // asked, not answered: unknown
        }
        if (!answers->IsSequence()) {
            m_out.add(m_doc.error(
                DiagnosticCode::wrong_type, answers->Mark(), "expected a list of answers"));
            return std::nullopt;
        }
        if (most != 0 && answers->size() > most) {
            m_out.add(m_doc.error(
                DiagnosticCode::wrong_type,
                answers->Mark(),
                fmt::format("'{}' takes one answer, not {}", link_id, answers->size())));
            return std::nullopt;
        }
        return answers;
    }

    void read_answers(std::uint32_t index, const std::optional<YAML::Node>& answers) {
        const Fact& fact = m_pack.facts[index];
        const auto list = answer_list(answers, fact.type == FactType::site_list ? 0 : 1, fact.id);
        if (!list) {
            return;
        }
        std::string text;
        for (const YAML::Node& answer : *list) {
            auto value = answer_text(answer);
            if (!value) {
                return;
            }
            text += text.empty() ? *value : "," + *value;
        }
        ParsedAnswer parsed = parse_answer(m_pack.sites, fact, text);
        if (!parsed.value) {
            m_out.add(m_doc.error(DiagnosticCode::bad_value, list->Mark(), parsed.error));
            return;
        }
        m_profile.answers[index] = *parsed.value;
        m_answer_marks.emplace(index, list->Mark());
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

    // "None / never" ticked: the number is none; a number given as well contradicts it.
    void apply_none_items() {
        for (std::uint32_t fact = 0; fact < m_pack.facts.size(); ++fact) {
            const auto& none = m_none[fact];
            if (!none || !none->yes) {
                continue;
            }
            Value& answer = m_profile.answers[fact];
            if (!answer.is_unknown() && answer.kind != ValueKind::none) {
                m_out.add(m_doc.error(
                    DiagnosticCode::bad_value,
                    none->mark,
                    fmt::format("'{}' is answered 'None / never' and {} both",
                                m_pack.facts[fact].id,
                                describe_value(m_pack.sites, m_pack.facts[fact], answer))));
                m_out.set_field(m_out.items().size() - 1, none_link_id(m_pack.facts[fact]));
                continue;
            }
            answer = Value::of_none();
        }
    }

    // A screening question answered no answers each member no (as the interview does); a
    // member answered otherwise contradicts it.
    void apply_screening() {
        for (std::size_t group = 0; group < m_pack.screening.size(); ++group) {
            const auto& screened = m_screened[group];
            if (!screened || screened->yes) {
                continue;
            }
            for (const std::uint32_t member : m_pack.screening[group].facts) {
                const std::optional<Value> no = no_answer(m_pack.facts[member]);
                Value& answer = m_profile.answers[member];
                if (answer.is_unknown()) {
                    if (no) { // an optional fact without a `no`: not measured
                        answer = *no;
                    }
                } else if (!no || answer != *no) {
                    report_screening_conflict(group, member);
                }
            }
        }
    }

    void report_screening_conflict(std::size_t group, std::uint32_t member) {
        const Fact& fact = m_pack.facts[member];
        const auto mark = m_answer_marks.find(member);
        m_out.add(
            m_doc.error(DiagnosticCode::bad_value,
                        mark != m_answer_marks.end() ? mark->second : m_screened[group]->mark,
                        fmt::format("'{}' is answered {}, but '{}' says none of these",
                                    fact.id,
                                    describe_value(m_pack.sites, fact, m_profile.answers[member]),
                                    screening_link_id(m_pack.screening[group]))));
        m_out.set_field(m_out.items().size() - 1, fact.id);
    }

    const RulePack& m_pack;
    const YamlDocument& m_doc;
    Diagnostics& m_out;
    Profile m_profile;
    std::set<std::string> m_links;
    std::map<std::uint32_t, YAML::Mark> m_answer_marks;
    std::vector<std::optional<SideAnswer>> m_none;     ///< by fact
    std::vector<std::optional<SideAnswer>> m_screened; ///< by screening group
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
    check_questionnaire(pack, doc, root, out);
    const ResponseStatus status = read_status(doc, root, out);
    ResponseReader reader(pack, doc, out);
    if (auto items = find_child(root, "item")) {
        reader.read_items(*items);
    }
    std::optional<AnswerDate> authored = read_authored(doc, root, out);
    Profile profile = reader.take();
    if (!out.has_errors()) {
        profile.unfinished = status == ResponseStatus::unfinished;
        profile.answered_on = authored;
        result.profile = std::move(profile);
    }
    return result;
}

} // namespace contra

#include "input/json_profile.hpp"

#include "model/fact_value.hpp"

#include <fmt/format.h>

#include <cstring>
#include <simdjson.h>
#include <vector>

namespace contra {
namespace {

// The DOM API, not On-Demand: its parsing kernels are chosen at run time for the processor,
// so one binary is fast on new machines and still runs on old ones.
namespace dom = simdjson::dom;

// A number as text for parse_answer, which the YAML path reaches from the same input: integers
// as written, other numbers in their shortest form, which reads back to the same double.
std::optional<std::string> number_text(const dom::element& value) {
    switch (value.type()) {
    case dom::element_type::INT64:
        return fmt::format("{}", value.get_int64().value_unsafe());
    case dom::element_type::UINT64:
        return fmt::format("{}", value.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE:
        return fmt::format("{}", value.get_double().value_unsafe());
    default:
        return std::nullopt;
    }
}

class ProfileReader {
  public:
    ProfileReader(const RulePack& pack, std::optional<std::string>* record_id)
        : m_pack(pack), m_profile(empty_profile(pack)), m_seen(pack.facts.size(), false),
          m_record_id(record_id) {}

    bool read(const dom::element& root) {
        dom::object object;
        if (root.get_object().get(object) != simdjson::SUCCESS) {
            return false;
        }
        for (const dom::key_value_pair& field : object) {
            if (!read_entry(field.key, field.value)) {
                return false;
            }
        }
        return true;
    }

    Profile take() { return std::move(m_profile); }

  private:
    bool read_entry(std::string_view key, const dom::element& value) {
        if (m_record_id != nullptr && key == "id" && !m_id_seen) {
            m_id_seen = true;
            return read_id(value);
        }
        const auto index = find_fact(key);
        if (!index || m_seen[*index]) {
            return false;
        }
        m_seen[*index] = true;
        switch (value.type()) {
        case dom::element_type::NULL_VALUE:
            return true; // unknown: the answer stays unset
        case dom::element_type::BOOL:
            return answer(*index, value.get_bool().value_unsafe() ? "yes" : "no");
        case dom::element_type::INT64:
        case dom::element_type::UINT64:
        case dom::element_type::DOUBLE:
            return answer(*index, *number_text(value));
        case dom::element_type::STRING:
            return answer(*index, value.get_string().value_unsafe());
        case dom::element_type::ARRAY:
            return m_pack.facts[*index].type == FactType::site_list &&
                   read_sites(*index, value.get_array().value_unsafe());
        case dom::element_type::OBJECT:
            return false;
        }
        return false;
    }

    bool read_id(const dom::element& value) {
        if (value.is_null()) {
            return true;
        }
        if (value.is_string()) {
            *m_record_id = std::string(value.get_string().value_unsafe());
            return true;
        }
        auto text = number_text(value);
        if (text) {
            *m_record_id = std::move(*text);
        }
        return text.has_value();
    }

    bool read_sites(std::size_t index, const dom::array& array) {
        SiteSet sites;
        for (const dom::element& element : array) {
            std::string_view id;
            if (element.get_string().get(id) != simdjson::SUCCESS || id == "none" ||
                id == "unknown" || add_site(m_pack.sites, id, sites)) {
                return false;
            }
        }
        if (sites.empty() && m_pack.facts[index].requires_sites) {
            return false; // the located reader says why
        }
        m_profile.answers[index] = Value::of_sites(sites);
        return true;
    }

    bool answer(std::size_t index, std::string_view text) {
        ParsedAnswer parsed = parse_answer(m_pack.sites, m_pack.facts[index], text);
        if (!parsed.value) {
            return false;
        }
        m_profile.answers[index] = *parsed.value;
        return true;
    }

    // Forms write the questions in vocabulary order, so the fact after the last one found is
    // tried first: a profile is then read without searching the vocabulary at all.
    std::optional<std::size_t> find_fact(std::string_view key) {
        if (m_next_hint < m_pack.facts.size() && m_pack.facts[m_next_hint].id == key) {
            return m_next_hint++;
        }
        const auto index = m_pack.find_fact(key);
        if (index) {
            m_next_hint = *index + 1;
        }
        return index;
    }

    const RulePack& m_pack;
    Profile m_profile;
    std::vector<bool> m_seen;
    std::optional<std::string>* m_record_id; ///< null: `id` is no key of a profile
    bool m_id_seen = false;
    std::size_t m_next_hint = 0;
};

} // namespace

std::optional<Profile> read_json_profile_fast(const RulePack& pack,
                                              std::string_view text,
                                              std::optional<std::string>* record_id) {
    // simdjson reads a few bytes past the end; the parser and the padded copy are reused.
    thread_local dom::parser parser;
    thread_local std::string padded;
    padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), text.data(), text.size());
    dom::element root;
    if (parser.parse(padded.data(), text.size(), false).get(root) != simdjson::SUCCESS) {
        return std::nullopt;
    }
    ProfileReader reader(pack, record_id);
    if (!reader.read(root)) {
        return std::nullopt;
    }
    return reader.take();
}

} // namespace contra

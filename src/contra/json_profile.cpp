#include "contra/json_profile.hpp"

#include "contra/fact_value.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <vector>

namespace contra {
namespace {

// Builds the profile from SAX events; returning false stops the parse and declines the input.
class ProfileSax : public nlohmann::json_sax<nlohmann::json> {
  public:
    ProfileSax(const RulePack& pack, std::optional<std::string>* record_id)
        : m_pack(pack), m_profile(empty_profile(pack)), m_seen(pack.facts.size(), false),
          m_record_id(record_id) {}

    bool null() override { return answer_unknown(); }
    bool boolean(bool value) override {
        return !m_reading_id && scalar(value ? "yes" : "no");
    }
    bool number_integer(number_integer_t value) override {
        return scalar(fmt::format("{}", value));
    }
    bool number_unsigned(number_unsigned_t value) override {
        return scalar(fmt::format("{}", value));
    }
    bool number_float(number_float_t, const string_t& text) override { return scalar(text); }
    bool string(string_t& value) override {
        if (m_in_list) {
            return add_site(value);
        }
        return scalar(value);
    }
    bool binary(binary_t&) override { return false; }

    bool start_object(std::size_t) override {
        return !m_started && !m_reading_id && (m_started = true);
    }
    bool end_object() override { return m_fact < 0 && !m_in_list; }
    bool key(string_t& key) override {
        if (m_record_id != nullptr && key == "id" && !m_id_seen) {
            m_id_seen = true;
            m_reading_id = true;
            return true;
        }
        const auto index = m_pack.find_fact(key);
        if (!index || m_seen[*index]) {
            return false;
        }
        m_seen[*index] = true;
        m_fact = static_cast<int>(*index);
        return true;
    }
    bool start_array(std::size_t) override {
        if (m_reading_id || m_fact < 0 || m_in_list || fact().type != FactType::site_list) {
            return false;
        }
        m_in_list = true;
        m_sites = {};
        return true;
    }
    bool end_array() override {
        m_in_list = false;
        m_profile.answers[static_cast<std::size_t>(m_fact)] = Value::of_sites(m_sites);
        m_fact = -1;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

    [[nodiscard]] bool complete() const {
        return m_started && m_fact < 0 && !m_in_list && !m_reading_id;
    }
    Profile take() { return std::move(m_profile); }

  private:
    const Fact& fact() const { return m_pack.facts[static_cast<std::size_t>(m_fact)]; }

    bool answer_unknown() {
        if (m_reading_id) {
            m_reading_id = false;
            return true;
        }
        if (m_fact < 0 || m_in_list) {
            return false;
        }
        m_fact = -1;
        return true;
    }

    bool scalar(std::string_view text) {
        if (m_reading_id) {
            *m_record_id = std::string(text);
            m_reading_id = false;
            return true;
        }
        if (m_fact < 0 || m_in_list) {
            return false;
        }
        ParsedAnswer answer = parse_answer(m_pack.sites, fact(), text);
        if (!answer.value) {
            return false;
        }
        m_profile.answers[static_cast<std::size_t>(m_fact)] = *answer.value;
        m_fact = -1;
        return true;
    }

    bool add_site(std::string_view id) {
        return id != "none" && id != "unknown" && !contra::add_site(m_pack.sites, id, m_sites);
    }

    const RulePack& m_pack;
    Profile m_profile;
    std::vector<bool> m_seen;
    int m_fact = -1; ///< the fact whose answer comes next, -1 between entries
    bool m_in_list = false;
    bool m_started = false;
    SiteSet m_sites;
    std::optional<std::string>* m_record_id; ///< null: `id` is no key of a profile
    bool m_id_seen = false;
    bool m_reading_id = false;
};

} // namespace

std::optional<Profile> read_json_profile_fast(const RulePack& pack,
                                              std::string_view text,
                                              std::optional<std::string>* record_id) {
    ProfileSax sax(pack, record_id);
    const bool parsed = nlohmann::json::sax_parse(text,
                                                  &sax,
                                                  nlohmann::json::input_format_t::json,
                                                  true /* strict: nothing after the object */);
    if (!parsed || !sax.complete()) {
        return std::nullopt;
    }
    return sax.take();
}

} // namespace contra

#include "authoring/scenario.hpp"

#include "engine/shelf_life.hpp"
#include "input/profile_reader.hpp"
#include "model/condition_facts.hpp"
#include "model/fact_value.hpp"
#include "util/folder_file.hpp"
#include "util/suggest.hpp"
#include "yaml/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace contra {
namespace {

using Names = std::vector<std::string>;

std::string join(const std::set<std::string>& names) {
    return fmt::format("{}", fmt::join(names, ", "));
}

std::string bracketed(const std::set<std::string>& names) {
    return fmt::format("[{}]", join(names));
}

void compare_sets(std::string_view what,
                  const std::set<std::string>& expected,
                  const std::set<std::string>& actual,
                  std::vector<Mismatch>& failures) {
    if (expected == actual) {
        return;
    }
    Mismatch mismatch{std::string(what), bracketed(expected), bracketed(actual), {}, {}};
    std::set_difference(expected.begin(),
                        expected.end(),
                        actual.begin(),
                        actual.end(),
                        std::back_inserter(mismatch.missing));
    std::set_difference(actual.begin(),
                        actual.end(),
                        expected.begin(),
                        expected.end(),
                        std::back_inserter(mismatch.unexpected));
    failures.push_back(std::move(mismatch));
}

class SuiteRunner {
  public:
    SuiteRunner(const RulePack& pack,
                const YamlDocument& doc,
                Diagnostics& out,
                std::filesystem::path base_dir,
                bool& file_refused)
        : m_pack(pack), m_doc(doc), m_out(out), m_base_dir(std::move(base_dir)),
          m_file_refused(file_refused) {}

    void read_bases(const KeyValue& entry) {
        for (const KeyValue& base :
             read_map(m_doc, entry.value, "'bases'", m_out).value_or(std::vector<KeyValue>{})) {
            Profile profile = empty_profile(m_pack);
            if (apply_profile_node(m_pack, m_doc, base.value, profile, m_out)) {
                m_bases.emplace(base.key, std::move(profile));
            }
        }
    }

    std::optional<ScenarioOutcome> run(const YAML::Node& node) {
        Fields fields(
            m_doc, node, "a scenario", {"name", "base", "profile", "today", "expect"}, m_out);
        const KeyValue* name = fields.require("name");
        const KeyValue* expect = fields.require("expect");
        if (!fields.ok() || name == nullptr || expect == nullptr) {
            return std::nullopt;
        }
        ScenarioOutcome outcome;
        outcome.name = read_scalar(m_doc, *name, m_out).value_or("");
        outcome.where = m_doc.location(node.Mark());
        Profile profile = empty_profile(m_pack);
        if (const KeyValue* base = fields.find("base")) {
            const std::string base_name = read_scalar(m_doc, *base, m_out).value_or("");
            const auto found = m_bases.find(base_name);
            if (found == m_bases.end()) {
                Names known;
                for (const auto& [key, unused] : m_bases) {
                    known.push_back(key);
                }
                m_out.add(m_doc.error(
                    DiagnosticCode::unknown_name,
                    base->value.Mark(),
                    fmt::format("unknown base '{}'{}", base_name, did_you_mean(base_name, known))));
                return std::nullopt;
            }
            profile = found->second;
        }
        if (const KeyValue* answers = fields.find("profile")) {
            const bool applied =
                answers->value.IsScalar()
                    ? apply_profile_file(*answers, profile)
                    : apply_profile_node(m_pack, m_doc, answers->value, profile, m_out);
            if (!applied) {
                return std::nullopt;
            }
        }
        const auto today = read_today(fields, profile);
        if (!today) {
            return std::nullopt;
        }
        const Report report = evaluate_on(m_pack, profile, *today, nullptr);
        if (!check(*expect, report, outcome)) {
            return std::nullopt;
        }
        return outcome;
    }

  private:
    // `today: YYYY-MM-DD`, the day the scenario's dated answers are checked on (default: the
    // local date); nullopt after reporting a bad day, or an answer dated after it.
    std::optional<CalendarDate> read_today(const Fields& fields, const Profile& profile) {
        CalendarDate today = local_today();
        if (const KeyValue* entry = fields.find("today")) {
            const auto text = read_scalar(m_doc, *entry, m_out);
            if (!text) {
                return std::nullopt; // reported
            }
            const auto day = parse_calendar_date(*text);
            if (!day) {
                m_out.add(m_doc.error(DiagnosticCode::bad_value,
                                      entry->value.Mark(),
                                      "'today' must be a real day written YYYY-MM-DD"));
                return std::nullopt;
            }
            today = *day;
        }
        if (auto error = answer_dated_after(m_pack, profile, today)) {
            m_out.add(std::move(*error));
            return std::nullopt;
        }
        return today;
    }

    // A profile file beside the suite; its answers apply over the base.
    bool apply_profile_file(const KeyValue& entry, Profile& profile) {
        const std::filesystem::path name = entry.value.Scalar();
        const bool inside =
            !name.empty() && name.is_relative() &&
            std::none_of(name.begin(), name.end(), [](const auto& part) { return part == ".."; });
        if (!inside) {
            m_out.add(
                m_doc.error(DiagnosticCode::bad_value,
                            entry.value.Mark(),
                            fmt::format("'{}' is not a file in the suite's folder (no absolute "
                                        "paths, no '..')",
                                        name.string())));
            return false;
        }
        FileText file = read_file_in_folder(m_base_dir, name);
        m_file_refused = m_file_refused || file.refused;
        if (!file.error.empty()) {
            m_out.add(m_doc.error(DiagnosticCode::file_read, entry.value.Mark(), file.error));
            return false;
        }
        ProfileResult loaded = read_profile(m_pack, file.text, (m_base_dir / name).string());
        if (!loaded.profile) {
            m_out.append(loaded.diagnostics);
            return false;
        }
        for (std::size_t i = 0; i < profile.answers.size(); ++i) {
            if (!loaded.profile->answers[i].is_unknown()) {
                profile.answers[i] = loaded.profile->answers[i];
            }
        }
        return true;
    }

    // The ids of an expectation list, each checked against `known` ("rule", "fact").
    std::optional<std::set<std::string>>
    ids_of(const KeyValue& entry, std::string_view kind, const Names& known) {
        auto items = read_scalar_list(m_doc, entry, m_out);
        if (!items) {
            return std::nullopt;
        }
        std::set<std::string> ids;
        for (const auto& [id, mark] : *items) {
            if (std::find(known.begin(), known.end(), id) == known.end()) {
                m_out.add(m_doc.error(
                    DiagnosticCode::unknown_name,
                    mark,
                    fmt::format("unknown {} '{}'{}", kind, id, did_you_mean(id, known))));
                return std::nullopt;
            }
            ids.insert(id);
        }
        return ids;
    }

    std::optional<std::set<std::string>> rule_ids(const KeyValue& entry) {
        Names known;
        for (const Rule& rule : m_pack.rules) {
            known.push_back(rule.id);
        }
        return ids_of(entry, "rule", known);
    }

    std::optional<std::set<std::string>> fact_ids(const KeyValue& entry) {
        return ids_of(entry, "fact", m_pack.fact_ids());
    }

    std::optional<std::set<std::string>> site_ids(const KeyValue& entry) {
        auto items = read_scalar_list(m_doc, entry, m_out);
        if (!items) {
            return std::nullopt;
        }
        SiteSet sites;
        for (const auto& [id, mark] : *items) {
            if (auto error = add_site(m_pack.sites, id, sites)) {
                m_out.add(m_doc.error(DiagnosticCode::unknown_name, mark, *error));
                return std::nullopt;
            }
        }
        const Names leaves = m_pack.sites.leaf_ids(sites);
        return std::set<std::string>(leaves.begin(), leaves.end());
    }

    std::set<std::string> leaves(const SiteSet& sites) const {
        const Names ids = m_pack.sites.leaf_ids(sites);
        return {ids.begin(), ids.end()};
    }

    bool check(const KeyValue& expect, const Report& report, ScenarioOutcome& outcome) {
        Fields fields(m_doc,
                      expect.value,
                      "'expect'",
                      {"verdict",
                       "fired",
                       "not_fired",
                       "could_fire",
                       "avoid",
                       "no_pressure",
                       "unanswered",
                       "assumed",
                       "expired"},
                      m_out);
        if (!fields.ok()) {
            return false;
        }
        // Each returns false on an error in the scenario file itself, which stops the checks.
        return check_verdict(fields, report, outcome) && check_fired(fields, report, outcome) &&
               check_could_fire(fields, report, outcome) && check_sites(fields, report, outcome) &&
               check_facts(fields, "unanswered", unanswered_fact_ids(report), outcome) &&
               check_facts(fields, "assumed", assumed_fact_ids(report), outcome) &&
               check_facts(fields, "expired", expired_fact_ids(report), outcome);
    }

    bool check_verdict(const Fields& fields, const Report& report, ScenarioOutcome& outcome) {
        const KeyValue* verdict = fields.find("verdict");
        if (verdict == nullptr) {
            return true;
        }
        const std::string text = read_scalar(m_doc, *verdict, m_out).value_or("");
        if (!verdict_from_string(text)) {
            m_out.add(m_doc.error(DiagnosticCode::bad_value,
                                  verdict->value.Mark(),
                                  fmt::format("unknown verdict '{}'", text)));
            return false;
        }
        if (text != to_string(report.verdict)) {
            outcome.failures.push_back(
                Mismatch{"verdict", text, std::string(to_string(report.verdict)), {}, {}});
        }
        return true;
    }

    bool check_fired(const Fields& fields, const Report& report, ScenarioOutcome& outcome) {
        std::set<std::string> fired;
        for (const Finding& finding : report.findings) {
            fired.insert(m_pack.rules[finding.rule].id);
        }
        if (const KeyValue* entry = fields.find("fired")) {
            auto expected = rule_ids(*entry);
            if (!expected) {
                return false;
            }
            compare_sets("fired", *expected, fired, outcome.failures);
            outcome.expected_fired.assign(expected->begin(), expected->end());
        }
        if (const KeyValue* entry = fields.find("not_fired")) {
            auto expected = rule_ids(*entry);
            if (!expected) {
                return false;
            }
            for (const std::string& id : *expected) {
                if (fired.count(id) != 0) {
                    outcome.failures.push_back(
                        Mismatch{"not_fired", "not " + id, id + " fired", {}, {id}});
                }
            }
            outcome.expected_not_fired.assign(expected->begin(), expected->end());
        }
        return true;
    }

    bool check_could_fire(const Fields& fields, const Report& report, ScenarioOutcome& outcome) {
        const KeyValue* entry = fields.find("could_fire");
        if (entry == nullptr) {
            return true;
        }
        auto expected = rule_ids(*entry);
        if (!expected) {
            return false;
        }
        std::set<std::string> actual;
        for (const CouldFire& could_fire : report.could_fire) {
            actual.insert(m_pack.rules[could_fire.rule].id);
        }
        compare_sets("could_fire", *expected, actual, outcome.failures);
        outcome.expected_could_fire.assign(expected->begin(), expected->end());
        return true;
    }

    bool check_sites(const Fields& fields, const Report& report, ScenarioOutcome& outcome) {
        const std::pair<const char*, const SiteSet*> site_checks[] = {
            {"avoid", &report.avoid}, {"no_pressure", &report.no_pressure}};
        for (const auto& [key, actual] : site_checks) {
            if (const KeyValue* entry = fields.find(key)) {
                auto expected = site_ids(*entry);
                if (!expected) {
                    return false;
                }
                compare_sets(key, *expected, leaves(*actual), outcome.failures);
            }
        }
        return true;
    }

    std::set<std::string> expired_fact_ids(const Report& report) const {
        std::set<std::string> ids;
        for (const ExpiredAnswer& expired : report.expired) {
            ids.insert(m_pack.facts[expired.fact].id);
        }
        return ids;
    }

    std::set<std::string> unanswered_fact_ids(const Report& report) const {
        std::set<std::string> ids;
        for (const Unanswered& unanswered : report.unanswered) {
            ids.insert(m_pack.facts[unanswered.fact].id);
        }
        return ids;
    }

    std::set<std::string> assumed_fact_ids(const Report& report) const {
        std::set<std::string> ids;
        for (const Assumption& assumption : report.assumed) {
            ids.insert(m_pack.facts[assumption.fact].id);
        }
        return ids;
    }

    // The facts listed under `key` against those of the report (`actual`).
    bool check_facts(const Fields& fields,
                     const char* key,
                     const std::set<std::string>& actual,
                     ScenarioOutcome& outcome) {
        const KeyValue* entry = fields.find(key);
        if (entry == nullptr) {
            return true;
        }
        auto expected = fact_ids(*entry);
        if (!expected) {
            return false;
        }
        compare_sets(key, *expected, actual, outcome.failures);
        return true;
    }

    const RulePack& m_pack;
    const YamlDocument& m_doc;
    Diagnostics& m_out;
    std::filesystem::path m_base_dir;
    std::map<std::string, Profile> m_bases;
    bool& m_file_refused;
};

} // namespace

std::string Mismatch::describe() const {
    std::string text = fmt::format("{}: expected {}, got {}", field, expected, actual);
    std::set<std::string> missing_set(missing.begin(), missing.end());
    std::set<std::string> unexpected_set(unexpected.begin(), unexpected.end());
    if (!missing.empty()) {
        text += fmt::format("; missing {}", join(missing_set));
    }
    if (!unexpected.empty() && field != "not_fired") {
        text += fmt::format("; unexpected {}", join(unexpected_set));
    }
    return text;
}

SuiteResult run_suite(const RulePack& pack,
                      std::string text,
                      std::string file_name,
                      const std::filesystem::path& base_dir) {
    SuiteResult result;
    const YamlDocument doc =
        YamlDocument::parse(std::move(text), std::move(file_name), result.diagnostics);
    if (!doc.ok()) {
        return result;
    }
    Fields top(doc, doc.root(), "a scenario suite", {"bases", "scenarios"}, result.diagnostics);
    const KeyValue* scenarios = top.require("scenarios");
    if (!top.ok() || scenarios == nullptr) {
        return result;
    }
    SuiteRunner runner(pack, doc, result.diagnostics, base_dir, result.file_refused);
    if (const KeyValue* bases = top.find("bases")) {
        runner.read_bases(*bases);
    }
    if (!scenarios->value.IsSequence()) {
        result.diagnostics.add(doc.error(
            DiagnosticCode::wrong_type, scenarios->key_mark, "'scenarios' must be a list"));
        return result;
    }
    for (const YAML::Node& node : scenarios->value) {
        if (auto outcome = runner.run(node)) {
            result.outcomes.push_back(std::move(*outcome));
        }
    }
    return result;
}

std::vector<RuleCoverage> rule_coverage(const RulePack& pack,
                                        const std::vector<SuiteResult>& suites) {
    std::map<std::string, RuleCoverage> by_id;
    for (const SuiteResult& suite : suites) {
        for (const ScenarioOutcome& outcome : suite.outcomes) {
            if (!outcome.passed()) {
                continue;
            }
            for (const std::string& id : outcome.expected_fired) {
                by_id[id].fired = true;
            }
            for (const std::string& id : outcome.expected_not_fired) {
                by_id[id].not_fired = true;
            }
            for (const std::string& id : outcome.expected_could_fire) {
                by_id[id].could_fire = true;
            }
        }
    }
    std::vector<RuleCoverage> coverage;
    for (const Rule& rule : pack.rules) {
        RuleCoverage item = by_id[rule.id];
        item.can_be_uncertain = can_be_uncertain(pack, rule.condition);
        coverage.push_back(item);
    }
    return coverage;
}

} // namespace contra

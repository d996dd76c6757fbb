#include "authoring/evidence_lint.hpp"

#include "util/url_host.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra {
namespace {

class EvidenceLinter {
  public:
    EvidenceLinter(const RulePack& pack, const PackSourceMap& sources, Diagnostics& out)
        : m_pack(pack), m_sources(sources), m_out(out) {}

    void run() {
        for (std::size_t i = 0; i < m_pack.evidence.size(); ++i) {
            check_source(i);
        }
        for (std::size_t i = 0; i < m_pack.rules.size(); ++i) {
            check_rule(i);
        }
    }

  private:
    void warn(DiagnosticCode code, const SourceLocation& where, std::string message) {
        m_out.add(Diagnostic{
            code, Severity::warning, where, std::move(message), m_sources.line_at(where), {}});
    }

    static SourceLocation at(const std::vector<SourceLocation>& locations, std::size_t i) {
        return i < locations.size() ? locations[i] : SourceLocation{};
    }

    // The domain of the do_not_cite list `url` is on; empty when none.
    std::string banned_domain(std::string_view url) const {
        const std::string host = url_host(url);
        for (const std::string& domain : m_pack.info.do_not_cite) {
            if (host_is_on(host, domain)) {
                return domain;
            }
        }
        return {};
    }

    void check_source(std::size_t i) {
        const EvidenceSource& source = m_pack.evidence[i];
        const SourceLocation where = at(m_sources.evidence, i);
        if (source.type == SourceType::untyped) {
            warn(DiagnosticCode::untyped_source,
                 where,
                 fmt::format("source '{}' has no type: say whether it is a guideline, textbook, "
                             "review, study, professional guidance, practitioner article or seed",
                             source.id));
        }
        if (source.title.empty() || source.authors.empty()) {
            warn(DiagnosticCode::untyped_source,
                 where,
                 fmt::format("source '{}' has no citation a reviewer can find: give its "
                             "authors (or organisation) and title",
                             source.id));
        }
        if (const std::string domain = banned_domain(source.url); !domain.empty()) {
            warn(DiagnosticCode::do_not_cite,
                 where,
                 fmt::format("source '{}' links to {}, which the pack lists under do_not_cite: "
                             "cite the original publication",
                             source.id,
                             domain));
        }
    }

    void check_rule(std::size_t i) {
        const Rule& rule = m_pack.rules[i];
        const SourceLocation where = at(m_sources.rules, i);
        if (rule.citations.empty()) {
            check_free_text(rule, where);
            return;
        }
        const bool practitioner_only =
            std::all_of(rule.citations.begin(), rule.citations.end(), [&](const Citation& c) {
                return m_pack.evidence[c.source].type == SourceType::practitioner_article;
            });
        if (practitioner_only &&
            rule.grade.find("practitioner articles only") == std::string::npos) {
            warn(DiagnosticCode::weak_evidence,
                 where,
                 fmt::format("rule '{}' rests on practitioner articles only: say so in its grade "
                             "(\"practitioner articles only\")",
                             rule.id));
        }
        if (practitioner_only && rule.level >= Level::postpone_and_refer) {
            warn(DiagnosticCode::weak_evidence,
                 where,
                 fmt::format("rule '{}' is {} on practitioner articles only: cite a guideline, "
                             "textbook, study or professional guidance, or lower its level",
                             rule.id,
                             to_string(rule.level)));
        }
    }

    void check_free_text(const Rule& rule, const SourceLocation& where) {
        if (rule.sources.empty()) {
            return; // lint's empty-text says so
        }
        warn(DiagnosticCode::untyped_source,
             where,
             fmt::format("rule '{}' cites its sources as free text, without a type: list them in "
                         "a 'sources' section and cite them by id",
                         rule.id));
        for (const std::string& text : rule.sources) {
            for (const std::string_view url : urls_in(text)) {
                if (const std::string domain = banned_domain(url); !domain.empty()) {
                    warn(DiagnosticCode::do_not_cite,
                         where,
                         fmt::format("rule '{}' cites {}, which the pack lists under "
                                     "do_not_cite: cite the original publication",
                                     rule.id,
                                     domain));
                }
            }
        }
    }

    const RulePack& m_pack;
    const PackSourceMap& m_sources;
    Diagnostics& m_out;
};

} // namespace

void lint_evidence(const RulePack& pack, const PackSourceMap& sources, Diagnostics& out) {
    EvidenceLinter(pack, sources, out).run();
}

} // namespace contra

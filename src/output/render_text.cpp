#include "output/render_text.hpp"

#include "model/fact_value.hpp"
#include "util/terminal_text.hpp"
#include "util/word_wrap.hpp"

#include <fmt/color.h>
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

namespace contra {
namespace {

constexpr std::string_view k_disclaimer =
    "contra supports a practitioner's judgement; it does not diagnose.";

// The open questions the first screen shows; the rest are counted (--all-questions lists them).
constexpr std::size_t k_serious_questions = 3;

// The columns before a finding's text: "  R10   ".
constexpr std::size_t k_finding_indent = 8;

fmt::text_style verdict_style(Verdict verdict) {
    switch (verdict) {
    case Verdict::proceed:
        return fmt::fg(fmt::terminal_color::green) | fmt::emphasis::bold;
    case Verdict::proceed_with_precautions:
    case Verdict::incomplete:
        return fmt::fg(fmt::terminal_color::yellow) | fmt::emphasis::bold;
    case Verdict::postpone_and_refer:
        return fmt::fg(fmt::terminal_color::magenta) | fmt::emphasis::bold;
    case Verdict::do_not_massage:
    case Verdict::emergency:
        return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
    }
    return fmt::emphasis::bold;
}

class Painter {
  public:
    explicit Painter(bool colour) : m_colour(colour) {}
    std::string operator()(std::string_view text, fmt::text_style style) const {
        return m_colour ? fmt::format(style, "{}", text) : std::string(text);
    }
    std::string heading(std::string_view text) const { return (*this)(text, fmt::emphasis::bold); }

  private:
    bool m_colour;
};

std::string headline(Verdict verdict) {
    std::string text(to_string(verdict));
    std::replace(text.begin(), text.end(), '_', ' ');
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
        return static_cast<char>(std::toupper(c));
    });
    return text;
}

std::string join(const std::vector<std::string>& items) {
    return items.empty() ? "none" : fmt::format("{}", fmt::join(items, ", "));
}

std::string question_with_id(const Fact& fact) {
    return fmt::format("{} [{}]", fact.question, fact.id);
}

// "; assumed: anticoagulant not asked": a finding that stands on a guess says so.
std::string assumed_label(const RulePack& pack, const Finding& finding) {
    if (finding.assumed_facts.empty()) {
        return "";
    }
    std::vector<std::string> ids;
    for (const std::uint32_t fact : finding.assumed_facts) {
        ids.push_back(pack.facts[fact].id);
    }
    return fmt::format("; assumed: {} not asked", fmt::join(ids, ", "));
}

} // namespace

std::string_view verdict_meaning(Verdict verdict) {
    switch (verdict) {
    case Verdict::proceed:
        return "No rule fired and nothing unanswered could change that. Treat as planned.";
    case Verdict::proceed_with_precautions:
        return "Treat today only with every modification listed below.";
    case Verdict::postpone_and_refer:
        return "Not this treatment today: medical assessment or clearance first.";
    case Verdict::do_not_massage:
        return "Contraindicated now: no massage at all; urgent same-day medical assessment where "
               "signs are present.";
    case Verdict::emergency:
        return "Call emergency services now (999/112/911). Do not leave the client alone.";
    case Verdict::incomplete:
        return "Not cleared: the answers so far would allow treatment, but unanswered questions "
               "could change that. Ask them before treating.";
    }
    return "";
}

namespace {

// Every text of the pack and the profile is escaped before it is laid out: only contra's own
// newlines and colours reach the terminal.
std::string safe(std::string_view text) {
    return escape_controls(text);
}

// "Still to ask (8 questions could change the verdict; the 3 most serious)".
std::string questions_heading(std::size_t count, std::size_t shown) {
    const std::string could = count == 1
                                  ? std::string("1 question could change the verdict")
                                  : fmt::format("{} questions could change the verdict", count);
    return shown == count ? fmt::format("Still to ask ({})", could)
                          : fmt::format("Still to ask ({}; the {} most serious)", could, shown);
}

// "  R10   ": what a finding's lines start with; a longer id pushes its first line right.
std::string id_prefix(const Rule& rule) {
    return fmt::format("  {:<5} ", safe(rule.id));
}

// The verdict and its instruction, the output's last line (one at 80 columns): what stays on a
// terminal when the start of a long report has scrolled away. Empty when none is needed.
std::string_view closing_instruction(Verdict verdict) {
    if (verdict == Verdict::emergency) {
        return "EMERGENCY: call emergency services now (999/112/911); stay with the client.";
    }
    if (verdict == Verdict::do_not_massage) {
        return "DO NOT MASSAGE today (no massage at all); follow the instructions above.";
    }
    return "";
}

// Writes the report's sections to `out`, one function each, in the order a reader needs them.
class TextReport {
  public:
    TextReport(const RulePack& pack,
               const Report& report,
               const TextOptions& options,
               std::ostream& out)
        : m_pack(pack), m_report(report), m_paint(options.colour), m_width(options.width),
          m_out(out) {}

    void verdict() const {
        fmt::print(
            m_out, "{}\n", m_paint(headline(m_report.verdict), verdict_style(m_report.verdict)));
        fmt::print(m_out, "{}\n", wrap(verdict_meaning(m_report.verdict), 0, m_width));
        if (m_report.verdict == Verdict::incomplete) {
            fmt::print(
                m_out, "The answers given so far reach: {}.\n", to_string(m_report.established));
        }
        if (m_report.verdict_rests_on_assumptions) {
            fmt::print(
                m_out,
                "{}\n",
                wrap("This verdict rests on assumed answers, not given ones. Ask to confirm:",
                     0,
                     m_width));
            for (const std::uint32_t fact : m_report.to_confirm) {
                fmt::print(m_out,
                           "  - {}\n",
                           wrap(safe(question_with_id(m_pack.facts[fact])), 4, m_width));
            }
        }
    }

    // One line per finding (wrapped when its title is long); with `with_instructions` each
    // finding's instruction follows its line.
    void what_to_do(bool with_instructions) const {
        if (m_report.findings.empty()) {
            return;
        }
        fmt::print(m_out, "\n{}\n", m_paint.heading("What to do"));
        for (const Finding& finding : m_report.findings) {
            finding_line(finding);
            if (with_instructions) {
                instruction(finding);
            }
        }
    }

    void where() const {
        if (m_report.avoid.empty() && m_report.no_pressure.empty()) {
            return;
        }
        constexpr std::size_t column = 20;
        fmt::print(m_out, "\n{}\n", m_paint.heading("Where"));
        fmt::print(m_out,
                   "  Avoid:            {}\n",
                   wrap(safe(join(m_pack.sites.describe(m_report.avoid))), column, m_width));
        fmt::print(m_out,
                   "  Light touch only: {}\n",
                   wrap(safe(join(m_pack.sites.describe(m_report.no_pressure))), column, m_width));
    }

    // Every open question with `all`, else the most serious few and how many more there are.
    void still_to_ask(bool all) const {
        const std::size_t count = m_report.unanswered.size();
        if (count == 0) {
            return;
        }
        const std::size_t shown = all ? count : std::min(count, k_serious_questions);
        const std::string heading = questions_heading(count, shown);
        fmt::print(m_out, "\n{}\n", m_paint.heading(wrap(heading, 0, m_width)));
        for (std::size_t i = 0; i < shown; ++i) {
            const Unanswered& unanswered = m_report.unanswered[i];
            const Fact& fact = m_pack.facts[unanswered.fact];
            fmt::print(m_out,
                       "  - {}\n",
                       wrap(safe(fmt::format("{} [{}] could raise it to {}",
                                             fact.question,
                                             fact.id,
                                             to_string(unanswered.could_raise_to))),
                            4,
                            m_width));
        }
        if (shown < count) {
            fmt::print(
                m_out,
                "  {}\n",
                wrap(fmt::format("... and {} more: --all-questions lists them", count - shown),
                     2,
                     m_width));
        }
    }

    // Answers too old to hold today, and numbers advanced to today (rules/README.md, "Shelf
    // life").
    void dated() const {
        if (!m_report.expired.empty()) {
            fmt::print(
                m_out,
                "\n{}\n",
                m_paint.heading(wrap("Expired answers (treated as unanswered)", 0, m_width)));
            for (const ExpiredAnswer& expired : m_report.expired) {
                fmt::print(m_out,
                           "  - {}\n",
                           wrap(safe(fmt::format("{}: asked {}, ask again today",
                                                 m_pack.facts[expired.fact].id,
                                                 to_string(expired.answered_on))),
                                4,
                                m_width));
            }
        }
        if (!m_report.aged.empty()) {
            fmt::print(m_out,
                       "\n{}\n",
                       m_paint.heading(wrap("Aged answers (counted to today)", 0, m_width)));
            for (const AgedAnswer& aged : m_report.aged) {
                const Fact& fact = m_pack.facts[aged.fact];
                fmt::print(m_out,
                           "  - {}\n",
                           wrap(safe(fmt::format("{}: {} {} given on {}, {} {} used today",
                                                 fact.id,
                                                 format_number(aged.given),
                                                 fact.unit,
                                                 to_string(aged.answered_on),
                                                 format_number(aged.used),
                                                 fact.unit)),
                                4,
                                m_width));
            }
        }
    }

    // Each finding's instruction under its rule id: the part of the report after the first
    // screen, since the first screen lists the findings one line each.
    void instructions() const {
        if (m_report.findings.empty()) {
            return;
        }
        fmt::print(m_out, "\n{}\n", m_paint.heading("Instructions"));
        for (const Finding& finding : m_report.findings) {
            const Rule& rule = m_pack.rules[finding.rule];
            const std::string prefix = id_prefix(rule);
            fmt::print(m_out, "{}", prefix);
            instruction_text(finding, display_columns(prefix));
        }
    }

    void why() const {
        if (m_report.findings.empty()) {
            return;
        }
        fmt::print(m_out, "\n{}\n", m_paint.heading("Why"));
        for (const Finding& finding : m_report.findings) {
            const Rule& rule = m_pack.rules[finding.rule];
            const std::string prefix = id_prefix(rule);
            fmt::print(
                m_out,
                "{}{}\n",
                prefix,
                wrap(safe(rule.rationale), k_finding_indent, m_width, display_columns(prefix)));
            fmt::print(m_out,
                       "        {}\n",
                       wrap(safe(fmt::format("Sources: {}", fmt::join(rule.sources, "; "))),
                            k_finding_indent,
                            m_width));
        }
    }

    void assumed() const {
        if (m_report.assumed.empty()) {
            return;
        }
        fmt::print(m_out,
                   "\n{}\n",
                   m_paint.heading(
                       wrap("Assumed (unanswered, so the cautious answer is used)", 0, m_width)));
        for (const Assumption& assumption : m_report.assumed) {
            const Fact& fact = m_pack.facts[assumption.fact];
            std::string value = describe_value(m_pack.sites, fact, assumption.value);
            if (assumption.is_default_area) {
                value += " (the modality's default area)";
            } else if (!fact.assumption_note.empty()) {
                value += fmt::format(" ({})", fact.assumption_note);
            }
            const std::string id = safe(fact.id);
            fmt::print(m_out,
                       "  {}: {}\n",
                       id,
                       wrap(safe(value), 4, m_width, 2 + display_columns(id) + 2));
        }
    }

    // Names the options that show what this report leaves out, if it leaves anything out.
    void more(const TextOptions& options) const {
        std::vector<std::string> options_left;
        if (!options.why && !m_report.findings.empty()) {
            options_left.emplace_back("--why (reasons and sources)");
        }
        if (!options.assumptions && !m_report.assumed.empty()) {
            options_left.emplace_back("--verbose (also what was assumed)");
        } else if (!options.why && !m_report.findings.empty()) {
            options_left.emplace_back("--verbose (everything)");
        }
        if (!options_left.empty()) {
            fmt::print(m_out,
                       "\n{}\n",
                       wrap(fmt::format("More: {}.", fmt::join(options_left, ", ")), 6, m_width));
        }
    }

    void footer() const {
        fmt::print(m_out,
                   "\nPack {} {} (sha256 {})\n{}\n",
                   safe(m_pack.info.name),
                   safe(m_pack.info.version),
                   m_pack.info.sha256.substr(0, 12),
                   k_disclaimer);
    }

  private:
    void finding_line(const Finding& finding) const {
        const Rule& rule = m_pack.rules[finding.rule];
        std::string label = fmt::format("{} ({}{}{})",
                                        rule.title,
                                        to_string(finding.level),
                                        finding.cleared ? ", lowered by medical clearance" : "",
                                        assumed_label(m_pack, finding));
        const std::string prefix = id_prefix(rule);
        fmt::print(m_out,
                   "{}{}\n",
                   prefix,
                   wrap(safe(label), k_finding_indent, m_width, display_columns(prefix)));
    }

    void instruction(const Finding& finding) const {
        fmt::print(m_out, "{:{}}", "", k_finding_indent);
        instruction_text(finding, k_finding_indent);
    }

    // The rule's action with the notes that apply, then how to settle each assumption it
    // stands on; the first line starts at `first_column`.
    void instruction_text(const Finding& finding, std::size_t first_column) const {
        constexpr std::size_t indent = k_finding_indent;
        const Rule& rule = m_pack.rules[finding.rule];
        std::string action = rule.action;
        for (const std::string& note : finding.notes) {
            action += " " + note;
        }
        fmt::print(m_out, "{}\n", wrap(safe(action), indent, m_width, first_column));
        for (const std::uint32_t fact : finding.assumed_facts) {
            fmt::print(m_out,
                       "{:{}}{}\n",
                       "",
                       indent,
                       wrap(fmt::format("To settle it, ask: {}",
                                        safe(question_with_id(m_pack.facts[fact]))),
                            indent,
                            m_width));
        }
    }

    const RulePack& m_pack;
    const Report& m_report;
    const Painter m_paint;
    const std::size_t m_width;
    std::ostream& m_out;
};

} // namespace

void render_text(const RulePack& pack,
                 const Report& report,
                 const TextOptions& options,
                 std::ostream& out) {
    const TextReport text(pack, report, options, out);
    text.verdict();
    if (options.brief) {
        text.what_to_do(true);
        text.where();
        // Not cleared until the questions are asked: for `incomplete` they are what to do.
        if (report.verdict == Verdict::incomplete) {
            text.still_to_ask(false);
        }
    } else {
        text.what_to_do(false);
        text.where();
        text.still_to_ask(options.all_questions);
        text.dated();
        text.instructions();
        if (options.why) {
            text.why();
        }
        if (options.assumptions) {
            text.assumed();
        }
        text.more(options);
        text.footer();
    }
    if (options.closing_instruction) {
        render_closing_instruction(report, options, out);
    }
}

void render_closing_instruction(const Report& report,
                                const TextOptions& options,
                                std::ostream& out) {
    const std::string_view instruction = closing_instruction(report.verdict);
    if (instruction.empty()) {
        return;
    }
    const Painter paint(options.colour);
    fmt::print(
        out, "\n{}\n", paint(wrap(instruction, 0, options.width), verdict_style(report.verdict)));
}

} // namespace contra

#pragma once

#include "cli/audit_log.hpp"
#include "cli/environment.hpp"
#include "cli/exit_codes.hpp"
#include "cli/fact_options.hpp"
#include "cli/output_file.hpp"
#include "model/profile.hpp"
#include "model/report.hpp"
#include "model/rule_pack.hpp"
#include "output/render_text.hpp"
#include "util/calendar_date.hpp"

#include <CLI/App.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace contra::cli {

enum class OutputFormat { text, json };
enum class ColourMode { automatic, always, never };

struct CheckOptions {
    std::string profile_path; ///< empty: answers from options only; "-": standard input
    bool fhir_input = false;  ///< the profile is a FHIR QuestionnaireResponse
    OutputFormat format = OutputFormat::text;
    ColourMode colour = ColourMode::automatic;
    std::string rules_dir;
    std::string pack_sha256; ///< checked before anything runs (app.cpp); here for --help
    std::string audit_log;   ///< append a line per decision here, if set
    std::string body_map;    ///< write an SVG body map here, if set
    bool audit_include_profile = false;
    std::vector<std::string> set_answers; ///< FACT=VALUE
    std::vector<OptionAnswer> option_answers;
    bool explain = false;              ///< add why each rule fired or could fire
    bool explain_all = false;          ///< explain every rule, also those that do not fire
    bool explain_only = false;         ///< `contra explain`: the explanation without the report
    bool brief = false;                ///< text: the verdict, what to do and where alone
    bool why = false;                  ///< text: add each finding's reasons and sources
    bool all_questions = false;        ///< text: every open question, not the most serious few
    bool verbose = false;              ///< text: everything (why, every question, what was assumed)
    std::optional<CalendarDate> today; ///< --today; none: the local date
    std::optional<CalendarDate> answered_on; ///< --answered-on
};

/// Adds the options of `check`, bound to `options`. The per-fact answer options (one or two per
/// question) are added only `with_answers`, that is when `check` is the command being run:
/// building them is most of the start-up cost.
void add_check_options(CLI::App& command,
                       const RulePack& pack,
                       CheckOptions& options,
                       bool with_answers);

/// Adds the options of `explain`: the same answers as `check`, printing why each rule fired or
/// could fire.
void add_explain_options(CLI::App& command,
                         const RulePack& pack,
                         CheckOptions& options,
                         bool with_answers);

/// Adds the answer options shared by `check`, `explain` and `interview`: --rules,
/// --pack-sha256, --audit-log, --body-map, --audit-include-profile, --set and, `with_answers`,
/// one option per fact.
void add_answer_options(CLI::App& command,
                        const RulePack& pack,
                        CheckOptions& options,
                        bool with_answers);

/// Adds --brief, --why, --all-questions and --verbose: how much of the text report to show
/// (the first screen, verdict, what to do, where and the most serious open questions, always
/// comes first).
void add_report_detail_options(CLI::App& command, CheckOptions& options);

/// The text report's layout: what `options` ask to show, in colour when asked or on a terminal,
/// at the terminal's width.
TextOptions text_options(const CheckOptions& options, const Environment& environment);

/// Applies the answers given as options over `profile`, each dated --answered-on or `today`,
/// then --answered-on, and refuses answers dated after `today`. Returns nothing, or the exit
/// code of an error already reported to `err`.
std::optional<ExitCode> apply_answer_options(const RulePack& pack,
                                             const CheckOptions& options,
                                             CalendarDate today,
                                             Profile& profile,
                                             std::ostream& err);

/// What a run reads: its profile (a path, or "-" for standard input) and its rule pack folder.
RunInputs run_inputs(const std::string& profile_path, const std::string& rules_dir);

/// The records of a decision besides the report: the body map, written before the report is
/// shown, and the audit line, appended only once everything shown was written. Neither is ever
/// written over a file the run reads. Each step returns nothing, or 73 after reporting to `err`.
class DecisionRecords {
  public:
    /// Opens the audit log `options` ask for, before anything is shown.
    std::optional<ExitCode> open(const CheckOptions& options, RunInputs inputs, std::ostream& err);
    std::optional<ExitCode> write_body_map(const RulePack& pack,
                                           const Profile& profile,
                                           const Report& report,
                                           std::ostream& err) const;
    /// Appends the decision, judged on `today`, to the audit log (when there is one).
    std::optional<ExitCode> log(const RulePack& pack,
                                const Profile& profile,
                                const Report& report,
                                CalendarDate today,
                                std::ostream& err);
    [[nodiscard]] bool logging() const { return m_log.has_value(); }
    [[nodiscard]] const RunInputs& inputs() const { return m_inputs; }

  private:
    const CheckOptions* m_options = nullptr;
    RunInputs m_inputs;
    std::optional<AuditLog> m_log;
};

/// Runs a check; returns the verdict's outcome, or an error's.
Outcome run_check(const RulePack& pack,
                  const CheckOptions& options,
                  std::istream& in,
                  std::ostream& out,
                  std::ostream& err,
                  const Environment& environment);

} // namespace contra::cli

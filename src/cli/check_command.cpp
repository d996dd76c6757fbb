#include "cli/check_command.hpp"

#include "cli/answer_dates.hpp"
#include "cli/audit_log.hpp"
#include "cli/checked_output.hpp"
#include "cli/error_report.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output_file.hpp"
#include "cli/pack_choice.hpp"
#include "cli/profile_file.hpp"
#include "engine/evaluator.hpp"
#include "engine/shelf_life.hpp"
#include "input/profile_reader.hpp"
#include "model/fact_value.hpp"
#include "output/audit_record.hpp"
#include "output/body_map.hpp"
#include "output/explanation.hpp"
#include "output/render_json.hpp"
#include "output/render_text.hpp"
#include "util/suggest.hpp"
#include "util/terminal_text.hpp"
#include "util/word_wrap.hpp"

#include <fmt/chrono.h>
#include <fmt/ostream.h>

#include <ctime>
#include <map>
#include <unistd.h>

namespace contra::cli {
namespace {

bool use_colour(ColourMode mode, const Environment& environment) {
    switch (mode) {
    case ColourMode::always:
        return true;
    case ColourMode::never:
        return false;
    case ColourMode::automatic:
        break;
    }
    return environment.stdout_is_terminal && !environment.no_color;
}

} // namespace

TextOptions text_options(const CheckOptions& options, const Environment& environment) {
    TextOptions text;
    text.colour = use_colour(options.colour, environment);
    text.width = environment.width;
    text.brief = options.brief;
    text.why = options.why || options.verbose;
    text.all_questions = options.all_questions || options.verbose;
    text.assumptions = options.verbose;
    return text;
}

namespace {

struct AnswerError {
    ExitCode code;
    std::string message;
};

// Applies command-line answers over the file's; the same fact given twice differently is a
// usage error, since one of the two would be silently lost.
std::optional<AnswerError> apply_option_answers(const RulePack& pack,
                                                const CheckOptions& options,
                                                CalendarDate today,
                                                Profile& profile) {
    std::vector<OptionAnswer> answers;
    for (const std::string& assignment : options.set_answers) {
        const auto equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0) {
            return AnswerError{ExitCode::usage,
                               fmt::format("--set {}: expected FACT=VALUE", assignment)};
        }
        const std::string id = assignment.substr(0, equals);
        const auto fact = pack.find_fact(id);
        if (!fact) {
            return AnswerError{ExitCode::bad_profile,
                               fmt::format("--set {}: unknown fact '{}'{}",
                                           assignment,
                                           id,
                                           did_you_mean(id, pack.fact_ids()))};
        }
        answers.push_back({*fact, assignment.substr(equals + 1), "--set " + id});
    }
    answers.insert(answers.end(), options.option_answers.begin(), options.option_answers.end());
    std::map<std::uint32_t, const OptionAnswer*> seen;
    for (const OptionAnswer& answer : answers) {
        const Fact& fact = pack.facts[answer.fact];
        ParsedAnswer parsed = parse_answer(pack.sites, fact, answer.text);
        if (!parsed.value) {
            return AnswerError{ExitCode::bad_profile,
                               fmt::format("{}: {}", answer.option, parsed.error)};
        }
        const auto [previous, inserted] = seen.emplace(answer.fact, &answer);
        if (!inserted && previous->second->text != answer.text) {
            return AnswerError{ExitCode::usage,
                               fmt::format("{} and {} give '{}' two different answers",
                                           previous->second->option,
                                           answer.option,
                                           fact.id)};
        }
        profile.answers[answer.fact] = *parsed.value;
        profile.answer_dates[answer.fact] =
            AnswerDate{options.answered_on.value_or(today), {answer.option, 0, 0}};
    }
    return std::nullopt;
}

} // namespace

std::optional<ExitCode> apply_answer_options(const RulePack& pack,
                                             const CheckOptions& options,
                                             CalendarDate today,
                                             Profile& profile,
                                             std::ostream& err) {
    if (auto error = apply_option_answers(pack, options, today, profile)) {
        report_error(err,
                     error->code == ExitCode::usage ? error_code::k_usage : "bad-value",
                     error->message);
        return error->code;
    }
    return date_answers(pack, options.answered_on, today, profile, err);
}

void add_answer_options(CLI::App& command,
                        const RulePack& pack,
                        CheckOptions& options,
                        bool with_answers) {
    add_pack_options(command, options.rules_dir, options.pack_sha256);
    add_today_option(command, options.today);
    add_answered_on_option(command, options.answered_on);
    command
        .add_option("--audit-log",
                    options.audit_log,
                    "Append one JSON line per decision to FILE (created with mode 0600): time, "
                    "pack, verdict, fired rules and the profile's SHA-256, not the profile")
        ->type_name("FILE");
    command
        .add_option("--body-map",
                    options.body_map,
                    "Also draw the body, front and back, each site marked: avoid, light touch "
                    "only, treat, outside the treatment area; all of it hatched when the verdict "
                    "rules out treatment today (SVG)")
        ->type_name("FILE.svg");
    command.add_flag("--audit-include-profile",
                     options.audit_include_profile,
                     "With --audit-log: also write the answers themselves");
    command.add_option("--set", options.set_answers, "Answer a question: FACT=VALUE (repeatable)")
        ->type_name("FACT=VALUE")
        ->allow_extra_args(false);
    if (with_answers) {
        add_fact_options(command, pack, options.option_answers);
    }
}

RunInputs run_inputs(const std::string& profile_path, const std::string& rules_dir) {
    RunInputs inputs;
    if (profile_path == "-") {
        inputs.add_descriptor(STDIN_FILENO);
    } else if (!profile_path.empty()) {
        inputs.add_path(profile_path);
    }
    if (!rules_dir.empty()) {
        inputs.add_folder(rules_dir);
    }
    return inputs;
}

std::optional<ExitCode>
DecisionRecords::open(const CheckOptions& options, RunInputs inputs, std::ostream& err) {
    m_options = &options;
    m_inputs = std::move(inputs);
    if (options.audit_log.empty()) {
        return std::nullopt;
    }
    std::string error;
    m_log = AuditLog::open(options.audit_log, error);
    if (m_log && m_inputs.contains_file(m_log->descriptor())) {
        error = fmt::format("the audit log {} is an input of this run (the profile or a rule "
                            "pack file); it is left as it was",
                            options.audit_log);
        m_log.reset();
    }
    if (!m_log) {
        report_error(err,
                     error_code::k_cannot_write,
                     fmt::format("{}; no verdict was given", error),
                     options.audit_log);
        return ExitCode::cannot_write;
    }
    m_inputs.add_descriptor(m_log->descriptor());
    return std::nullopt;
}

std::optional<ExitCode> DecisionRecords::write_body_map(const RulePack& pack,
                                                        const Profile& profile,
                                                        const Report& report,
                                                        std::ostream& err) const {
    if (m_options->body_map.empty()) {
        return std::nullopt;
    }
    if (auto error = write_file_whole(
            m_options->body_map, render_body_map_svg(pack, profile, report), m_inputs)) {
        report_error(err,
                     error_code::k_cannot_write,
                     fmt::format("cannot write the body map {}: {}; no verdict was given",
                                 m_options->body_map,
                                 *error),
                     m_options->body_map);
        return ExitCode::cannot_write;
    }
    return std::nullopt;
}

std::optional<ExitCode> DecisionRecords::log(const RulePack& pack,
                                             const Profile& profile,
                                             const Report& report,
                                             CalendarDate today,
                                             std::ostream& err) {
    if (!m_log) {
        return std::nullopt;
    }
    const std::string now = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
    if (auto error = m_log->append(
            audit_record(pack, profile, report, now, today, m_options->audit_include_profile),
            err)) {
        report_error(err,
                     error_code::k_cannot_write,
                     fmt::format("{}; the verdict above was shown but not logged", *error),
                     m_options->audit_log);
        return ExitCode::cannot_write;
    }
    return std::nullopt;
}

namespace {

// The profile's own `id`, shown in a text report's first line only when it fits there.
constexpr std::size_t k_longest_id_in_text = 40;

void print_report(const RulePack& pack,
                  const Profile& profile,
                  const std::optional<std::string>& id,
                  const Report& report,
                  const CheckOptions& options,
                  std::ostream& out,
                  const Environment& environment) {
    const std::vector<RuleExplanation> explanations =
        options.explain ? explain(pack, profile, options.explain_all)
                        : std::vector<RuleExplanation>{};
    if (options.format == OutputFormat::json) {
        if (options.explain_only) {
            write_json(explanation_to_json(pack, explanations), out);
        } else {
            nlohmann::ordered_json json =
                id ? nlohmann::ordered_json{{"id", *id}} : nlohmann::ordered_json::object();
            json.update(report_to_json(pack, report));
            if (options.explain) {
                json["explanation"] = explanation_to_json(pack, explanations);
            }
            write_json(json, out);
        }
    } else {
        if (id && id->size() <= k_longest_id_in_text && !options.explain_only) {
            fmt::print(out, "Client {}\n", escape_controls(*id));
        }
        TextOptions text = text_options(options, environment);
        // The explanation comes after the report; the closing instruction comes after both.
        text.closing_instruction = !options.explain;
        if (!options.explain_only) {
            render_text(pack, report, text, out);
        }
        if (options.explain) {
            fmt::print(out,
                       "{}{}\n",
                       options.explain_only ? "" : "\n",
                       wrap("Why each rule fired or could fire ([yes] true, [no] false, [ ? ] "
                            "unknown)",
                            0,
                            text.width));
            render_explanation_text(pack, explanations, text.width, out);
            if (!options.explain_only) {
                render_closing_instruction(report, text, out);
            }
        }
    }
}

} // namespace

namespace {

// The answers and output options shared by `check` and `explain`.
void add_profile_options(CLI::App& command,
                         const RulePack& pack,
                         CheckOptions& options,
                         bool with_answers) {
    command
        .add_option("profile",
                    options.profile_path,
                    "Profile file, YAML or JSON (- reads standard input); options override it")
        ->type_name("PROFILE");
    command
        .add_option_function<std::string>(
            "--format",
            [&options](const std::string& format) {
                options.format = format == "json" ? OutputFormat::json : OutputFormat::text;
            },
            "Output: text for a person, json for a program")
        ->check(CLI::IsMember({"text", "json"}))
        ->option_text("text|json (default: text)");
    command
        .add_option_function<std::string>(
            "--input-format",
            [&options](const std::string& format) { options.fhir_input = format == "fhir"; },
            "The profile file: a YAML or JSON mapping of fact ids to answers, or a FHIR R4 "
            "QuestionnaireResponse to the questions of 'contra questions --format fhir'")
        ->check(CLI::IsMember({"profile", "fhir"}))
        ->option_text("profile|fhir (default: profile)");
    command
        .add_option_function<std::string>(
            "--color,--colour",
            [&options](const std::string& mode) {
                options.colour = mode == "always"  ? ColourMode::always
                                 : mode == "never" ? ColourMode::never
                                                   : ColourMode::automatic;
            },
            "Colour in text output; auto means on a terminal, unless NO_COLOR is set")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->option_text("auto|always|never (default: auto)");
    add_answer_options(command, pack, options, with_answers);
    command.add_flag("--all",
                     options.explain_all,
                     "With --explain: explain every rule, also those that do not fire");
}

} // namespace

void add_report_detail_options(CLI::App& command, CheckOptions& options) {
    CLI::Option* brief = command.add_flag(
        "--brief",
        options.brief,
        "Text: only the verdict, what to do and where (for incomplete: also the questions to ask)");
    const std::vector<CLI::Option*> details{
        command.add_flag("--why", options.why, "Text: add each finding's reasons and sources"),
        command.add_flag("--all-questions",
                         options.all_questions,
                         "Text: list every open question, not only the three most serious"),
        command.add_flag("--verbose",
                         options.verbose,
                         "Text: everything: reasons, sources, every open question and the "
                         "answers assumed")};
    // The help text lists them sorted (HelpFormatter), not in CLI11's order of their addresses.
    for (CLI::Option* detail : details) {
        brief->excludes(detail);
    }
}

void add_check_options(CLI::App& command,
                       const RulePack& pack,
                       CheckOptions& options,
                       bool with_answers) {
    add_profile_options(command, pack, options, with_answers);
    add_report_detail_options(command, options);
    command.add_flag("--explain",
                     options.explain,
                     "Add why each rule fired or could fire: its condition as a tree, each part "
                     "marked yes, no or ? with the answers that decided it");
}

void add_explain_options(CLI::App& command,
                         const RulePack& pack,
                         CheckOptions& options,
                         bool with_answers) {
    options.explain = true;
    options.explain_only = true;
    add_profile_options(command, pack, options, with_answers);
}

namespace {

// The profile a check starts from: the file's answers, or none when every answer is an option.
OrError<Profile> starting_profile(const RulePack& pack,
                                  const CheckOptions& options,
                                  std::istream& in,
                                  std::ostream& err,
                                  std::optional<std::string>& id) {
    if (!options.profile_path.empty()) {
        return read_profile_file(pack, options.profile_path, options.fhir_input, in, err, &id);
    }
    if (options.set_answers.empty() && options.option_answers.empty()) {
        report_error(err,
                     error_code::k_usage,
                     "nothing to check: give a profile file (- for standard input) or answers "
                     "as options; see 'contra check --help'");
        return ExitCode::usage;
    }
    return empty_profile(pack);
}

// Answers saved from an interview stopped part-way, or a FHIR response in progress, leave
// questions unasked that could change the verdict (the FHIR reader has warned already).
void mark_unfinished(const Profile& profile, bool fhir_input, Report& report, std::ostream& err) {
    if (!profile.unfinished) {
        return;
    }
    if (!fhir_input) {
        fmt::print(err,
                   "contra: note: these answers are from an interview stopped part-way ({}: "
                   "unfinished); questions that could change the verdict were not asked\n",
                   k_unfinished_key);
    }
    hold_unfinished(profile, report);
}

} // namespace

Outcome run_check(const RulePack& pack,
                  const CheckOptions& options,
                  std::istream& in,
                  std::ostream& out,
                  std::ostream& err,
                  const Environment& environment) {
    std::optional<std::string> id; // the profile's own `id`, echoed as batch echoes a record's
    OrError<Profile> start = starting_profile(pack, options, in, err, id);
    if (const auto* error = std::get_if<ExitCode>(&start)) {
        return *error;
    }
    Profile& dated = std::get<Profile>(start);
    const CalendarDate today = today_or_local(options.today);
    if (const auto error = apply_answer_options(pack, options, today, dated, err)) {
        return *error;
    }
    Profile profile; // the answers as they stand today
    Report report = evaluate_on(pack, dated, today, &profile);
    mark_unfinished(profile, options.fhir_input, report, err);
    // The audit log is opened before anything is shown, so a log that cannot be written stops
    // the run before a verdict; the record is appended only once everything shown was written.
    DecisionRecords records;
    if (const auto error =
            records.open(options, run_inputs(options.profile_path, options.rules_dir), err)) {
        return *error;
    }
    if (const auto error = records.write_body_map(pack, profile, report, err)) {
        return *error;
    }
    print_report(pack, profile, id, report, options, out, environment);
    if (ErrorReport* errors = ErrorReport::of(err)) {
        errors->result_shown();
    }
    if (!output_written(out, err, records.logging() ? "; the decision was not logged" : "")) {
        return ExitCode::cannot_write;
    }
    if (const auto error = records.log(pack, dated, report, today, err)) {
        return *error;
    }
    return Outcome::of(report.verdict);
}

} // namespace contra::cli

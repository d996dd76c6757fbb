#include "cli/interview_command.hpp"

#include "cli/answer_dates.hpp"
#include "cli/checked_output.hpp"
#include "cli/exit_codes.hpp"
#include "cli/interview_answers.hpp"
#include "cli/output_file.hpp"
#include "cli/pack_choice.hpp"
#include "cli/profile_file.hpp"
#include "engine/interview.hpp"
#include "engine/interview_order.hpp"
#include "engine/interview_turn.hpp"
#include "input/profile_reader.hpp"
#include "model/fact_value.hpp"
#include "output/answer_json.hpp"
#include "output/audit_record.hpp"
#include "output/render_json.hpp"
#include "output/render_text.hpp"
#include "util/terminal_text.hpp"
#include "util/word_wrap.hpp"

#include <fmt/ostream.h>

#include <csetjmp>
#include <csignal>
#include <cstdlib>
#include <editline/readline.h>
#include <filesystem>
#include <istream>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace contra::cli {
namespace {

// libedit's completion is a C callback: the words it completes from live here while a question
// is on screen.
std::vector<std::string> g_completion_words;

char* next_completion(const char* text, int state) {
    static std::size_t index = 0;
    if (state == 0) {
        index = 0;
    }
    const std::string_view prefix(text);
    while (index < g_completion_words.size()) {
        const std::string& word = g_completion_words[index++];
        if (word.starts_with(prefix)) {
            return strdup(word.c_str()); // NOLINT: libedit frees it with free()
        }
    }
    return nullptr;
}

char** complete(const char* text, int /*start*/, int /*end*/) {
    rl_attempted_completion_over = 1;
    return rl_completion_matches(text, next_completion);
}

// Ctrl-C while a question is on screen: libedit would otherwise end the process and lose the
// answers. The handler leaves readline (the terminal is already restored by libedit's own
// handler) so that the interview can say what happens to them.
sigjmp_buf g_interrupt_jump;
volatile std::sig_atomic_t g_jump_armed = 0;
volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_interrupt(int /*signal*/) {
    g_interrupted = 1;
    if (g_jump_armed != 0) {
        g_jump_armed = 0;
        siglongjmp(g_interrupt_jump, 1); // NOLINT: the only way out of readline
    }
}

class InterruptGuard {
  public:
    InterruptGuard() {
        struct sigaction action {};
        action.sa_handler = on_interrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_previous);
    }
    ~InterruptGuard() { sigaction(SIGINT, &m_previous, nullptr); }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

  private:
    struct sigaction m_previous {};
};

class LineInput {
  public:
    LineInput(std::istream& in, std::ostream& out, bool terminal)
        : m_in(in), m_out(out), m_terminal(terminal) {
        if (m_terminal) {
            rl_attempted_completion_function = complete;
            rl_basic_word_break_characters = const_cast<char*>(" \t\n,"); // NOLINT: C API
        }
    }

    std::optional<std::string> read(const std::string& prompt) {
        m_out.flush();
        if (!m_terminal) {
            fmt::print(m_out, "{}", prompt);
            std::string line;
            if (g_interrupted != 0 || !std::getline(m_in, line)) {
                return std::nullopt;
            }
            return line;
        }
        char* raw = nullptr;
        if (sigsetjmp(g_interrupt_jump, 1) == 0) {
            g_jump_armed = 1;
            raw = readline(prompt.c_str());
        }
        g_jump_armed = 0;
        const std::unique_ptr<char, decltype(&std::free)> line(raw, &std::free);
        if (!line) {
            return std::nullopt;
        }
        if (*line != '\0') {
            add_history(line.get());
        }
        return std::string(line.get());
    }

  private:
    std::istream& m_in;
    std::ostream& m_out;
    bool m_terminal;
};

std::string choices_hint(const RulePack& pack, const Fact& fact) {
    switch (fact.type) {
    case FactType::yes_no:
        return "y yes, n no";
    case FactType::enumeration: {
        std::string hint;
        for (std::size_t i = 0; i < fact.values.size(); ++i) {
            hint += fmt::format("{}{} {}", i == 0 ? "" : ", ", i + 1, fact.values[i]);
        }
        return hint;
    }
    case FactType::number:
        return fmt::format("a number from {} to {}{}{}",
                           format_number(fact.min),
                           format_number(fact.max),
                           fact.unit.empty() ? "" : " " + fact.unit,
                           fact.allow_none ? ", or none" : "");
    case FactType::site_list:
        return fmt::format("sites separated by commas (Tab completes), n none; e.g. {}",
                           pack.sites.leaves().front().id);
    }
    return {};
}

// `?`: why the question is asked, in the pack's words, and the rules its answer can change,
// by title.
void explain_question(const RulePack& pack,
                      const Interview& interview,
                      const InterviewQuestion& question,
                      std::size_t width,
                      std::ostream& out) {
    std::vector<std::uint32_t> facts{question.index};
    if (question.is_screening) {
        facts = pack.screening[question.index].facts;
    }
    std::vector<bool> named(pack.rules.size(), false);
    for (const std::uint32_t fact : facts) {
        const Fact& asked = pack.facts[fact];
        if (question.is_screening) {
            fmt::print(out, "  - {}\n", wrap(asked.question, 4, width));
        }
        fmt::print(out,
                   "  Why we ask: {}\n",
                   wrap(asked.why.empty() ? "the rule pack gives no reason" : asked.why,
                        4,
                        width,
                        std::string_view("  Why we ask: ").size()));
        for (const std::uint32_t rule : interview.rules_at_stake(fact)) {
            if (!named[rule]) {
                named[rule] = true;
                const std::string change = fmt::format(
                    "{} ({})", pack.rules[rule].title, to_string(pack.rules[rule].level));
                fmt::print(
                    out,
                    "  Your answer can change: {}\n",
                    wrap(change, 4, width, std::string_view("  Your answer can change: ").size()));
            }
        }
    }
}

// The one place the answers are written (see --save); `unfinished` marks an interview that was
// stopped before its end, which check then reports as incomplete.
bool save_profile(const RulePack& pack,
                  const Profile& dated,
                  bool unfinished,
                  CalendarDate today,
                  const std::string& path,
                  const RunInputs& inputs,
                  std::ostream& err) {
    std::ostringstream text;
    write_json(saved_profile_json(pack, dated, unfinished, today), text);
    if (auto error = write_file_whole(path, text.str(), inputs)) {
        fmt::print(err,
                   "contra: error: cannot save the answers to {}: {}\n",
                   escape_controls(path),
                   escape_controls(*error));
        return false;
    }
    return true;
}

// --save is checked before the first question: answers are not collected only to be lost.
std::optional<std::string>
check_save_target(const std::string& path, bool force, const RunInputs& inputs) {
    namespace fs = std::filesystem;
    if (auto problem = output_target_problem(path, inputs)) {
        return fmt::format("cannot save the answers to {}: {}", path, *problem);
    }
    std::error_code error;
    const fs::path target(path);
    if (fs::exists(fs::symlink_status(target, error)) && !force) {
        return fmt::format("{} already exists; choose another file, or add --force to replace it",
                           path);
    }
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, error) || access(folder.c_str(), W_OK) != 0) {
        return fmt::format("cannot save the answers to {}: the folder {} is missing or not "
                           "writable",
                           path,
                           folder.string());
    }
    return std::nullopt;
}

std::string prompt_hint(const RulePack& pack, const InterviewQuestion& question) {
    if (question.is_screening) {
        return "y yes to any, n none of these, u not sure";
    }
    return choices_hint(pack, pack.facts[question.index]);
}

// Shows the question and returns the line typed at it, or nullopt when input ended.
std::optional<std::string> show_question(const RulePack& pack,
                                         const Interview& interview,
                                         const InterviewQuestion& question,
                                         LineInput& input,
                                         std::size_t width,
                                         std::ostream& out) {
    const std::string id =
        question.is_screening ? pack.screening[question.index].id : pack.facts[question.index].id;
    const std::string text = question.is_screening ? pack.screening[question.index].question
                                                   : pack.facts[question.index].question;
    g_completion_words.clear();
    if (!question.is_screening) {
        const Fact& fact = pack.facts[question.index];
        g_completion_words = fact.type == FactType::site_list ? pack.sites.all_ids() : fact.values;
    }
    // Laid out to the terminal's width, so that no word is broken across lines.
    const std::string number = fmt::format("{}. ", interview.question_number());
    const std::string hint =
        fmt::format("({}; could reach {})", prompt_hint(pack, question), to_string(question.reach));
    fmt::print(out,
               "\n{}{}\n   {}\n",
               number,
               wrap(text, 3, width, number.size()),
               wrap(hint, 4, width, 3));
    return input.read(fmt::format("{}> ", id));
}

// Asks the questions until none is left that could change the outcome; returns true when the
// practitioner stopped it first (Ctrl-C, Ctrl-D).
bool ask_questions(const RulePack& pack,
                   Interview& interview,
                   LineInput& input,
                   std::size_t width,
                   std::ostream& out) {
    while (const auto question = interview.next_question()) {
        const auto line = show_question(pack, interview, *question, input, width, out);
        if (!line) {
            return true;
        }
        const Turn turn = take_turn(pack, interview, *question, *line);
        if (turn.result == TurnResult::explain) {
            explain_question(pack, interview, *question, width, out);
        } else if (turn.result == TurnResult::no_earlier_answer) {
            fmt::print(out, "  (no earlier answer)\n");
        } else if (turn.result == TurnResult::not_an_answer) {
            fmt::print(out, "  {}\n", wrap(turn.message, 2, width));
        }
    }
    return false;
}

// Ctrl-C or Ctrl-D part-way: the answers are kept and the practitioner is told where.
void report_stop(const InterviewOptions& options,
                 const Interview& interview,
                 std::size_t width,
                 std::ostream& out) {
    const std::size_t given = interview.question_number() - 1;
    const std::string message =
        options.save.empty()
            ? fmt::format("Interview stopped before its end: the {} answer(s) given were NOT "
                          "saved (no --save FILE). The verdict below is from those answers only.",
                          given)
            : fmt::format("Interview stopped before its end: the {} answer(s) given are saved to "
                          "{}, marked unfinished ('contra interview {}' goes on from them; "
                          "'contra check' reports them as incomplete).",
                          given,
                          options.save,
                          options.save);
    fmt::print(out, "\n\n{}\n", wrap(message, 0, width));
}

} // namespace

void add_interview_options(CLI::App& command,
                           const RulePack& pack,
                           InterviewOptions& options,
                           bool with_answers) {
    command.add_option("profile", options.start, "Start from the answers in this profile")
        ->type_name("PROFILE");
    command
        .add_option("--save",
                    options.save,
                    "Save the answers as a JSON profile (checked before the first question; "
                    "also on Ctrl-C or Ctrl-D, marked unfinished)")
        ->type_name("FILE");
    command.add_flag("--force", options.force, "With --save: replace an existing file");
    add_answer_options(command, pack, options.answers, with_answers);
    add_report_detail_options(command, options.answers);
    command.footer(
        "Keys: y yes, n no (none for a list or a choice with 'none', 'none' for a number that "
        "allows it), u unknown (not asked again; the pack's cautious assumption stands), ? why it "
        "is asked, b back to the previous question; a choice by number or name prefix; a number "
        "as digits; sites by name, Tab completes. A screening question (several signs at once): "
        "n none of them, y asks each in turn, u leaves each unknown. The report is printed at "
        "the end. Ctrl-C or Ctrl-D stops: with --save the answers so far are saved, marked "
        "unfinished.");
}

namespace {

// Everything checked before the first question: the --save target, the starting answers, the
// audit log. Returns the error (reported) that stops the interview before it starts.
std::optional<ExitCode> prepare(const RulePack& pack,
                                const InterviewOptions& options,
                                std::istream& in,
                                CalendarDate today,
                                std::ostream& err,
                                Profile& start,
                                DecisionRecords& records) {
    const RunInputs inputs = run_inputs(options.start, options.answers.rules_dir);
    if (!options.save.empty()) {
        if (auto problem = check_save_target(options.save, options.force, inputs)) {
            fmt::print(
                err, "contra: error: {}; no question was asked\n", escape_controls(*problem));
            return ExitCode::cannot_write;
        }
    }
    if (!options.start.empty()) {
        OrError<Profile> read = read_profile_file(pack, options.start, false, in, err);
        if (const auto* error = std::get_if<ExitCode>(&read)) {
            return *error;
        }
        start = std::move(std::get<Profile>(read));
    }
    if (const auto error = apply_answer_options(pack, options.answers, today, start, err)) {
        return error;
    }
    return records.open(options.answers, inputs, err);
}

// Shows the report and writes what was asked for: the body map, the saved answers, the audit
// line. Returns the first failure (reported); an emergency is shown even after one.
std::optional<ExitCode> record_outcome(const RulePack& pack,
                                       const InterviewOptions& options,
                                       const Interview& interview,
                                       const Profile& dated,
                                       const Report& report,
                                       bool stopped,
                                       CalendarDate today,
                                       DecisionRecords& records,
                                       std::ostream& out,
                                       std::ostream& err,
                                       const Environment& environment) {
    std::optional<ExitCode> failure =
        records.write_body_map(pack, interview.profile(), report, err);
    if (!failure || report.verdict == Verdict::emergency) {
        fmt::print(out, "\n");
        render_text(pack, report, text_options(options.answers, environment), out);
        if (!output_written(out, err)) {
            failure = ExitCode::cannot_write;
        }
    }
    if (!options.save.empty() &&
        !save_profile(pack, dated, stopped, today, options.save, records.inputs(), err)) {
        failure = ExitCode::cannot_write;
    }
    if (!failure) {
        failure = records.log(pack, dated, report, today, err);
    }
    return failure;
}

} // namespace

Outcome run_interview(const RulePack& pack,
                      const InterviewOptions& options,
                      std::istream& in,
                      std::ostream& out,
                      std::ostream& err,
                      const Environment& environment) {
    // One day for the whole run, even one that goes on past midnight: the answers are dated,
    // judged, saved and logged on the same day.
    const CalendarDate today = today_or_local(options.answers.today);
    Profile start = empty_profile(pack);
    DecisionRecords records;
    if (const auto error = prepare(pack, options, in, today, err, start, records)) {
        return *error;
    }
    const KeptAnswers kept = keep_valid_answers(pack, start, today);
    Interview interview(pack, kept.current);
    const InterruptGuard interrupts;
    g_interrupted = 0;
    LineInput input(in, out, environment.stdin_is_terminal);
    fmt::print(out,
               "{}\nKeys: y yes, n no/none, u unknown, ? why, b back.\n",
               wrap("contra interview: the questions whose answer can change the verdict, most "
                    "serious first.",
                    0,
                    environment.width));
    announce_kept(pack, kept, today, out);
    const bool stopped = ask_questions(pack, interview, input, environment.width, out);
    if (stopped) {
        report_stop(options, interview, environment.width, out);
    }
    Report report = final_report(interview, stopped);
    add_kept_to_report(kept, interview.profile(), report);
    const Profile dated = dated_answers(kept, interview.profile(), today);
    const auto failure = record_outcome(
        pack, options, interview, dated, report, stopped, today, records, out, err, environment);
    // An emergency is never hidden behind a failed write; the failure is reported above.
    if (failure && report.verdict != Verdict::emergency) {
        return *failure;
    }
    return Outcome::of(report.verdict);
}

} // namespace contra::cli

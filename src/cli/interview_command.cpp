#include "cli/interview_command.hpp"

#include "cli/exit_codes.hpp"
#include "cli/output_file.hpp"
#include "cli/pack_choice.hpp"
#include "cli/profile_file.hpp"
#include "contra/audit_record.hpp"
#include "contra/fact_value.hpp"
#include "contra/interview.hpp"
#include "contra/render_json.hpp"
#include "contra/render_text.hpp"

#include <fmt/ostream.h>

#include <cstdlib>
#include <editline/readline.h>
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
            if (!std::getline(m_in, line)) {
                return std::nullopt;
            }
            return line;
        }
        const std::unique_ptr<char, decltype(&std::free)> line(readline(prompt.c_str()),
                                                               &std::free);
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

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

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
                           fact.min,
                           fact.max,
                           fact.unit.empty() ? "" : " " + fact.unit,
                           fact.allow_none ? ", or none" : "");
    case FactType::site_list:
        return fmt::format("sites separated by commas (Tab completes), n none; e.g. {}",
                           pack.sites.leaves().front().id);
    }
    return {};
}

// The answer typed for `fact`: a single key, a number or a name prefix for a choice, sites.
ParsedAnswer read_answer(const RulePack& pack, const Fact& fact, const std::string& typed) {
    std::string text = typed;
    if (fact.type == FactType::yes_no) {
        text = typed == "y" ? "yes" : typed == "n" ? "no" : typed;
    } else if (fact.type == FactType::site_list ||
               (fact.type == FactType::number && fact.allow_none)) {
        text = typed == "n" ? "none" : typed;
    } else if (fact.type == FactType::enumeration) {
        const auto has_none =
            std::find(fact.values.begin(), fact.values.end(), "none") != fact.values.end();
        if (typed == "n" && has_none) {
            text = "none";
        } else if (!typed.empty() && typed.find_first_not_of("0123456789") == std::string::npos) {
            const auto number = std::stoul(typed.substr(0, 6));
            if (number >= 1 && number <= fact.values.size()) {
                text = fact.values[number - 1];
            }
        } else {
            std::vector<std::string> matches;
            for (const std::string& value : fact.values) {
                if (value.starts_with(typed)) {
                    matches.push_back(value);
                }
            }
            if (matches.size() == 1) {
                text = matches.front();
            }
        }
    }
    return parse_answer(pack.sites, fact, text);
}

void explain_question(const RulePack& pack,
                      const Interview& interview,
                      std::uint32_t fact,
                      std::ostream& out) {
    const Fact& question = pack.facts[fact];
    fmt::print(
        out, "  Why: {}\n", question.why.empty() ? "the pack gives no reason" : question.why);
    for (const CouldFire& could_fire : interview.report().could_fire) {
        if (std::find(could_fire.needs.begin(), could_fire.needs.end(), fact) !=
            could_fire.needs.end()) {
            fmt::print(out,
                       "  It settles {} ({}): {}\n",
                       pack.rules[could_fire.rule].id,
                       to_string(could_fire.level),
                       pack.rules[could_fire.rule].title);
        }
    }
}

bool save_profile(const RulePack& pack,
                  const Profile& profile,
                  const InterviewOptions& options,
                  std::ostream& err) {
    RunInputs inputs;
    if (options.start == "-") {
        inputs.add_descriptor(STDIN_FILENO);
    } else if (!options.start.empty()) {
        inputs.add_path(options.start);
    }
    if (!options.rules_dir.empty()) {
        inputs.add_folder(options.rules_dir);
    }
    std::ostringstream json;
    write_json(answers_to_json(pack, profile), json);
    if (auto error = write_file_whole(options.save, json.str(), inputs)) {
        fmt::print(err, "contra: error: cannot save the answers to {}: {}\n", options.save, *error);
        return false;
    }
    return true;
}

} // namespace

CLI::App* setup_interview(CLI::App& app, InterviewOptions& options) {
    CLI::App* command = app.add_subcommand(
        "interview",
        "Ask the client, in the terminal, only the questions that can still change the verdict");
    command->add_option("profile", options.start, "Start from the answers in this profile")
        ->type_name("PROFILE");
    command->add_option("--save", options.save, "At the end, save the answers (a JSON profile)")
        ->type_name("FILE");
    add_pack_options(*command, options.rules_dir, options.pack_sha256);
    command->footer("Keys: y yes, n no (or none), u unknown (not asked again), ? why it is asked, "
                    "b back to the previous question; a choice by number or name prefix; sites by "
                    "name, Tab completes. The report is printed at the end.");
    return command;
}

int run_interview(const RulePack& pack,
                  const InterviewOptions& options,
                  std::istream& in,
                  std::ostream& out,
                  std::ostream& err,
                  const Environment& environment) {
    Profile start = empty_profile(pack);
    if (!options.start.empty()) {
        int code = 0;
        auto read = read_profile_file(pack, options.start, false, in, err, code);
        if (!read) {
            return code;
        }
        start = std::move(*read);
    }
    Interview interview(pack, std::move(start));
    LineInput input(in, out, environment.stdin_is_terminal);
    fmt::print(out,
               "contra interview: only questions that can change the verdict, most serious "
               "first.\nKeys: y yes, n no/none, u unknown, ? why, b back.\n");
    int asked = 0;
    while (const auto fact_index = interview.next_question()) {
        const Fact& fact = pack.facts[*fact_index];
        g_completion_words = fact.type == FactType::site_list ? pack.sites.all_ids() : fact.values;
        fmt::print(out,
                   "\n{}. {}\n   ({}; could raise the verdict to {})\n",
                   ++asked,
                   fact.question,
                   choices_hint(pack, fact),
                   to_string(interview.reach(*fact_index)));
        const auto line = input.read(fmt::format("{}> ", fact.id));
        if (!line) {
            fmt::print(out, "\n(end of input: the remaining questions stay unanswered)\n");
            break;
        }
        const std::string typed = trimmed(*line);
        if (typed == "?") {
            explain_question(pack, interview, *fact_index, out);
            --asked;
        } else if (typed == "b") {
            if (!interview.back()) {
                fmt::print(out, "  (no earlier answer)\n");
            }
            --asked;
        } else if (typed == "u") {
            interview.skip(*fact_index);
        } else {
            ParsedAnswer answer = read_answer(pack, fact, typed);
            if (answer.value) {
                interview.answer(*fact_index, *answer.value);
            } else {
                fmt::print(out, "  {}\n", answer.error);
                --asked;
            }
        }
    }
    fmt::print(out, "\n");
    render_text(pack,
                interview.report(),
                TextOptions{environment.stdout_is_terminal && !environment.no_color},
                out);
    if (!options.save.empty() && !save_profile(pack, interview.profile(), options, err)) {
        return to_int(ExitCode::cannot_write);
    }
    return exit_code(interview.report().verdict);
}

} // namespace contra::cli

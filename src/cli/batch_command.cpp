#include "cli/batch_command.hpp"

#include "batch/batch_result.hpp"
#include "batch/batch_runner.hpp"
#include "batch/column_map.hpp"
#include "batch/csv_layout.hpp"
#include "batch/csv_records.hpp"
#include "batch/text_record_sources.hpp"
#include "cli/answer_dates.hpp"
#include "cli/batch_progress.hpp"
#include "cli/batch_signals.hpp"
#include "cli/exit_codes.hpp"
#include "cli/pack_choice.hpp"
#include "cli/usable_cpus.hpp"
#include "util/file_text.hpp"

#include <fmt/ostream.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace contra::cli {
namespace {

std::string detect_format(const std::string& input, std::istream& in) {
    const std::string extension = std::filesystem::path(input).extension().string();
    if (extension == ".csv") {
        return "csv";
    }
    if (extension == ".ndjson" || extension == ".jsonl" || extension == ".json") {
        return "ndjson";
    }
    if (extension == ".yaml" || extension == ".yml") {
        return "yaml";
    }
    // Standard input, or a name that says nothing: NDJSON when it starts with an object.
    while (in && std::isspace(in.peek()) != 0) {
        in.get();
    }
    return in.peek() == '{' ? "ndjson" : "yaml";
}

// ", 1 do_not_massage, 2 incomplete, 1 error": each verdict that occurred, and the errors.
std::string counts_text(const BatchSummary& summary) {
    std::string counts;
    for (std::size_t i = 0; i < summary.verdicts.size(); ++i) {
        if (summary.verdicts[i] > 0) {
            counts +=
                fmt::format(", {} {}", summary.verdicts[i], to_string(static_cast<Verdict>(i)));
        }
    }
    return counts + fmt::format(", {} error{}", summary.errors, summary.errors == 1 ? "" : "s");
}

std::string summary_line(const BatchSummary& summary, double seconds) {
    return fmt::format("contra batch: {} profiles in {:.2f} s ({:.0f}/s){}\n",
                       summary.records(),
                       seconds,
                       seconds > 0 ? static_cast<double>(summary.records()) / seconds : 0.0,
                       counts_text(summary));
}

Outcome outcome_of(const BatchSummary& summary) {
    const auto worst = outcome_of_rank(summary.worst_rank);
    return worst ? Outcome::of(*worst) : Outcome(ExitCode::bad_profile);
}

OrError<ColumnMap>
load_column_map(const RulePack& pack, const std::string& path, std::ostream& err) {
    FileText file = read_file_text(path);
    if (!file.error.empty()) {
        fmt::print(err, "contra: error: {}\n", file.error);
        return file.too_large ? ExitCode::bad_profile : ExitCode::no_input;
    }
    Diagnostics diagnostics;
    auto map = read_column_map(pack, std::move(file.text), path, diagnostics);
    if (!map) {
        fmt::print(err,
                   "{}contra: error: the column map is invalid; nothing was checked\n",
                   diagnostics.format());
        return ExitCode::bad_profile;
    }
    return std::move(*map);
}

// Opens the input file; prints why not (the system's reason) and returns false.
bool open_input(const std::string& path, std::ifstream& file, std::ostream& err) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        fmt::print(err, "contra: error: cannot read {}: {}\n", path, std::strerror(EISDIR));
        return false;
    }
    errno = 0;
    file.open(path, std::ios::binary);
    if (!file) {
        fmt::print(err,
                   "contra: error: cannot read {}: {}\n",
                   path,
                   std::strerror(errno != 0 ? errno : EIO));
        return false;
    }
    return true;
}

unsigned default_jobs() {
    return std::min(usable_cpus(), k_max_batch_jobs);
}

void report_thread_shortfall(const BatchRun& run, unsigned jobs, std::ostream& err) {
    if (run.thread_error.empty()) {
        return;
    }
    if (run.threads == 0) {
        fmt::print(err,
                   "contra batch: no worker thread could start ({}); checked on one thread\n",
                   run.thread_error);
    } else {
        fmt::print(err,
                   "contra batch: only {} of {} worker threads could start ({}); checked with {}\n",
                   run.threads,
                   jobs,
                   run.thread_error,
                   run.threads);
    }
}

// A batch that did not finish: never a summary that reads as success.
Outcome report_early_end(const BatchRun& run, std::ostream& err) {
    if (run.end == BatchEnd::output_failed) {
        // The reader of a pipe went away (SIGPIPE ignored, or it would have ended contra):
        // quietly, as `head` expects of a writer.
        if (run.output_error != std::errc::broken_pipe) {
            fmt::print(
                err, "contra: cannot write standard output: {}\n", run.output_error.message());
        }
        return ExitCode::cannot_write;
    }
    const int signal = StopOnSignals::received().load();
    fmt::print(err,
               "contra batch: stopped by {} after {} profiles{}, each written whole; the rest "
               "of the input was not checked\n",
               signal == SIGINT    ? "SIGINT"
               : signal == SIGTERM ? "SIGTERM"
                                   : "a signal",
               run.summary.records(),
               counts_text(run.summary));
    return Outcome::stopped_by(signal);
}

// The profiles a batch reads: the input, the format it is in and how each record becomes a
// profile. It stays where it is made: the reader and the CSV layout point into it.
struct BatchInput {
    std::ifstream file;
    bool from_stdin = false;
    std::string name; ///< for messages: the file, or <stdin>
    std::string format;
    std::optional<ColumnMap> map; // the layout points into it
    std::optional<CsvLayout> layout;
    std::unique_ptr<RecordSource> source;
    RecordReader read;

    BatchInput() = default;
    BatchInput(const BatchInput&) = delete;
    BatchInput& operator=(const BatchInput&) = delete;
};

// CSV: the header row, named by fact ids or through the column map of --columns.
std::optional<ExitCode> open_csv(BatchInput& batch,
                                 const RulePack& pack,
                                 const BatchOptions& options,
                                 std::istream& input,
                                 std::ostream& err) {
    if (!options.columns.empty()) {
        OrError<ColumnMap> map = load_column_map(pack, options.columns, err);
        if (const auto* error = std::get_if<ExitCode>(&map)) {
            return *error;
        }
        batch.map.emplace(std::move(std::get<ColumnMap>(map)));
    }
    const TextEncoding encoding =
        text_encoding_named(options.encoding).value_or(TextEncoding::utf8);
    BatchRecord header;
    batch.source = csv_records(input, header, encoding);
    Diagnostics diagnostics;
    batch.layout = CsvLayout::from_header(
        pack, header, batch.map ? &*batch.map : nullptr, encoding, batch.name, diagnostics);
    if (!batch.layout) {
        fmt::print(err,
                   "{}contra: error: the CSV header is invalid; nothing was checked\n",
                   diagnostics.format());
        return ExitCode::bad_profile;
    }
    batch.read = [&pack, &batch](const BatchRecord& record) {
        return batch.layout->read(pack, record, batch.name);
    };
    return std::nullopt;
}

// Opens the input of `options` into `batch`; an error is reported and returned.
std::optional<ExitCode> open_batch_input(BatchInput& batch,
                                         const RulePack& pack,
                                         const BatchOptions& options,
                                         std::istream& in,
                                         std::ostream& err) {
    batch.from_stdin = options.input == "-";
    if (!batch.from_stdin && !open_input(options.input, batch.file, err)) {
        return ExitCode::no_input;
    }
    std::istream& input = batch.from_stdin ? in : batch.file;
    batch.name = batch.from_stdin ? "<stdin>" : options.input;
    batch.format =
        options.input_format == "auto" ? detect_format(options.input, input) : options.input_format;
    if (!options.columns.empty() && batch.format != "csv") {
        fmt::print(err, "contra: error: --columns applies to CSV input only\n");
        return ExitCode::usage;
    }
    if (options.encoding != "utf-8" && batch.format != "csv") {
        fmt::print(err,
                   "contra: error: --encoding applies to CSV input only; NDJSON, YAML and FHIR "
                   "are UTF-8\n");
        return ExitCode::usage;
    }
    if (batch.format == "csv") {
        return open_csv(batch, pack, options, input, err);
    }
    if (batch.format == "fhir") {
        batch.source = ndjson_records(input);
        batch.read = [&pack, &batch](const BatchRecord& record) {
            return read_fhir_record(pack, record, batch.name);
        };
    } else {
        batch.source =
            batch.format == "ndjson" ? ndjson_records(input) : yaml_stream_records(input);
        const ProfileSyntax syntax =
            batch.format == "ndjson" ? ProfileSyntax::json : ProfileSyntax::yaml;
        batch.read = [&pack, &batch, syntax](const BatchRecord& record) {
            return read_text_record(pack, record, batch.name, syntax);
        };
    }
    return std::nullopt;
}

} // namespace

void add_batch_options(CLI::App& command, BatchOptions& options) {
    CLI::App* batch = &command;
    batch->add_option("input", options.input, "The profiles: a file, or - for standard input")
        ->type_name("FILE");
    batch
        ->add_option("--input-format",
                     options.input_format,
                     "ndjson (one JSON object per line), yaml (documents separated by ---), or "
                     "csv (a header row of fact ids or mapped column names), or fhir (one FHIR "
                     "QuestionnaireResponse per line); auto goes by the file's extension, else "
                     "by its first character")
        ->check(CLI::IsMember({"auto", "ndjson", "yaml", "csv", "fhir"}))
        ->option_text("auto|ndjson|yaml|csv|fhir (default: auto)");
    batch
        ->add_option("--columns",
                     options.columns,
                     "For CSV: a YAML file mapping header texts to fact ids and a form's answer "
                     "texts to values, naming the id column and the columns to ignore or to copy "
                     "to each line under meta (docs/batch.md)")
        ->type_name("FILE");
    batch
        ->add_option("--encoding",
                     options.encoding,
                     "For CSV: the file's character encoding; a byte that is not in it makes its "
                     "record an error line, never a replacement character")
        ->transform(CLI::IsMember({"utf-8", "windows-1252", "latin-1"}, CLI::ignore_case))
        ->option_text("utf-8|windows-1252|latin-1 (default: utf-8)");
    batch
        ->add_option("--jobs,-j",
                     options.jobs,
                     "Threads to use, 1 to 64 (default: one per CPU this process may use); output "
                     "stays in input order")
        ->check(CLI::Range(1U, k_max_batch_jobs))
        ->type_name("N");
    batch
        ->add_option("--detail",
                     options.detail,
                     "full: each line is the whole report of check --format json; ids: the "
                     "verdict, sites and levels with rules and facts by id, without texts, "
                     "sources or questions (those are in rules/facts --format json)")
        ->check(CLI::IsMember({"full", "ids"}))
        ->option_text("full|ids (default: full)");
    add_pack_options(*batch, options.rules_dir, options.pack_sha256);
    add_today_option(*batch, options.today);
}

Outcome run_batch_command(const RulePack& pack,
                          const BatchOptions& options,
                          std::istream& in,
                          std::ostream& out,
                          std::ostream& err,
                          const Environment& environment) {
    BatchInput batch;
    if (const auto error = open_batch_input(batch, pack, options, in, err)) {
        return *error;
    }
    std::error_code ignored;
    const auto size = batch.from_stdin ? 0 : std::filesystem::file_size(options.input, ignored);
    BatchProgress progress(
        err, environment.stderr_is_terminal, size == static_cast<std::uintmax_t>(-1) ? 0 : size);
    const unsigned jobs = options.jobs > 0 ? options.jobs : default_jobs();
    FdOutput fd_output(environment.stdout_fd);
    StreamOutput stream_output(out);
    OutputSink& sink = environment.stdout_fd >= 0 ? static_cast<OutputSink&>(fd_output)
                                                  : static_cast<OutputSink&>(stream_output);
    out.flush(); // anything written through the stream goes before the results
    const StopOnSignals stop_on_signals;
    BatchSettings settings;
    settings.jobs = jobs;
    settings.detail = options.detail == "ids" ? ReportDetail::ids : ReportDetail::full;
    settings.today = today_or_local(options.today);
    settings.stop = &StopOnSignals::received();
    settings.on_progress = [&](const BatchSummary& so_far) { progress.update(so_far); };
    settings.on_warnings = [&](const std::string& warnings) {
        progress.finish(); // a warning stands on its own lines
        fmt::print(err, "{}", warnings);
    };
    const auto start = std::chrono::steady_clock::now();
    const BatchRun run = run_batch(pack, *batch.source, batch.read, sink, settings);
    progress.finish();
    report_thread_shortfall(run, jobs, err);
    if (run.end != BatchEnd::finished) {
        return report_early_end(run, err);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print(err, "{}", summary_line(run.summary, seconds));
    if (run.summary.records() == 0) {
        fmt::print(err, "contra: error: {} holds no profiles\n", batch.name);
    }
    return outcome_of(run.summary);
}

} // namespace contra::cli

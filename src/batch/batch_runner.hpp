#pragma once

#include "batch/batch_record.hpp"
#include "batch/record_profile.hpp"
#include "model/rule_pack.hpp"
#include "output/report_json_writer.hpp"
#include "util/calendar_date.hpp"
#include "util/output_sink.hpp"
#include "util/worker_pool.hpp"

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace contra {

/// Counts over a batch so far: only records whose result line was written.
struct BatchSummary {
    std::array<std::uint64_t, 6> verdicts{}; ///< by Verdict
    std::uint64_t errors = 0;
    std::uint64_t bytes_read = 0;
    int worst_rank = -1; ///< outcome_rank of the worst outcome; -1 when there was no record
    [[nodiscard]] std::uint64_t records() const;
};

/// Reads one record into a profile; called from several threads at once.
using RecordReader = std::function<RecordProfile(const BatchRecord&)>;

/// How a batch ended.
enum class BatchEnd {
    finished,      ///< every record was read, checked and written
    output_failed, ///< a write failed (BatchRun::output_error); nothing was checked after it
    stopped,       ///< `stop` was set (a signal); nothing after the last written line was kept
};

/// How to run a batch.
struct BatchSettings {
    unsigned jobs = 1;                        ///< threads that check (1: the calling thread)
    ReportDetail detail = ReportDetail::full; ///< what a result line carries
    CalendarDate today = local_today();       ///< the day the answers are checked on
    const std::atomic<int>* stop = nullptr;   ///< when set non-zero, the batch stops
    ThreadStarter start_thread;               ///< empty: std::thread
    std::function<void(const BatchSummary&)> on_progress; ///< after each chunk is written
    /// After each chunk is written, with the warnings of its records that were checked (an
    /// unfinished FHIR response), formatted, in input order.
    std::function<void(const std::string&)> on_warnings;
};

struct BatchRun {
    BatchSummary summary;
    BatchEnd end = BatchEnd::finished;
    std::error_code output_error;
    unsigned threads = 0;     ///< worker threads that ran (0: the calling thread alone)
    std::string thread_error; ///< why fewer than `jobs` threads started; empty if all did
};

/// Records are handed to the threads in chunks of at most this many records...
constexpr std::size_t k_batch_chunk_records = 256;
/// ...and at most this many bytes of input (a chunk holds at least one record, whatever its
/// size);
constexpr std::size_t k_batch_chunk_bytes = std::size_t{1} << 20;
/// and the chunks queued or being checked hold at most this many bytes of input together (and
/// at most `jobs` chunks), so memory does not grow with the input nor with its records' size.
constexpr std::size_t k_batch_in_flight_bytes = std::size_t{16} << 20;

/// Screens every record of `source` and writes one result line per record to `out`, in input
/// order, with `settings.jobs` threads. Each chunk's lines are written in one go, so a stopped
/// batch ends on a whole line; after a failed write nothing more is checked or written.
BatchRun run_batch(const RulePack& pack,
                   RecordSource& source,
                   const RecordReader& read,
                   OutputSink& out,
                   const BatchSettings& settings);

} // namespace contra

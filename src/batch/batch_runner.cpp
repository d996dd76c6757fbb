#include "batch/batch_runner.hpp"

#include "batch/batch_result.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <numeric>
#include <vector>

namespace contra {
namespace {

constexpr std::size_t k_typical_line_bytes = 3000; // a line of the bundled pack is 1-5 KB
// Room a chunk's text keeps beyond its expected length, so that a line or two longer than the
// others does not make the whole text be copied into a larger buffer.
constexpr std::size_t k_chunk_text_slack = std::size_t{64} << 10;
// A record buffer larger than this is freed when its chunk comes back rather than kept for
// reuse: a few huge records must not leave every slot of every chunk huge.
constexpr std::size_t k_kept_record_bytes = std::size_t{64} << 10;

using Chunk = std::vector<BatchRecord>;

struct ChunkResult {
    std::string text;
    std::string warnings; ///< the records' warnings, formatted, in input order
    BatchSummary counts;
    Chunk records; ///< handed back, so the reading thread reuses their buffers
};

std::size_t record_bytes(const BatchRecord& record) {
    return std::accumulate(
        record.cells.begin(),
        record.cells.end(),
        record.text.size(),
        [](std::size_t sum, const std::string& cell) { return sum + cell.size(); });
}

std::size_t record_capacity(const BatchRecord& record) {
    return std::accumulate(
        record.cells.begin(),
        record.cells.end(),
        record.text.capacity() + record.cells.capacity() * sizeof(std::string),
        [](std::size_t sum, const std::string& cell) { return sum + cell.capacity(); });
}

// Why a batch may end before its input does: the caller's stop flag (a signal), or the
// batch's own decision (a failed write).
struct StopFlags {
    const std::atomic<int>* signal = nullptr;
    std::atomic<bool> abandon = false;

    [[nodiscard]] bool requested() const {
        return signal != nullptr && signal->load(std::memory_order_relaxed) != 0;
    }
    [[nodiscard]] bool any() const {
        return abandon.load(std::memory_order_relaxed) || requested();
    }
};

// The line length a chunk reserves room for on this thread: the longest average of its chunks so
// far (the lines of one batch are alike), so that a chunk's text is not copied as it grows.
std::size_t& expected_line_bytes() {
    thread_local std::size_t bytes = k_typical_line_bytes;
    return bytes;
}

// Stops early once the batch is ending: the rest of such a result is never written.
ChunkResult screen_chunk(const RulePack& pack,
                         const ReportJsonWriter& writer,
                         Chunk chunk,
                         const RecordReader& read,
                         ReportDetail detail,
                         CalendarDate today,
                         const StopFlags& stop) {
    ChunkResult result;
    std::size_t& line_bytes = expected_line_bytes();
    result.text.reserve(chunk.size() * line_bytes + k_chunk_text_slack);
    Report report;
    for (BatchRecord& record : chunk) {
        if (stop.any()) {
            break;
        }
        const RecordProfile profile = read(record);
        if (profile.profile && !profile.diagnostics.items().empty()) {
            result.warnings += profile.diagnostics.format();
        }
        const std::optional<Verdict> verdict =
            screen_record(pack, writer, record.number, profile, detail, today, report, result.text);
        if (verdict) {
            ++result.counts.verdicts[static_cast<std::size_t>(*verdict)];
        } else {
            ++result.counts.errors;
        }
        result.counts.errors += record.rows_swallowed;
        result.counts.worst_rank = std::max(result.counts.worst_rank, outcome_rank(verdict));
    }
    if (!chunk.empty()) {
        line_bytes = std::max(line_bytes, result.text.size() / chunk.size() + 1);
    }
    result.records = std::move(chunk);
    return result;
}

void add_counts(BatchSummary& total, const BatchSummary& chunk) {
    for (std::size_t i = 0; i < total.verdicts.size(); ++i) {
        total.verdicts[i] += chunk.verdicts[i];
    }
    total.errors += chunk.errors;
    total.worst_rank = std::max(total.worst_rank, chunk.worst_rank);
}

// Fills `chunk` with records up to the chunk limits, reusing the records (and their text
// buffers) already in it: allocating on one thread and freeing on another is what made threads
// slower than one in the first measurements. Returns the bytes of input the chunk holds.
std::size_t next_chunk(RecordSource& source, Chunk& chunk, std::size_t max_bytes) {
    std::size_t count = 0;
    std::size_t bytes = 0;
    while (count < k_batch_chunk_records && bytes < max_bytes) {
        if (count == chunk.size()) {
            chunk.emplace_back();
        }
        if (!source.next(chunk[count])) {
            break;
        }
        bytes += record_bytes(chunk[count]);
        ++count;
    }
    chunk.resize(count);
    return bytes;
}

// Chunks whose records came back from the workers, to be filled again.
class ChunkStore {
  public:
    Chunk take() {
        if (m_spare.empty()) {
            return {};
        }
        Chunk chunk = std::move(m_spare.back());
        m_spare.pop_back();
        return chunk;
    }
    void give_back(Chunk chunk) {
        for (BatchRecord& record : chunk) {
            if (record_capacity(record) > k_kept_record_bytes) {
                record = BatchRecord{};
            }
        }
        m_spare.push_back(std::move(chunk));
    }

  private:
    std::vector<Chunk> m_spare;
};

struct ReadChunk {
    Chunk records;
    std::size_t bytes = 0;
};

struct InFlight {
    std::future<ChunkResult> result;
    std::size_t bytes = 0;
};

// One run: the calling thread reads and writes; the pool's threads, if any, check.
class Batch {
  public:
    Batch(const RulePack& pack,
          RecordSource& source,
          const RecordReader& read,
          OutputSink& out,
          const BatchSettings& settings)
        : m_pack(pack), m_writer(pack), m_source(source), m_read(read), m_out(out),
          m_settings(settings) {
        m_stop.signal = settings.stop;
    }

    BatchRun run() {
        if (m_settings.jobs > 1) {
            WorkerPool pool(m_settings.jobs, m_settings.start_thread);
            m_run.threads = pool.size();
            m_run.thread_error = pool.start_error();
            if (pool.size() > 0) {
                run_on(pool);
                return m_run;
            }
        }
        run_here();
        return m_run;
    }

  private:
    // Ends the batch early: the workers drop what they have not begun.
    void end(BatchEnd how) {
        m_run.end = how;
        m_stop.abandon = true;
    }

    // The next chunk; empty at the end of the input or when the batch is to stop.
    ReadChunk read_chunk(std::size_t max_bytes) {
        ReadChunk chunk{m_store.take()};
        if (m_stop.requested()) {
            end(BatchEnd::stopped);
            return {};
        }
        chunk.bytes = next_chunk(m_source, chunk.records, max_bytes);
        m_run.summary.bytes_read = m_source.bytes_read();
        // A signal may have cut the read short: what came of it is not checked.
        if (m_stop.requested()) {
            end(BatchEnd::stopped);
            return {};
        }
        return chunk;
    }

    // Writes a chunk's lines; false when the batch is to end instead.
    bool write(ChunkResult chunk) {
        if (m_run.end != BatchEnd::finished) {
            return false;
        }
        if (m_stop.requested()) {
            end(BatchEnd::stopped);
            return false;
        }
        if (!m_out.write(chunk.text)) {
            m_run.output_error = m_out.error();
            end(BatchEnd::output_failed);
            return false;
        }
        add_counts(m_run.summary, chunk.counts);
        if (m_settings.on_warnings && !chunk.warnings.empty()) {
            m_settings.on_warnings(chunk.warnings);
        }
        if (m_settings.on_progress) {
            m_settings.on_progress(m_run.summary);
        }
        m_store.give_back(std::move(chunk.records));
        return true;
    }

    ChunkResult screen(Chunk chunk) const {
        return screen_chunk(m_pack,
                            m_writer,
                            std::move(chunk),
                            m_read,
                            m_settings.detail,
                            m_settings.today,
                            m_stop);
    }

    void run_here() {
        for (ReadChunk chunk = read_chunk(k_batch_chunk_bytes); !chunk.records.empty();
             chunk = read_chunk(k_batch_chunk_bytes)) {
            if (!write(screen(std::move(chunk.records)))) {
                return;
            }
        }
    }

    // Results are written in the order the chunks were read. Waiting on the oldest chunk
    // before queueing more keeps at most one chunk per thread, and k_batch_in_flight_bytes of
    // input, in flight.
    void run_on(WorkerPool& pool) {
        std::deque<InFlight> in_flight;
        std::size_t bytes_in_flight = 0;
        auto write_oldest = [&] {
            InFlight oldest = std::move(in_flight.front());
            in_flight.pop_front();
            bytes_in_flight -= oldest.bytes;
            return write(oldest.result.get());
        };
        bool writing = true;
        while (writing) {
            ReadChunk chunk = read_chunk(k_batch_chunk_bytes);
            if (chunk.records.empty()) {
                break;
            }
            while (writing && !in_flight.empty() &&
                   (in_flight.size() >= pool.size() ||
                    bytes_in_flight + chunk.bytes > k_batch_in_flight_bytes)) {
                writing = write_oldest();
            }
            if (!writing) {
                break;
            }
            bytes_in_flight += chunk.bytes;
            in_flight.push_back({pool.submit([this, records = std::move(chunk.records)]() mutable {
                                     return screen(std::move(records));
                                 }),
                                 chunk.bytes});
        }
        // After an early end the rest are still waited for (they use this object), not written.
        while (!in_flight.empty()) {
            writing = write_oldest() && writing;
        }
    }

    const RulePack& m_pack;
    const ReportJsonWriter m_writer;
    RecordSource& m_source;
    const RecordReader& m_read;
    OutputSink& m_out;
    const BatchSettings& m_settings;
    StopFlags m_stop;
    ChunkStore m_store;
    BatchRun m_run;
};

} // namespace

std::uint64_t BatchSummary::records() const {
    return std::accumulate(verdicts.begin(), verdicts.end(), errors);
}

BatchRun run_batch(const RulePack& pack,
                   RecordSource& source,
                   const RecordReader& read,
                   OutputSink& out,
                   const BatchSettings& settings) {
    return Batch(pack, source, read, out, settings).run();
}

} // namespace contra

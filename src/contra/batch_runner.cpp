#include "contra/batch_runner.hpp"

#include "contra/batch_result.hpp"
#include "contra/worker_pool.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <numeric>
#include <vector>

namespace contra {
namespace {

constexpr std::size_t k_chunk_records = 256;
constexpr std::size_t k_typical_line_bytes = 3000; // a line of the bundled pack is 1-5 KB

using Chunk = std::vector<BatchRecord>;

struct ChunkResult {
    std::string text;
    BatchSummary counts;
    Chunk records; ///< handed back, so the reading thread reuses their buffers
};

ChunkResult screen_chunk(const RulePack& pack,
                         const ReportJsonWriter& writer,
                         Chunk chunk,
                         const RecordReader& read) {
    ChunkResult result;
    result.text.reserve(chunk.size() * k_typical_line_bytes);
    for (BatchRecord& record : chunk) {
        const std::optional<Verdict> verdict =
            screen_record(pack, writer, record.number, read(record), result.text);
        if (verdict) {
            ++result.counts.verdicts[static_cast<std::size_t>(*verdict)];
        } else {
            ++result.counts.errors;
        }
        result.counts.errors += record.rows_swallowed;
        result.counts.worst_rank = std::max(result.counts.worst_rank, outcome_rank(verdict));
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

// Fills `chunk` with up to k_chunk_records records, reusing the records (and their text
// buffers) already in it: allocating on one thread and freeing on another is what made threads
// slower than one in the first measurements.
void next_chunk(RecordSource& source, Chunk& chunk) {
    std::size_t count = 0;
    for (; count < k_chunk_records; ++count) {
        if (count == chunk.size()) {
            chunk.emplace_back();
        }
        if (!source.next(chunk[count])) {
            break;
        }
    }
    chunk.resize(count);
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
    void give_back(Chunk chunk) { m_spare.push_back(std::move(chunk)); }

  private:
    std::vector<Chunk> m_spare;
};

} // namespace

std::size_t BatchSummary::records() const {
    return std::accumulate(verdicts.begin(), verdicts.end(), errors);
}

BatchSummary run_batch(const RulePack& pack,
                       RecordSource& source,
                       const RecordReader& read,
                       std::ostream& out,
                       unsigned jobs,
                       const std::function<void(const BatchSummary&)>& on_progress) {
    BatchSummary total;
    const ReportJsonWriter writer(pack);
    ChunkStore store;
    auto write = [&](ChunkResult chunk) {
        out << chunk.text;
        add_counts(total, chunk.counts);
        on_progress(total);
        store.give_back(std::move(chunk.records));
    };
    auto read_chunk = [&] {
        Chunk chunk = store.take();
        next_chunk(source, chunk);
        total.bytes_read = source.bytes_read();
        return chunk;
    };
    if (jobs <= 1) {
        for (Chunk chunk = read_chunk(); !chunk.empty(); chunk = read_chunk()) {
            write(screen_chunk(pack, writer, std::move(chunk), read));
        }
        return total;
    }
    // The calling thread reads and writes; the pool's threads screen the chunks, and results
    // are written in the order the chunks were read. Waiting on the oldest chunk before reading
    // more keeps at most `jobs` chunks in flight.
    WorkerPool pool(jobs);
    std::deque<std::future<ChunkResult>> in_flight;
    for (Chunk chunk = read_chunk(); !chunk.empty(); chunk = read_chunk()) {
        if (in_flight.size() >= jobs) {
            write(in_flight.front().get());
            in_flight.pop_front();
        }
        in_flight.push_back(
            pool.submit([&pack, &writer, &read, chunk = std::move(chunk)]() mutable {
                return screen_chunk(pack, writer, std::move(chunk), read);
            }));
    }
    while (!in_flight.empty()) {
        write(in_flight.front().get());
        in_flight.pop_front();
    }
    return total;
}

} // namespace contra

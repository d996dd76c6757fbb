#include "contra/batch_runner.hpp"

#include "contra/batch_result.hpp"

#include <algorithm>
#include <deque>
#include <future>
#include <numeric>
#include <vector>

namespace contra {
namespace {

constexpr std::size_t k_chunk_records = 256;

struct ChunkResult {
    std::string text;
    BatchSummary counts;
};

ChunkResult screen_chunk(const RulePack& pack,
                         const ReportJsonWriter& writer,
                         std::vector<BatchRecord> chunk,
                         const RecordReader& read) {
    ChunkResult result;
    for (BatchRecord& record : chunk) {
        const std::size_t number = record.number;
        RecordOutcome outcome = screen_record(pack, writer, number, read(record));
        result.text += outcome.line;
        if (outcome.verdict) {
            ++result.counts.verdicts[static_cast<std::size_t>(*outcome.verdict)];
        } else {
            ++result.counts.errors;
        }
        result.counts.worst_rank =
            std::max(result.counts.worst_rank, outcome_rank(outcome.verdict));
    }
    return result;
}

void add_counts(BatchSummary& total, const BatchSummary& chunk) {
    for (std::size_t i = 0; i < total.verdicts.size(); ++i) {
        total.verdicts[i] += chunk.verdicts[i];
    }
    total.errors += chunk.errors;
    total.worst_rank = std::max(total.worst_rank, chunk.worst_rank);
}

std::vector<BatchRecord> next_chunk(RecordSource& source) {
    std::vector<BatchRecord> chunk;
    chunk.reserve(k_chunk_records);
    BatchRecord record;
    while (chunk.size() < k_chunk_records && source.next(record)) {
        chunk.push_back(std::move(record));
        record = {};
    }
    return chunk;
}

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
    auto write = [&](const ChunkResult& chunk) {
        out << chunk.text;
        add_counts(total, chunk.counts);
        on_progress(total);
    };
    if (jobs <= 1) {
        for (auto chunk = next_chunk(source); !chunk.empty(); chunk = next_chunk(source)) {
            total.bytes_read = source.bytes_read();
            write(screen_chunk(pack, writer, std::move(chunk), read));
        }
        return total;
    }
    // The calling thread reads and writes; each chunk is screened on a thread of its own, and
    // results are written in the order the chunks were read. Waiting on the oldest chunk before
    // reading more keeps at most `jobs` chunks in flight.
    std::deque<std::future<ChunkResult>> in_flight;
    for (auto chunk = next_chunk(source); !chunk.empty(); chunk = next_chunk(source)) {
        total.bytes_read = source.bytes_read();
        if (in_flight.size() >= jobs) {
            write(in_flight.front().get());
            in_flight.pop_front();
        }
        in_flight.push_back(std::async(std::launch::async,
                                       screen_chunk,
                                       std::cref(pack),
                                       std::cref(writer),
                                       std::move(chunk),
                                       std::cref(read)));
    }
    while (!in_flight.empty()) {
        write(in_flight.front().get());
        in_flight.pop_front();
    }
    return total;
}

} // namespace contra

#pragma once

#include "contra/batch_record.hpp"
#include "contra/record_profile.hpp"
#include "contra/rule_pack.hpp"

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>

namespace contra {

/// Counts over a batch so far.
struct BatchSummary {
    std::array<std::size_t, 6> verdicts{}; ///< by Verdict
    std::size_t errors = 0;
    std::size_t bytes_read = 0;
    int worst_rank = -1; ///< outcome_rank of the worst outcome; -1 when there was no record
    [[nodiscard]] std::size_t records() const;
};

/// Reads one record into a profile; called from several threads at once.
using RecordReader = std::function<RecordProfile(const BatchRecord&)>;

/// Screens every record of `source` and writes one result line per record to `out`, in input
/// order, with `jobs` threads (1: all on the calling thread). Records go through in chunks, and
/// at most a few chunks per thread are in memory at once, however long the input.
/// `on_progress` is called after each chunk is written.
BatchSummary run_batch(const RulePack& pack,
                       RecordSource& source,
                       const RecordReader& read,
                       std::ostream& out,
                       unsigned jobs,
                       const std::function<void(const BatchSummary&)>& on_progress);

} // namespace contra

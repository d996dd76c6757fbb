#pragma once

#include "batch/batch_runner.hpp"

#include <chrono>
#include <cstddef>
#include <ostream>

namespace contra::cli {

/// The progress line of `contra batch` on a terminal: shown once the batch has run for a
/// second, redrawn at most ten times a second, with a bar when the input's size is known.
class BatchProgress {
  public:
    BatchProgress(std::ostream& err, bool enabled, std::size_t input_size);

    void update(const BatchSummary& summary);
    /// Clears the line, if one was drawn.
    void finish();

  private:
    using Clock = std::chrono::steady_clock;

    std::ostream& m_err;
    bool m_enabled;
    std::size_t m_input_size; ///< 0 when unknown (standard input)
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_last_draw{};
    bool m_drawn = false;
};

} // namespace contra::cli

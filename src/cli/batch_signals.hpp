#pragma once

#include <atomic>

namespace contra::cli {

/// While alive, SIGINT and SIGTERM no longer kill contra at once: they are recorded, and a
/// batch given received() stops between chunks, so standard output ends on a whole line. A
/// second signal kills as before (the handler is reset on the first); a signal that was ignored
/// when contra started stays ignored. The previous handlers are restored on destruction.
class StopOnSignals {
  public:
    StopOnSignals();
    ~StopOnSignals();
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;

    /// The signal received, 0 while none was.
    [[nodiscard]] static const std::atomic<int>& received();
};

} // namespace contra::cli

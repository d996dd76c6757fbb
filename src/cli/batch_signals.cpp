#include "cli/batch_signals.hpp"

#include <array>
#include <csignal>

namespace contra::cli {
namespace {

std::atomic<int> g_received{0};
static_assert(std::atomic<int>::is_always_lock_free, "set from a signal handler");

constexpr std::array k_stop_signals{SIGINT, SIGTERM};
std::array<struct sigaction, k_stop_signals.size()> g_previous{};
std::array<bool, k_stop_signals.size()> g_installed{};

extern "C" void record_signal(int signal) {
    g_received.store(signal);
}

} // namespace

StopOnSignals::StopOnSignals() {
    g_received.store(0);
    for (std::size_t i = 0; i < k_stop_signals.size(); ++i) {
        struct sigaction action {};
        action.sa_handler = record_signal;
        sigemptyset(&action.sa_mask);
        // No SA_RESTART: a read of standard input that waits for more returns, and the batch
        // stops instead of waiting on. SA_RESETHAND: a second signal kills.
        // glibc's SA_RESETHAND is the unsigned 0x80000000: the same bits in the int sa_flags.
        action.sa_flags = static_cast<int>(SA_RESETHAND);
        sigaction(k_stop_signals[i], nullptr, &g_previous[i]);
        if (g_previous[i].sa_handler == SIG_IGN) { // e.g. nohup, or a background job
            continue;
        }
        g_installed[i] = sigaction(k_stop_signals[i], &action, nullptr) == 0;
    }
}

StopOnSignals::~StopOnSignals() {
    for (std::size_t i = 0; i < k_stop_signals.size(); ++i) {
        if (g_installed[i]) {
            sigaction(k_stop_signals[i], &g_previous[i], nullptr);
            g_installed[i] = false;
        }
    }
}

const std::atomic<int>& StopOnSignals::received() {
    return g_received;
}

} // namespace contra::cli

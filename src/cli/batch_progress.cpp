#include "cli/batch_progress.hpp"

#include <fmt/ostream.h>

#include <algorithm>
#include <string>

namespace contra::cli {

BatchProgress::BatchProgress(std::ostream& err, bool enabled, std::size_t input_size)
    : m_err(err), m_enabled(enabled), m_input_size(input_size) {}

void BatchProgress::update(const BatchSummary& summary) {
    if (!m_enabled) {
        return;
    }
    const auto now = Clock::now();
    if (now - m_start < std::chrono::seconds(1) ||
        now - m_last_draw < std::chrono::milliseconds(100)) {
        return;
    }
    m_last_draw = now;
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    const auto records = summary.records();
    std::string bar;
    if (m_input_size > 0) {
        constexpr int width = 30;
        const double done = std::min(
            1.0, static_cast<double>(summary.bytes_read) / static_cast<double>(m_input_size));
        const int filled = static_cast<int>(done * width);
        bar = fmt::format("[{}{}] {:3.0f}%  ",
                          std::string(static_cast<std::size_t>(filled), '#'),
                          std::string(static_cast<std::size_t>(width - filled), ' '),
                          done * 100);
    }
    fmt::print(m_err,
               "\r{}{} profiles, {} errors, {:.0f}/s\x1b[K",
               bar,
               records,
               summary.errors,
               static_cast<double>(records) / seconds);
    m_err.flush();
    m_drawn = true;
}

void BatchProgress::finish() {
    if (m_drawn) {
        fmt::print(m_err, "\r\x1b[K");
    }
}

} // namespace contra::cli

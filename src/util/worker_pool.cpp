#include "util/worker_pool.hpp"

#include <system_error>

namespace contra {

WorkerPool::WorkerPool(unsigned threads, const ThreadStarter& start) {
    m_threads.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) {
        try {
            m_threads.push_back(start ? start([this] { work(); })
                                      : std::thread([this] { work(); }));
        } catch (const std::system_error& error) {
            // Joining the threads that did start is the destructor's; letting the exception
            // out of a half-built pool would destroy joinable threads (std::terminate).
            m_start_error = error.code().message();
            break;
        }
    }
}

WorkerPool::~WorkerPool() {
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    for (std::thread& thread : m_threads) {
        thread.join();
    }
}

void WorkerPool::work() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            if (m_tasks.empty()) {
                return;
            }
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        task();
    }
}

} // namespace contra

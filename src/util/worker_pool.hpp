#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace contra {

/// Starts a thread running `body`; throws std::system_error when it cannot (the default is
/// std::thread's constructor; tests pass one that fails).
using ThreadStarter = std::function<std::thread(std::function<void()> body)>;

/// A fixed set of threads that run submitted tasks in submission order (std::async would start a
/// thread per task). The destructor finishes the queued tasks, then joins.
///
/// A thread that cannot start (a process or thread limit, little address space) is not fatal:
/// the pool runs with those that did, which may be none; then submit() must not be called.
class WorkerPool {
  public:
    explicit WorkerPool(unsigned threads, const ThreadStarter& start = {});
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// The threads that started.
    [[nodiscard]] unsigned size() const { return static_cast<unsigned>(m_threads.size()); }
    /// Why the first thread that could not start did not; empty when all started.
    [[nodiscard]] const std::string& start_error() const { return m_start_error; }

    template <typename Task> auto submit(Task task) -> std::future<decltype(task())> {
        auto packaged = std::make_shared<std::packaged_task<decltype(task())()>>(std::move(task));
        auto future = packaged->get_future();
        {
            const std::lock_guard lock(m_mutex);
            m_tasks.emplace_back([packaged] { (*packaged)(); });
        }
        m_ready.notify_one();
        return future;
    }

  private:
    void work();

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
    std::string m_start_error;
};

} // namespace contra

// The batch runner and its worker pool, in process: a thread that cannot start, an output that
// fails, a stop request, the bytes in flight, and the default number of threads.

#include "batch/batch_runner.hpp"
#include "batch/record_profile.hpp"
#include "cli/bundled_pack.hpp"
#include "cli/usable_cpus.hpp"
#include "pack/pack_codec.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <sched.h>
#include <sstream>
#include <string>
#include <system_error>

namespace contra {
namespace {

const RulePack& bundled() {
    static const RulePack pack = *decode_pack(cli::bundled_pack_bytes());
    return pack;
}

// `count` copies of `text`, counting how many were read and how many are out at most: read
// but not yet written (the sink tells it what was written).
class CountingSource final : public RecordSource {
  public:
    CountingSource(std::string text, std::size_t count) : m_text(std::move(text)), m_count(count) {}

    bool next(BatchRecord& record) override {
        if (m_read == m_count) {
            return false;
        }
        ++m_read;
        record.number = m_read;
        record.line = static_cast<int>(m_read);
        record.text = m_text;
        record.cells.clear();
        record.error.clear();
        record.too_long = false;
        m_most_out = std::max(m_most_out, m_read - m_written);
        return true;
    }
    [[nodiscard]] std::size_t bytes_read() const override { return m_read * m_text.size(); }

    void written(std::size_t lines) { m_written += lines; }
    [[nodiscard]] std::size_t read_so_far() const { return m_read; }
    [[nodiscard]] std::size_t most_out() const { return m_most_out; }

  private:
    std::string m_text;
    std::size_t m_count;
    std::size_t m_read = 0;
    std::size_t m_written = 0;
    std::size_t m_most_out = 0;
};

// Keeps what it is given; fails from the `fail_at`th write on (0: never).
class TestSink final : public OutputSink {
  public:
    explicit TestSink(CountingSource& source, std::size_t fail_at = 0)
        : m_source(source), m_fail_at(fail_at) {}

    bool write(std::string_view text) override {
        if (++m_writes == m_fail_at) {
            m_error = std::make_error_code(std::errc::no_space_on_device);
            return false;
        }
        m_text += text;
        m_source.written(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
        return true;
    }
    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] std::size_t lines() const {
        return static_cast<std::size_t>(std::count(m_text.begin(), m_text.end(), '\n'));
    }

  private:
    CountingSource& m_source;
    std::size_t m_fail_at;
    std::size_t m_writes = 0;
    std::string m_text;
};

const std::string k_profile = R"({"sudden_breathlessness": "yes"})"; // quick: an emergency

BatchRun run(CountingSource& source, OutputSink& sink, const BatchSettings& settings) {
    const RecordReader read = [](const BatchRecord& record) {
        return read_text_record(bundled(), record, "<test>", ProfileSyntax::json);
    };
    return run_batch(bundled(), source, read, sink, settings);
}

// Starts `working` threads, then fails as a process or thread limit does.
ThreadStarter failing_after(unsigned working) {
    auto started = std::make_shared<unsigned>(0);
    return [started, working](std::function<void()> body) {
        if ((*started)++ >= working) {
            throw std::system_error(
                std::make_error_code(std::errc::resource_unavailable_try_again));
        }
        return std::thread(std::move(body));
    };
}

TEST(WorkerPool, RunsWithTheThreadsThatStartedWhenOthersCannot) {
    WorkerPool pool(8, failing_after(2));
    EXPECT_EQ(pool.size(), 2U);
    EXPECT_EQ(pool.start_error(),
              std::make_error_code(std::errc::resource_unavailable_try_again).message());
    EXPECT_EQ(pool.submit([] { return 6 * 7; }).get(), 42);
    const WorkerPool none(4, failing_after(0));
    EXPECT_EQ(none.size(), 0U);
    EXPECT_FALSE(none.start_error().empty());
}

TEST(BatchRunner, ABatchWhoseThreadsCannotStartIsCheckedWithThoseThatDidOrOnTheCallingThread) {
    for (const unsigned working : {0U, 1U, 3U}) {
        CountingSource source(k_profile, 600);
        TestSink sink(source);
        BatchSettings settings;
        settings.jobs = 8;
        settings.start_thread = failing_after(working);
        const BatchRun result = run(source, sink, settings);
        EXPECT_EQ(result.end, BatchEnd::finished);
        EXPECT_EQ(result.threads, working);
        EXPECT_FALSE(result.thread_error.empty());
        EXPECT_EQ(result.summary.records(), 600U);
        EXPECT_EQ(sink.lines(), 600U);
    }
}

TEST(BatchRunner, AFailedWriteStopsTheBatchAtOnce) {
    for (const unsigned jobs : {1U, 2U, 8U}) {
        CountingSource source(k_profile, 100'000);
        TestSink sink(source, 2);
        BatchSettings settings;
        settings.jobs = jobs;
        const BatchRun result = run(source, sink, settings);
        EXPECT_EQ(result.end, BatchEnd::output_failed) << jobs;
        EXPECT_EQ(result.output_error, std::errc::no_space_on_device);
        // The first chunk was written; nothing past the chunks already in flight was read.
        EXPECT_EQ(result.summary.records(), k_batch_chunk_records);
        EXPECT_LE(source.read_so_far(), (jobs + 2) * k_batch_chunk_records) << jobs;
    }
}

TEST(BatchRunner, AStopRequestEndsTheOutputOnAWholeLine) {
    for (const unsigned jobs : {1U, 3U}) {
        CountingSource source(k_profile, 100'000);
        std::atomic<int> stop{0};
        // Stops while the second chunk is being written, as a signal would.
        class StoppingSink final : public OutputSink {
          public:
            StoppingSink(TestSink& inner, std::atomic<int>& stop) : m_inner(inner), m_stop(stop) {}
            bool write(std::string_view text) override {
                m_stop = 15;
                return m_inner.write(text);
            }

          private:
            TestSink& m_inner;
            std::atomic<int>& m_stop;
        };
        TestSink kept(source);
        StoppingSink sink(kept, stop);
        BatchSettings settings;
        settings.jobs = jobs;
        settings.stop = &stop;
        const BatchRun result = run(source, sink, settings);
        EXPECT_EQ(result.end, BatchEnd::stopped);
        EXPECT_EQ(result.summary.records(), kept.lines());
        EXPECT_EQ(kept.lines(), k_batch_chunk_records);
        EXPECT_EQ(kept.text().back(), '\n');
        EXPECT_LE(source.read_so_far(), (jobs + 2) * k_batch_chunk_records);
    }
}

TEST(BatchRunner, BigRecordsAreBoundedByBytesInFlightNotOnlyByTheirCount) {
    // Records of 1 MB (whitespace inside the object): a chunk of 256 of them would be 256 MB.
    const std::string big =
        R"({"sudden_breathlessness": )" + std::string(1'000'000, ' ') + R"("yes"})";
    for (const unsigned jobs : {1U, 2U, 8U, 64U}) {
        CountingSource source(big, 80);
        TestSink sink(source);
        BatchSettings settings;
        settings.jobs = jobs;
        const BatchRun result = run(source, sink, settings);
        EXPECT_EQ(result.summary.records(), 80U);
        EXPECT_EQ(result.summary.verdicts[static_cast<std::size_t>(Verdict::emergency)], 80U);
        // In flight: at most k_batch_in_flight_bytes, plus the chunk in hand (each chunk
        // closes at k_batch_chunk_bytes, so holds one record here).
        EXPECT_LE(source.most_out() * big.size(), k_batch_in_flight_bytes + 2 * big.size()) << jobs;
    }
}

TEST(UsableCpus, ACgroupQuotaIsRoundedUpAndMaxIsNoQuota) {
    EXPECT_EQ(cli::cpus_of_quota("200000 100000\n"), 2U);
    EXPECT_EQ(cli::cpus_of_quota("150000 100000"), 2U);
    EXPECT_EQ(cli::cpus_of_quota("50000 100000"), 1U);
    EXPECT_EQ(cli::cpus_of_quota("max 100000"), std::nullopt);
    EXPECT_EQ(cli::cpus_of_quota(""), std::nullopt);
    EXPECT_EQ(cli::cpus_of_quota("0 100000"), std::nullopt);
}

TEST(UsableCpus, TheAffinityMaskIsRespected) {
    cpu_set_t before;
    ASSERT_EQ(sched_getaffinity(0, sizeof before, &before), 0);
    cpu_set_t one;
    CPU_ZERO(&one);
    // The CPU_* macros take a std::size_t index.
    for (std::size_t cpu = 0; cpu < static_cast<std::size_t>(CPU_SETSIZE); ++cpu) {
        if (CPU_ISSET(cpu, &before)) {
            CPU_SET(cpu, &one);
            break;
        }
    }
    ASSERT_EQ(sched_setaffinity(0, sizeof one, &one), 0);
    const unsigned cpus = cli::usable_cpus();
    sched_setaffinity(0, sizeof before, &before);
    EXPECT_EQ(cpus, 1U);
    EXPECT_LE(cli::usable_cpus(), static_cast<unsigned>(CPU_COUNT(&before)));
}

} // namespace
} // namespace contra

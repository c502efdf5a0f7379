#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <QList>
#include <QtGlobal>
#include <type_traits>

namespace pincart::server {

// One request waiting in a BatchQueue: a checkout, a cart change. Derive and add its data and
// outcome.
class BatchEntry
{
public:
    qint64 owner = 0; // the customer: a batch holds one entry per owner

private:
    friend class BatchQueue;
    bool m_taken = false; // in a batch (under the queue's lock)
    bool m_done = false;  // its batch was run (under the queue's lock)
    // Its thread sleeps here: woken when its batch has run, or when it is the oldest waiting and
    // a leader's place is free. One per entry, so a batch wakes its own members only (with one
    // condition for all, every batch's end woke every sleeping thread of both batches and the
    // queue, nearly all to sleep again: a context switch each, the dearest thing on a VM).
    std::condition_variable m_wake;
};

// Group writes, as a database groups commits (a leader and followers). Concurrent requests queue
// here; a thread whose entry still waits becomes a leader when fewer than maxLeaders run: it takes
// its own and up to maxBatch - 1 more waiting entries of other owners (oldest first) and runs them
// together on its own database connection, while the others sleep until their batch has run. A
// batch costs one round of statements (one transaction, one statement per table), so under load
// the statements, round trips and commits per request fall with the batch size; a lone request is
// a batch of one and goes at once.
class BatchQueue
{
public:
    BatchQueue(int maxLeaders, int maxBatch);
    BatchQueue(const BatchQueue &) = delete;
    BatchQueue &operator=(const BatchQueue &) = delete;

    // Returns once the batch holding `mine` has run. `runBatch` runs on the calling thread when it
    // leads, with `mine` first in its batch (of mine's type: one queue, one kind of entry), and
    // must give every entry of the batch its outcome.
    template<typename Entry, typename Fn>
    void run(Entry &mine, Fn &&runBatch)
    {
        static_assert(std::is_base_of_v<BatchEntry, Entry>);
        runEntries(mine, [&runBatch](const QList<BatchEntry *> &batch) {
            QList<Entry *> typed;
            typed.reserve(batch.size());
            for (BatchEntry *e : batch)
                typed << static_cast<Entry *>(e);
            runBatch(typed);
        });
    }

    // For /metrics: batches run, the entries in them, and the batches running and entries waiting
    // now.
    qint64 batches() const { return m_batches.load(std::memory_order_relaxed); }
    qint64 batchedEntries() const { return m_batched.load(std::memory_order_relaxed); }
    int running() const { return m_running.load(std::memory_order_relaxed); }
    int waiting() const { return m_waitingCount.load(std::memory_order_relaxed); }

private:
    void runEntries(BatchEntry &mine, const std::function<void(const QList<BatchEntry *> &)> &run);
    QList<BatchEntry *> takeBatch(BatchEntry &leader);

    const int m_maxLeaders;
    const int m_maxBatch;
    // Under the lock, a leader's place free, wakes the oldest waiting entry to lead.
    void wakeNextLeader();

    std::mutex m_mutex;
    std::deque<BatchEntry *> m_waiting;
    int m_leaders = 0;
    std::atomic<qint64> m_batches{0};
    std::atomic<qint64> m_batched{0};
    std::atomic<int> m_running{0};      // m_leaders, readable without the lock
    std::atomic<int> m_waitingCount{0}; // m_waiting.size(), readable without the lock
};

} // namespace pincart::server

#include "batchqueue.h"

#include <QSet>

namespace pincart::server {

BatchQueue::BatchQueue(int maxLeaders, int maxBatch)
    : m_maxLeaders(qMax(1, maxLeaders))
    , m_maxBatch(qMax(1, maxBatch))
{}

void BatchQueue::runEntries(BatchEntry &mine,
                            const std::function<void(const QList<BatchEntry *> &)> &run)
{
    std::unique_lock lock(m_mutex);
    m_waiting.push_back(&mine);
    m_waitingCount.store(int(m_waiting.size()), std::memory_order_relaxed);
    // A follower sleeps until its batch has run, or until a leader's place is free while its
    // entry still waits: then it leads.
    m_finished.wait(lock,
                    [&] { return mine.m_done || (!mine.m_taken && m_leaders < m_maxLeaders); });
    if (mine.m_done)
        return;
    m_running.store(++m_leaders, std::memory_order_relaxed);
    const QList<BatchEntry *> batch = takeBatch(mine);
    m_waitingCount.store(int(m_waiting.size()), std::memory_order_relaxed);
    lock.unlock();

    run(batch);

    lock.lock();
    for (BatchEntry *e : batch)
        e->m_done = true;
    m_running.store(--m_leaders, std::memory_order_relaxed);
    m_batches.fetch_add(1, std::memory_order_relaxed);
    m_batched.fetch_add(batch.size(), std::memory_order_relaxed);
    lock.unlock();
    m_finished.notify_all();
}

QList<BatchEntry *> BatchQueue::takeBatch(BatchEntry &leader)
{
    QList<BatchEntry *> batch{&leader};
    QSet<qint64> owners{leader.owner};
    leader.m_taken = true;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        BatchEntry *e = *it;
        if (e == &leader) {
            it = m_waiting.erase(it);
            continue;
        }
        if (batch.size() < m_maxBatch && !owners.contains(e->owner)) {
            owners.insert(e->owner);
            e->m_taken = true;
            batch << e;
            it = m_waiting.erase(it);
            continue;
        }
        ++it;
    }
    return batch;
}

} // namespace pincart::server

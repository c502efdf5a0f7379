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
    mine.m_wake.wait(lock,
                     [&] { return mine.m_done || (!mine.m_taken && m_leaders < m_maxLeaders); });
    if (mine.m_done)
        return;
    m_running.store(++m_leaders, std::memory_order_relaxed);
    const QList<BatchEntry *> batch = takeBatch(mine);
    m_waitingCount.store(int(m_waiting.size()), std::memory_order_relaxed);
    wakeNextLeader(); // what this batch left (another owner's turn), if a place is still free
    lock.unlock();

    run(batch);

    lock.lock();
    // Notified under the lock: once a follower sees m_done it returns and its entry (and
    // condition) is gone.
    for (BatchEntry *e : batch) {
        e->m_done = true;
        if (e != &mine)
            e->m_wake.notify_one();
    }
    m_running.store(--m_leaders, std::memory_order_relaxed);
    m_batches.fetch_add(1, std::memory_order_relaxed);
    m_batched.fetch_add(batch.size(), std::memory_order_relaxed);
    wakeNextLeader();
}

void BatchQueue::wakeNextLeader()
{
    if (!m_waiting.empty() && m_leaders < m_maxLeaders)
        m_waiting.front()->m_wake.notify_one();
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

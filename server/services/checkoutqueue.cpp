#include "checkoutqueue.h"

#include <QSet>

namespace pincart::server {

CheckoutQueue::CheckoutQueue(int maxLeaders, int maxBatch)
    : m_maxLeaders(qMax(1, maxLeaders))
    , m_maxBatch(qMax(1, maxBatch))
{}

void CheckoutQueue::place(PendingCheckout &mine, const PlaceBatch &place)
{
    std::unique_lock lock(m_mutex);
    m_waiting.push_back(&mine);
    m_waitingCount.store(int(m_waiting.size()), std::memory_order_relaxed);
    // A follower sleeps until its checkout is placed, or until a leader's place is free while
    // its checkout still waits: then it leads.
    m_finished.wait(lock,
                    [&] { return mine.m_done || (!mine.m_taken && m_leaders < m_maxLeaders); });
    if (mine.m_done)
        return;
    m_running.store(++m_leaders, std::memory_order_relaxed);
    const QList<PendingCheckout *> batch = takeBatch(mine);
    m_waitingCount.store(int(m_waiting.size()), std::memory_order_relaxed);
    lock.unlock();

    place(batch);

    lock.lock();
    for (PendingCheckout *p : batch)
        p->m_done = true;
    m_running.store(--m_leaders, std::memory_order_relaxed);
    m_batches.fetch_add(1, std::memory_order_relaxed);
    m_batched.fetch_add(batch.size(), std::memory_order_relaxed);
    lock.unlock();
    m_finished.notify_all();
}

QList<PendingCheckout *> CheckoutQueue::takeBatch(PendingCheckout &leader)
{
    QList<PendingCheckout *> batch{&leader};
    QSet<qint64> customers{leader.who.userId};
    leader.m_taken = true;
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        PendingCheckout *p = *it;
        if (p == &leader) {
            it = m_waiting.erase(it);
            continue;
        }
        if (batch.size() < m_maxBatch && !customers.contains(p->who.userId)) {
            customers.insert(p->who.userId);
            p->m_taken = true;
            batch << p;
            it = m_waiting.erase(it);
            continue;
        }
        ++it;
    }
    return batch;
}

} // namespace pincart::server

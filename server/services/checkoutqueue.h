#pragma once

#include "order.h"
#include "principal.h"
#include "result.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

namespace pincart::server {

struct PlacedOrder
{
    Order order;
    bool replayed = false; // an Idempotency-Key retry: the first order, placed earlier
};

// One customer's checkout, from its request until it is placed or refused.
struct PendingCheckout
{
    Principal who;
    Checkout checkout;
    QString idempotencyKey; // empty: none
    QString requestHash;
    std::optional<Result<PlacedOrder>> outcome; // set by the thread that places it

private:
    friend class CheckoutQueue;
    bool m_taken = false; // in a batch (under the queue's lock)
    bool m_done = false;  // outcome set (under the queue's lock)
};

// Group checkout, as a database's group commit (a leader and followers). Concurrent checkouts
// queue here; a thread whose checkout still waits becomes a leader when fewer than maxLeaders
// run: it takes its own and up to maxBatch - 1 more waiting checkouts of other customers (oldest
// first) and places them together on its own connection, while the others sleep until theirs
// are placed. A batch is one transaction with one statement per table, so under load the
// statements, round trips and commits an order costs fall with the batch size; a lone checkout
// is a batch of one and goes at once. Customers differ within a batch (an order's rows are
// matched to it by customer, and one customer's checkouts take turns anyway).
class CheckoutQueue
{
public:
    using PlaceBatch = std::function<void(const QList<PendingCheckout *> &batch)>;

    CheckoutQueue(int maxLeaders, int maxBatch);
    CheckoutQueue(const CheckoutQueue &) = delete;
    CheckoutQueue &operator=(const CheckoutQueue &) = delete;

    // Returns once `mine` has its outcome. `place` runs on the calling thread when it leads, and
    // must set the outcome of every checkout in the batch it is given.
    void place(PendingCheckout &mine, const PlaceBatch &place);

    // For /metrics: batches placed, the checkouts in them, and the batches being placed and the
    // checkouts waiting now.
    qint64 batches() const { return m_batches.load(std::memory_order_relaxed); }
    qint64 batchedCheckouts() const { return m_batched.load(std::memory_order_relaxed); }
    int running() const { return m_running.load(std::memory_order_relaxed); }
    int waiting() const { return m_waitingCount.load(std::memory_order_relaxed); }

private:
    QList<PendingCheckout *> takeBatch(PendingCheckout &leader);

    const int m_maxLeaders;
    const int m_maxBatch;
    std::mutex m_mutex;
    std::condition_variable m_finished; // a batch was placed: its members, or a new leader, go on
    std::deque<PendingCheckout *> m_waiting;
    int m_leaders = 0;
    std::atomic<qint64> m_batches{0};
    std::atomic<qint64> m_batched{0};
    std::atomic<int> m_running{0};      // m_leaders, readable without the lock
    std::atomic<int> m_waitingCount{0}; // m_waiting.size(), readable without the lock
};

} // namespace pincart::server

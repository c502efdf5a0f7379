#pragma once

#include "databaseurl.h"
#include "eventconsumer.h"

#include <atomic>
#include <map>
#include <memory>
#include <QElapsedTimer>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <set>

namespace pincart::server {

class Connection;

// Tails the `events` table for one consumer on its own thread with its own connection.
//
// Ids are allocated when a transaction inserts, not when it commits, so on MySQL a later id can
// become visible before an earlier one; a rolled-back insert leaves a hole for ever. The tailer
// therefore delivers every event it sees once, but advances its stored offset only over a
// contiguous run of ids, waiting up to `gapTimeout` for a missing id before deciding it was
// rolled back.
class EventTailer : public QThread
{
    Q_OBJECT

public:
    struct Options
    {
        int pollIntervalMs = 200;
        int batchSize = 500;
        int gapTimeoutMs = 10000;
        // Node-local consumers: start after this id instead of at the log's end when the tailer
        // thread starts (the server fixes it before it loads anything the consumer must correct).
        qint64 startAfterId = -1;
        // After a poll, a wake() waits until this long after it: under load, commits arrive far
        // more often than a consumer needs to look, and one read then takes a burst of them.
        int minPollGapMs = 20;
        // Durable consumers store their offset at most this often (and when stopping): delivery
        // is at least once anyway, and each store is a durable commit.
        int offsetStoreIntervalMs = 1000;
    };

    EventTailer(DatabaseUrl url, std::shared_ptr<EventConsumer> consumer, Options options);
    EventTailer(DatabaseUrl url, std::shared_ptr<EventConsumer> consumer);
    ~EventTailer() override;

    // Polls now instead of at the next interval (after a local commit, say).
    void wake();
    // wake() if the consumer handles one of `topics` (those of a local commit's events).
    void wakeFor(const QList<QLatin1StringView> &topics);
    bool handles(QAnyStringView topic) const;
    void stop();

    QString consumerName() const { return m_consumer->name(); }
    // Events that exist but are not yet handled (for /metrics and /readyz).
    qint64 lag() const { return m_lag.load(std::memory_order_relaxed); }
    bool caughtUp() const { return m_caughtUp.load(std::memory_order_relaxed); }
    qint64 offset() const { return m_offsetPublished.load(std::memory_order_relaxed); }

protected:
    void run() override;

private:
    Status pollOnce(Connection &db);

    DatabaseUrl m_url;
    std::shared_ptr<EventConsumer> m_consumer;
    const QList<QLatin1StringView> m_topics; // the consumer's; empty: all
    Options m_options;

    QMutex m_mutex;
    QWaitCondition m_wakeup;
    bool m_stopping = false; // guarded by m_mutex
    bool m_woken = false;    // guarded by m_mutex

    // Tailer-thread state.
    qint64 m_offset = 0;                 // every id <= m_offset is handled or known lost
    qint64 m_highestSeen = 0;            // the highest id read so far
    qint64 m_offsetStored = -1;          // durable consumers: the offset last stored
    QElapsedTimer m_sinceStore;          // since that store
    std::set<qint64> m_handledAbove;     // handled ids > m_offset
    std::map<qint64, qint64> m_gapSince; // missing id -> when first seen missing (ms)

    std::atomic<qint64> m_lag{0};
    std::atomic<qint64> m_offsetPublished{0};
    std::atomic<bool> m_caughtUp{false};
};

} // namespace pincart::server

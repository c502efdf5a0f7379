#pragma once

#include "databaseurl.h"
#include "event.h"

#include <atomic>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

namespace pincart::server {

// Appends events that record what people did rather than what changed (`search.performed`) off
// the request path: a handler queues the event and returns; this thread writes the queue in one
// multi-row insert every `flushIntervalMs`. Such events describe no committed change, so the
// outbox rule (in the change's transaction) does not apply; the price is that a crash loses the
// last interval's worth, and a full queue drops new ones (counted) rather than slow searches.
class EventBuffer : public QThread
{
    Q_OBJECT

public:
    struct Options
    {
        int flushIntervalMs = 200;
        int maxPending = 50000;
    };

    EventBuffer(DatabaseUrl url, Options options);
    explicit EventBuffer(DatabaseUrl url);
    ~EventBuffer() override;

    // Thread-safe; never waits for the database.
    void append(Event event);
    // Writes what is queued now (tests, shutdown).
    void flush();
    void stop();

    qint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    qint64 written() const { return m_written.load(std::memory_order_relaxed); }

protected:
    void run() override;

private:
    DatabaseUrl m_url;
    Options m_options;
    QMutex m_mutex;
    QWaitCondition m_wakeup;
    QWaitCondition m_flushed;
    QList<Event> m_pending;     // guarded by m_mutex
    bool m_stopping = false;    // guarded by m_mutex
    bool m_flushWanted = false; // guarded by m_mutex
    quint64 m_flushRounds = 0;  // guarded by m_mutex
    std::atomic<qint64> m_dropped{0};
    std::atomic<qint64> m_written{0};
};

} // namespace pincart::server

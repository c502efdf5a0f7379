#include "eventbuffer.h"

#include "connection.h"
#include "eventlog.h"

#include <QDeadlineTimer>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEventBuffer, "pincart.events.buffer")

namespace pincart::server {

EventBuffer::EventBuffer(DatabaseUrl url)
    : EventBuffer(std::move(url), Options{})
{}

EventBuffer::EventBuffer(DatabaseUrl url, Options options)
    : m_url(std::move(url))
    , m_options(options)
{
    setObjectName(QStringLiteral("event-buffer"));
}

EventBuffer::~EventBuffer()
{
    stop();
    wait();
}

void EventBuffer::append(Event event)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending.size() >= m_options.maxPending) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    m_pending.append(std::move(event));
}

void EventBuffer::flush()
{
    QMutexLocker lock(&m_mutex);
    if (!isRunning())
        return;
    const quint64 round = m_flushRounds;
    m_flushWanted = true;
    m_wakeup.wakeOne();
    // Two rounds: the one running may have taken its batch before these events came.
    while (m_flushRounds < round + 2 && isRunning())
        m_flushed.wait(&m_mutex, QDeadlineTimer(1000));
}

void EventBuffer::stop()
{
    QMutexLocker lock(&m_mutex);
    m_stopping = true;
    m_wakeup.wakeOne();
}

void EventBuffer::run()
{
    Connection db(m_url);
    while (true) {
        QList<Event> batch;
        bool stopping = false;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_stopping && !m_flushWanted)
                m_wakeup.wait(&m_mutex, QDeadlineTimer(m_options.flushIntervalMs));
            m_flushWanted = false;
            stopping = m_stopping;
            batch.swap(m_pending);
        }
        constexpr int Chunk = 500; // rows per INSERT: well under every placeholder limit
        for (qsizetype i = 0; i < batch.size(); i += Chunk) {
            const QList<Event> part = batch.mid(i, Chunk);
            Status s = db.begin();
            if (s)
                s = EventLog(db).appendAll(part);
            if (s)
                s = db.commit();
            if (s) {
                m_written.fetch_add(part.size(), std::memory_order_relaxed);
                continue;
            }
            db.rollback();
            // One bad event must not take the others with it: one at a time, the bad one dropped.
            for (const Event &e : part) {
                if (Status one = EventLog(db).appendAll({e}); one) {
                    m_written.fetch_add(1, std::memory_order_relaxed);
                } else {
                    m_dropped.fetch_add(1, std::memory_order_relaxed);
                    qCWarning(lcEventBuffer)
                        << "dropped a" << e.topic << "event:" << one.error().toString();
                }
            }
        }
        QMutexLocker lock(&m_mutex);
        ++m_flushRounds;
        m_flushed.wakeAll();
        if (stopping && m_pending.isEmpty())
            return;
    }
}

} // namespace pincart::server

#include "eventtailer.h"

#include "connection.h"
#include "eventlog.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEvents, "pincart.events")

namespace pincart::server {

EventTailer::EventTailer(DatabaseUrl url, std::shared_ptr<EventConsumer> consumer)
    : EventTailer(std::move(url), std::move(consumer), Options{})
{}

EventTailer::EventTailer(DatabaseUrl url, std::shared_ptr<EventConsumer> consumer, Options options)
    : m_url(std::move(url))
    , m_consumer(std::move(consumer))
    , m_topics(m_consumer->topics())
    , m_options(options)
{
    setObjectName(QStringLiteral("tailer-") + m_consumer->name());
}

EventTailer::~EventTailer()
{
    stop();
    wait();
}

void EventTailer::wake()
{
    QMutexLocker lock(&m_mutex);
    m_woken = true;
    m_wakeup.wakeOne();
}

void EventTailer::wakeFor(const QList<QLatin1StringView> &topics)
{
    for (QLatin1StringView topic : topics) {
        if (handles(topic)) {
            wake();
            return;
        }
    }
}

bool EventTailer::handles(QAnyStringView topic) const
{
    if (m_topics.isEmpty())
        return true;
    for (QLatin1StringView t : m_topics) {
        if (topic == t)
            return true;
    }
    return false;
}

void EventTailer::stop()
{
    QMutexLocker lock(&m_mutex);
    m_stopping = true;
    m_wakeup.wakeOne();
}

void EventTailer::run()
{
    Connection db(m_url);
    bool started = false;
    while (true) {
        if (!started) {
            // Durable consumers resume where they stopped; node-local ones start at the end.
            EventLog log(db);
            const auto own = m_consumer->resumeAfter(db);
            const auto start = !own                    ? Result<qint64>(own.error())
                               : own->has_value()      ? Result<qint64>(**own)
                               : m_consumer->durable() ? log.offset(m_consumer->name())
                               : m_options.startAfterId >= 0
                                   ? Result<qint64>(m_options.startAfterId)
                                   : log.lastId();
            if (start) {
                m_offset = *start;
                m_highestSeen = m_offset;
                m_offsetStored = m_offset;
                m_sinceStore.start();
                m_offsetPublished = m_offset;
                started = true;
            } else {
                qCWarning(lcEvents)
                    << m_consumer->name() << "cannot start:" << start.error().toString();
            }
        }
        QDeadlineTimer gap(0);
        if (started) {
            if (Status s = pollOnce(db); !s)
                qCWarning(lcEvents) << m_consumer->name() << "poll failed:" << s.error().toString();
            gap.setRemainingTime(m_options.minPollGapMs);
        }
        QMutexLocker lock(&m_mutex);
        if (!m_stopping && !m_woken)
            m_wakeup.wait(&m_mutex, QDeadlineTimer(m_options.pollIntervalMs));
        // Woken (or the interval passed): not sooner than minPollGapMs after the last poll.
        while (!m_stopping && !gap.hasExpired())
            m_wakeup.wait(&m_mutex, gap);
        m_woken = false;
        if (m_stopping) {
            lock.unlock();
            if (started && m_consumer->durable() && m_offset != m_offsetStored) {
                if (Status s = EventLog(db).storeOffset(m_consumer->name(), m_offset); !s)
                    qCWarning(lcEvents)
                        << m_consumer->name() << "cannot store its offset:" << s.error().toString();
            }
            m_consumer->stopped();
            return;
        }
    }
}

Status EventTailer::pollOnce(Connection &db)
{
    EventLog log(db);
    bool more = true;
    while (more) {
        const auto events = log.read(m_offset, m_options.batchSize, m_topics);
        if (!events)
            return events.error();
        more = events->size() == m_options.batchSize;
        qint64 highestSeen = m_offset;
        Status failure;
        for (const Event &e : *events) {
            highestSeen = e.id;
            m_highestSeen = qMax(m_highestSeen, e.id);
            if (m_handledAbove.count(e.id))
                continue;
            if (!handles(e.topic)) {
                m_handledAbove.insert(e.id); // not the consumer's: nothing to do
                continue;
            }
            if (Status s = m_consumer->handle(e); !s) {
                failure = s;
                more = false;
                break;
            }
            m_handledAbove.insert(e.id);
        }
        // Advance over the contiguous run; note holes, and give up on old ones.
        const qint64 now = Connection::nowMs();
        for (qint64 id = m_offset + 1; id <= highestSeen; ++id) {
            if (!m_handledAbove.count(id))
                m_gapSince.try_emplace(id, now);
        }
        const qint64 before = m_offset;
        while (true) {
            const qint64 next = m_offset + 1;
            if (m_handledAbove.erase(next)) {
                m_gapSince.erase(next);
                ++m_offset;
                continue;
            }
            auto gap = m_gapSince.find(next);
            if (gap != m_gapSince.end() && now - gap->second >= m_options.gapTimeoutMs) {
                qCDebug(lcEvents) << m_consumer->name() << "skipping event id" << next
                                  << "(rolled back)";
                m_gapSince.erase(gap);
                ++m_offset;
                continue;
            }
            break;
        }
        if (m_consumer->durable() && m_offset != m_offsetStored
            && m_sinceStore.elapsed() >= m_options.offsetStoreIntervalMs) {
            if (Status s = log.storeOffset(m_consumer->name(), m_offset); !s)
                return s;
            m_offsetStored = m_offset;
            m_sinceStore.start();
        }
        m_offsetPublished = m_offset;
        if (!events->isEmpty()) {
            if (Status s = m_consumer->batchHandled(m_offset); !s)
                return s;
        }
        if (!failure)
            return failure;
        // A batch that held only already-handled events above a hole makes no progress: stop.
        if (m_offset == before && more)
            more = false;
    }
    // The last read returned less than a batch: every committed event it could see was read, so
    // what is pending is the ids up to the highest seen that are not handled (holes, failures).
    // No MAX(id) round trip per poll: this runs after every burst of commits.
    const qint64 pending = m_highestSeen - m_offset - qint64(m_handledAbove.size());
    m_lag = qMax<qint64>(0, pending);
    m_caughtUp = pending <= 0;
    return {};
}

} // namespace pincart::server

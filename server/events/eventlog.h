#pragma once

#include "connection.h"
#include "event.h"

namespace pincart::server {

// The outbox table and consumer offsets. append() belongs inside the caller's transaction, so an
// event exists if and only if the change it describes committed.
class EventLog
{
public:
    explicit EventLog(Connection &connection)
        : m_db(connection)
    {}

    Status append(QLatin1StringView topic, const QString &key, const QJsonObject &payload);
    // Several events in one statement (topic, key and payload of each; ids and times are the
    // log's).
    Status appendAll(const QList<Event> &events);
    // Events with id > afterId, oldest first. With `payloadTopics`, only events of those topics
    // carry their payload (the rest: id, topic and key), so a consumer neither receives nor parses
    // the payloads it ignores.
    Result<QList<Event>> read(qint64 afterId, int limit,
                              const QList<QLatin1StringView> &payloadTopics = {});
    Result<qint64> lastId();
    Result<qint64> offset(const QString &consumer); // 0 when never stored
    Status storeOffset(const QString &consumer, qint64 lastId);

private:
    Connection &m_db;
};

} // namespace pincart::server

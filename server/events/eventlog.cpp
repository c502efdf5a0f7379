#include "eventlog.h"

#include "statement.h"

#include <QJsonDocument>

namespace pincart::server {

Status EventLog::append(QLatin1StringView topic, const QString &key, const QJsonObject &payload)
{
    Q_ASSERT_X(m_db.inTransaction(), "EventLog::append",
               "events are appended inside the change's transaction");
    Statement q(m_db, QStringLiteral("INSERT INTO events (topic, event_key, payload, created_at) "
                                     "VALUES (:topic, :key, :payload, :now)"));
    q.bind(QStringLiteral(":topic"), QString(topic))
        .bind(QStringLiteral(":key"), key)
        .bind(QStringLiteral(":payload"),
              QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)))
        .bind(QStringLiteral(":now"), Connection::nowMs());
    return q.exec("append event");
}

Status EventLog::appendAll(const QList<Event> &events)
{
    Q_ASSERT_X(m_db.inTransaction(), "EventLog::appendAll",
               "events are appended inside the change's transaction");
    if (events.isEmpty())
        return {};
    QString sql
        = QStringLiteral("INSERT INTO events (topic, event_key, payload, created_at) VALUES ");
    sql += numbered(events.size(), QStringLiteral("(:t%1, :k%1, :p%1, :now)"));
    Statement q(m_db, sql);
    for (int i = 0; i < events.size(); ++i) {
        const QString n = QString::number(i);
        q.bind(QStringLiteral(":t") + n, events.at(i).topic)
            .bind(QStringLiteral(":k") + n, events.at(i).key)
            .bind(QStringLiteral(":p") + n,
                  QString::fromUtf8(
                      QJsonDocument(events.at(i).payload).toJson(QJsonDocument::Compact)));
    }
    q.bind(QStringLiteral(":now"), Connection::nowMs());
    return q.exec("append events");
}

Result<QList<Event>> EventLog::read(qint64 afterId, int limit,
                                    const QList<QLatin1StringView> &payloadTopics)
{
    const QString payload = payloadTopics.isEmpty()
                                ? QStringLiteral("payload")
                                : QStringLiteral("CASE WHEN topic IN (")
                                      + numbered(payloadTopics.size(), QStringLiteral(":topic%1"))
                                      + QStringLiteral(") THEN payload END");
    Statement q(m_db, QStringLiteral("SELECT id, topic, event_key, ") + payload
                          + QStringLiteral(", created_at FROM events "
                                           "WHERE id > :after ORDER BY id LIMIT :limit"));
    for (int i = 0; i < payloadTopics.size(); ++i)
        q.bind(QStringLiteral(":topic") + QString::number(i), QString(payloadTopics.at(i)));
    q.bind(QStringLiteral(":after"), afterId).bind(QStringLiteral(":limit"), limit);
    if (Status s = q.exec("read events"); !s)
        return s.error();
    QList<Event> events;
    while (q.next()) {
        const QByteArray json = q.value(3).toByteArray();
        events.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                       json.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(json).object(),
                       q.value(4).toLongLong()});
    }
    return events;
}

Result<qint64> EventLog::lastId()
{
    Statement q(m_db, QStringLiteral("SELECT MAX(id) FROM events"));
    if (Status s = q.exec("last event id"); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<qint64> EventLog::offset(const QString &consumer)
{
    Statement q(m_db, QStringLiteral("SELECT last_id FROM consumer_offsets WHERE consumer = :c"));
    q.bind(QStringLiteral(":c"), consumer);
    if (Status s = q.exec("read offset"); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Status EventLog::storeOffset(const QString &consumer, qint64 lastId)
{
    // Update first: the common case once a consumer has run; insert when it never stored one.
    {
        Statement q(m_db, QStringLiteral("UPDATE consumer_offsets SET last_id = :id, updated_at = "
                                         ":now WHERE consumer = :c"));
        q.bind(QStringLiteral(":id"), lastId)
            .bind(QStringLiteral(":now"), Connection::nowMs())
            .bind(QStringLiteral(":c"), consumer);
        if (Status s = q.exec("store offset"); !s)
            return s;
        if (q.numRowsAffected() > 0)
            return {};
    }
    Statement q(m_db, m_db.insertIgnore()
                          + QStringLiteral(" INTO consumer_offsets (consumer, last_id, updated_at) "
                                           "VALUES (:c, :id, :now)"));
    q.bind(QStringLiteral(":c"), consumer)
        .bind(QStringLiteral(":id"), lastId)
        .bind(QStringLiteral(":now"), Connection::nowMs());
    return q.exec("insert offset");
}

} // namespace pincart::server

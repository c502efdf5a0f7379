// The event tailer over a real SQLite file: order, stored offsets, resume after restart, and holes
// in the id sequence (MySQL commits ids out of order and rollbacks burn them).

#include "connection.h"
#include "eventlog.h"
#include "eventtailer.h"
#include "migrations.h"

#include <QJsonObject>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pincart;
using namespace pincart::server;

namespace {

class Recorder final : public EventConsumer
{
public:
    explicit Recorder(bool durable, int failOnceAt = 0, QList<QLatin1StringView> topics = {})
        : m_durable(durable)
        , m_failOnceAt(failOnceAt)
        , m_topics(std::move(topics))
    {}
    QString name() const override { return QStringLiteral("recorder"); }
    bool durable() const override { return m_durable; }
    QList<QLatin1StringView> topics() const override { return m_topics; }
    Status handle(const Event &event) override
    {
        QMutexLocker lock(&m_mutex);
        if (event.id == m_failOnceAt) {
            m_failOnceAt = 0;
            return DomainError::unavailable(QStringLiteral("try again"));
        }
        m_ids << event.id;
        m_payloads << event.payload;
        return {};
    }
    QList<qint64> ids() const
    {
        QMutexLocker lock(&m_mutex);
        return m_ids;
    }
    QList<QJsonObject> payloads() const
    {
        QMutexLocker lock(&m_mutex);
        return m_payloads;
    }

private:
    bool m_durable;
    qint64 m_failOnceAt;
    QList<QLatin1StringView> m_topics;
    mutable QMutex m_mutex;
    QList<qint64> m_ids;
    QList<QJsonObject> m_payloads;
};

const QLatin1StringView Wanted{"test.wanted"};
const QLatin1StringView Other{"test.other"};

} // namespace

class TestEventTailer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    DatabaseUrl m_url;
    std::unique_ptr<Connection> m_db;

    void appendTopic(QLatin1StringView topic, int n)
    {
        Transaction tx(*m_db);
        QVERIFY(tx.started().ok());
        QVERIFY(EventLog(*m_db).append(topic, QString::number(n), {{"n", n}}).ok());
        QVERIFY(tx.commit().ok());
    }
    void append(int count)
    {
        for (int i = 0; i < count; ++i) {
            Transaction tx(*m_db);
            QVERIFY(tx.started().ok());
            QVERIFY(EventLog(*m_db)
                        .append(QLatin1StringView("test.event"), QString::number(i), {})
                        .ok());
            QVERIFY(tx.commit().ok());
        }
    }
    void insertWithId(qint64 id)
    {
        QSqlQuery q(QSqlDatabase::database(m_db->connectionName()));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO events (id, topic, event_key, payload, "
                                      "created_at) VALUES (%1, 't', 'k', '{}', 0)")
                           .arg(id)));
    }

private Q_SLOTS:
    void init()
    {
        m_db.reset();
        QVERIFY(m_dir.isValid());
        m_url = *DatabaseUrl::parse(
            QStringLiteral("sqlite://")
            + m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction())));
        m_db = std::make_unique<Connection>(m_url);
        QVERIFY(migrate(*m_db).ok());
    }
    void cleanup() { m_db.reset(); }

    void deliversInOrderAndResumesFromItsOffset()
    {
        append(5);
        auto first = std::make_shared<Recorder>(true);
        {
            EventTailer tailer(m_url, first, {50, 2, 10000}); // batches of 2: several polls
            tailer.start();
            QTRY_COMPARE_WITH_TIMEOUT(first->ids().size(), 5, 5000);
            QTRY_VERIFY_WITH_TIMEOUT(tailer.caughtUp(), 5000);
        }
        QCOMPARE(first->ids(), (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(*EventLog(*m_db).offset(QStringLiteral("recorder")), 5);

        append(3);
        auto second = std::make_shared<Recorder>(true);
        EventTailer tailer(m_url, second, {50, 100, 10000});
        tailer.start();
        QTRY_COMPARE_WITH_TIMEOUT(second->ids(), (QList<qint64>{6, 7, 8}), 5000);
    }

    void nodeLocalConsumersStartAtTheEnd()
    {
        append(4);
        auto local = std::make_shared<Recorder>(false);
        EventTailer tailer(m_url, local, {50, 100, 10000});
        tailer.start();
        QTRY_VERIFY_WITH_TIMEOUT(tailer.caughtUp(), 5000);
        append(2);
        tailer.wake();
        QTRY_COMPARE_WITH_TIMEOUT(local->ids(), (QList<qint64>{5, 6}), 5000);
    }

    void aFailedEventIsOfferedAgain()
    {
        append(4);
        auto flaky = std::make_shared<Recorder>(true, 3);
        EventTailer tailer(m_url, flaky, {50, 100, 10000});
        tailer.start();
        QTRY_COMPARE_WITH_TIMEOUT(flaky->ids(), (QList<qint64>{1, 2, 3, 4}), 5000);
    }

    void waitsForAHoleThenSkipsIt()
    {
        append(2);       // ids 1, 2
        insertWithId(5); // 3 and 4 are "in flight" (or rolled back)
        auto consumer = std::make_shared<Recorder>(true);
        EventTailer tailer(m_url, consumer, {50, 100, 800});
        tailer.start();
        QTRY_COMPARE_WITH_TIMEOUT(consumer->ids(), (QList<qint64>{1, 2, 5}), 5000);
        QCOMPARE(tailer.offset(), 2); // not past the hole yet
        insertWithId(3);              // a late commit fills part of the hole
        tailer.wake();
        QTRY_COMPARE_WITH_TIMEOUT(consumer->ids(), (QList<qint64>{1, 2, 5, 3}), 5000);
        // 4 never comes: after the gap timeout the offset moves past it, and nothing is delivered
        // twice.
        QTRY_COMPARE_WITH_TIMEOUT(tailer.offset(), 5, 5000);
        QCOMPARE(consumer->ids(), (QList<qint64>{1, 2, 5, 3}));
        QTRY_COMPARE_WITH_TIMEOUT(*EventLog(*m_db).offset(QStringLiteral("recorder")), 5, 5000);
    }

    // A consumer that names its topics gets only those, with their payloads; the others still
    // move its offset, and a local commit of only other topics does not wake it.
    void aConsumerGetsOnlyItsTopics()
    {
        appendTopic(Wanted, 1);
        appendTopic(Other, 2);
        appendTopic(Wanted, 3);
        appendTopic(Other, 4);
        auto consumer = std::make_shared<Recorder>(true, 0, QList{Wanted});
        // Polls only when woken; stores its offset after every poll.
        EventTailer tailer(
            m_url, consumer,
            {.pollIntervalMs = 600000, .batchSize = 100, .offsetStoreIntervalMs = 0});
        QVERIFY(tailer.handles(Wanted));
        QVERIFY(!tailer.handles(Other));
        tailer.start();
        QTRY_COMPARE_WITH_TIMEOUT(consumer->ids(), (QList<qint64>{1, 3}), 5000);
        QCOMPARE(consumer->payloads().at(0).value("n").toInt(), 1);
        QCOMPARE(consumer->payloads().at(1).value("n").toInt(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(tailer.offset(), 4, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(*EventLog(*m_db).offset(QStringLiteral("recorder")), 4, 5000);

        appendTopic(Wanted, 5);
        tailer.wakeFor({Other}); // not its topic: it sleeps on
        QTest::qWait(300);
        QCOMPARE(consumer->ids(), (QList<qint64>{1, 3}));
        tailer.wakeFor({Other, Wanted});
        QTRY_COMPARE_WITH_TIMEOUT(consumer->ids(), (QList<qint64>{1, 3, 5}), 5000);
    }

    void aConsumerWithoutTopicsGetsEverything()
    {
        appendTopic(Wanted, 1);
        appendTopic(Other, 2);
        auto consumer = std::make_shared<Recorder>(true);
        EventTailer tailer(m_url, consumer, {600000, 100, 10000});
        QVERIFY(tailer.handles(Other));
        tailer.start();
        QTRY_COMPARE_WITH_TIMEOUT(consumer->ids(), (QList<qint64>{1, 2}), 5000);
        QCOMPARE(consumer->payloads().at(1).value("n").toInt(), 2);
        appendTopic(Other, 3);
        tailer.wakeFor({Other});
        QTRY_COMPARE_WITH_TIMEOUT(consumer->ids(), (QList<qint64>{1, 2, 3}), 5000);
    }
};

QTEST_GUILESS_MAIN(TestEventTailer)
#include "tst_eventtailer.moc"

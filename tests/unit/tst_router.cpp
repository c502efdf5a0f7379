#include "router.h"

#include <QTest>

using namespace pincart::server;

class TestRouter : public QObject
{
    Q_OBJECT

    Router m_router;

private Q_SLOTS:
    void initTestCase()
    {
        const auto h = [](Request &) { return HttpResponse::noContent(); };
        m_router.add("GET", QStringLiteral("/api/v1/items/{id}"), h);
        m_router.add("PATCH", QStringLiteral("/api/v1/items/{id}"), h);
        m_router.add("GET", QStringLiteral("/api/v1/items"), h);
        m_router.add("POST", QStringLiteral("/api/v1/items"), h);
        m_router.add("PATCH", QStringLiteral("/api/v1/admin/users/{id}"), h);
    }

    void match_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("route"); // empty: no match
        QTest::addColumn<qint64>("param");
        QTest::addColumn<QByteArray>("allow");
        QTest::addRow("item by id") << QByteArray("GET") << "/api/v1/items/42" << QByteArray("GET /api/v1/items/{id}") << qint64(42) << QByteArray();
        QTest::addRow("trailing slash") << QByteArray("GET") << "/api/v1/items/42/" << QByteArray("GET /api/v1/items/{id}") << qint64(42) << QByteArray();
        QTest::addRow("list") << QByteArray("GET") << "/api/v1/items" << QByteArray("GET /api/v1/items") << qint64(0) << QByteArray();
        QTest::addRow("id not a number") << QByteArray("GET") << "/api/v1/items/abc" << QByteArray() << qint64(0) << QByteArray();
        QTest::addRow("id zero") << QByteArray("GET") << "/api/v1/items/0" << QByteArray() << qint64(0) << QByteArray();
        QTest::addRow("id negative") << QByteArray("GET") << "/api/v1/items/-4" << QByteArray() << qint64(0) << QByteArray();
        QTest::addRow("id overflowing") << QByteArray("GET") << "/api/v1/items/99999999999999999999" << QByteArray() << qint64(0) << QByteArray();
        QTest::addRow("wrong method") << QByteArray("DELETE") << "/api/v1/items/42" << QByteArray() << qint64(0) << QByteArray("GET, PATCH");
        QTest::addRow("wrong method on list") << QByteArray("PUT") << "/api/v1/items" << QByteArray() << qint64(0) << QByteArray("GET, POST");
        QTest::addRow("deeper path") << QByteArray("GET") << "/api/v1/items/42/reviews" << QByteArray() << qint64(0) << QByteArray();
        QTest::addRow("other id route") << QByteArray("PATCH") << "/api/v1/admin/users/7" << QByteArray("PATCH /api/v1/admin/users/{id}") << qint64(7) << QByteArray();
        QTest::addRow("prefix only") << QByteArray("GET") << "/api/v1" << QByteArray() << qint64(0) << QByteArray();
    }
    void match()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, route);
        QFETCH(qint64, param);
        QFETCH(QByteArray, allow);
        const Router::Match m = m_router.match(method, path);
        if (route.isEmpty()) {
            QCOMPARE(m.routeIndex, -1);
            QCOMPARE(m.allow, allow);
        } else {
            QVERIFY(m.routeIndex >= 0);
            QCOMPARE(m_router.name(m.routeIndex), route);
            QCOMPARE(m.params.value(0), param);
        }
    }
};

QTEST_APPLESS_MAIN(TestRouter)
#include "tst_router.moc"

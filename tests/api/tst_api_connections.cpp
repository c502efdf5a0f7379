// The socket side of the server (QtHttpServer 6.4 guards nothing itself): idle and slow clients,
// the connection cap, the idle timeout, bodies refused from their headers, Connection: close,
// and the operations endpoints.

#include "apitest.h"

#include "apipaths.h"

#include <QTcpSocket>

#include <vector>

using namespace pincart;
using namespace pincart::test;

namespace {

// One raw HTTP exchange: writes `request`, returns what came back before the peer closed or
// `timeoutMs` passed.
QByteArray exchange(QTcpSocket &socket, const QByteArray &request, int timeoutMs = 5000)
{
    socket.write(request);
    socket.flush();
    QByteArray answer;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (socket.waitForReadyRead(100))
            answer += socket.readAll();
        if (answer.contains("\r\n\r\n")) {
            const qsizetype headerEnd = answer.indexOf("\r\n\r\n") + 4;
            const qsizetype cl = answer.toLower().indexOf("content-length:");
            if (cl >= 0) {
                const qint64 length = answer.mid(cl + 15, answer.indexOf("\r\n", cl) - cl - 15).trimmed().toLongLong();
                if (answer.size() >= headerEnd + length)
                    break;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return answer;
}

} // namespace

class TestConnections : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers;

private Q_SLOTS:
    void initTestCase_data()
    {
        // The socket layer does not depend on the database: SQLite alone keeps this test quick.
        QTest::addColumn<Backend>("backend");
        QTest::newRow("sqlite") << Backend::Sqlite;
    }
    void cleanupTestCase() { m_servers.stopAll(); }

    void idleConnectionsDoNotStarveNewClients()
    {
        PINCART_SERVER(m_servers, server);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 300; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, server->port());
            QVERIFY(s->waitForConnected(5000));
            if (i % 2) // half send a partial request and stall: the slowloris shape
                s->write("GET /api/v1/items HTTP/1.1\r\nHost: x\r\n");
            idle.push_back(std::move(s));
        }
        ApiCall api(server->url());
        for (int i = 0; i < 20; ++i) {
            const ApiResponse r = api.get(paths::healthz());
            QCOMPARE(r.status, 200);
        }
        const ApiResponse items = api.get(paths::items());
        QCOMPARE(items.status, 200);
        // The stalled connections are all still open: they were not dropped to make room.
        int open = 0;
        for (auto &s : idle)
            open += s->state() == QAbstractSocket::ConnectedState ? 1 : 0;
        QCOMPARE(open, 300);
    }

    void connectionCapAnswers503()
    {
        TestServer::Options options;
        options.items = 5;
        options.threads = 1;
        options.maxConnections = 8;
        TestServer small(Backend::Sqlite, options);
        QVERIFY2(small.start(), qPrintable(small.error()));
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 8; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, small.port());
            QVERIFY(s->waitForConnected(5000));
            // A full exchange proves the server has taken this connection before the next.
            QVERIFY(exchange(*s, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
            held.push_back(std::move(s));
        }
        QTcpSocket extra;
        extra.connectToHost(QHostAddress::LocalHost, small.port());
        QVERIFY(extra.waitForConnected(5000));
        const QByteArray answer = exchange(extra, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 503"), answer.constData());
        // Freeing a slot lets the next client in (once the server has seen the close).
        held.pop_back();
        bool admitted = false;
        QElapsedTimer waited;
        waited.start();
        while (!admitted && waited.elapsed() < 20000) {
            QTcpSocket again;
            again.connectToHost(QHostAddress::LocalHost, small.port());
            admitted = again.waitForConnected(3000)
                       && exchange(again, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 3000).startsWith("HTTP/1.1 200");
            if (!admitted)
                QTest::qWait(100);
        }
        QVERIFY(admitted);
    }

    void idleConnectionsAreClosed()
    {
        TestServer::Options options;
        options.items = 5;
        options.idleTimeoutMs = 1000;
        TestServer quick(Backend::Sqlite, options);
        QVERIFY2(quick.start(), qPrintable(quick.error()));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quick.port());
        QVERIFY(s.waitForConnected(5000));
        QVERIFY(exchange(s, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), QAbstractSocket::UnconnectedState, 15000);
        QVERIFY2(t.elapsed() >= 500, "closed too early: it was not idle");
    }

    void oversizedBodyIsRefusedFromItsHeaders()
    {
        PINCART_SERVER(m_servers, server);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(s.waitForConnected(5000));
        // Announces 500 MB and sends none of it: the answer must not wait for the body.
        const QByteArray answer = exchange(s, "POST /api/v1/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                              "Content-Length: 500000000\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
        QVERIFY(answer.contains("application/problem+json"));
    }

    void connectionCloseIsHonoured()
    {
        PINCART_SERVER(m_servers, server);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(s.waitForConnected(5000));
        const QByteArray answer = exchange(s, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QVERIFY(answer.startsWith("HTTP/1.1 200"));
        QVERIFY(answer.contains("Connection: close"));
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), QAbstractSocket::UnconnectedState, 15000);
    }

    void keepAliveServesManyRequestsOnOneConnection()
    {
        PINCART_SERVER(m_servers, server);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(s.waitForConnected(5000));
        for (int i = 0; i < 50; ++i)
            QVERIFY(exchange(s, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
        QCOMPARE(s.state(), QAbstractSocket::ConnectedState);
    }

    void operationsEndpoints()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        QCOMPARE(api.get(paths::healthz()).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(api.get(paths::readyz()).status, 200, 5000);
        api.get(paths::item(1));
        api.get(paths::item(987654321));
        const ApiResponse metrics = api.get(paths::metrics());
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain"));
        QVERIFY(metrics.body.contains("pincart_http_requests_total{route=\"GET /api/v1/items/{id}\",code=\"2xx\"}"));
        QVERIFY(metrics.body.contains("pincart_http_requests_total{route=\"GET /api/v1/items/{id}\",code=\"4xx\"}"));
        QVERIFY(metrics.body.contains("pincart_http_request_duration_seconds_bucket{route=\"GET /healthz\",le=\"+Inf\"}"));
        QVERIFY(metrics.body.contains("pincart_consumer_lag_events{consumer=\"item-cache\"}"));
        QVERIFY(metrics.body.contains("pincart_open_connections"));
        const ApiResponse doc = api.get(paths::openApi());
        QCOMPARE(doc.status, 200);
        QCOMPARE(doc.json().value(QStringLiteral("openapi")).toString().left(2), QStringLiteral("3."));
    }
};

QTEST_GUILESS_MAIN(TestConnections)
#include "tst_api_connections.moc"

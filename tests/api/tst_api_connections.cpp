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

// The pincart_open_connections gauge, read through a connection of its own.
int openConnections(const QUrl &url)
{
    const QByteArray metrics = ApiCall(url).get(paths::metrics()).body;
    const qsizetype at = metrics.indexOf("\npincart_open_connections ");
    if (at < 0)
        return -1;
    return metrics.mid(at + 26, metrics.indexOf('\n', at + 1) - at - 26).trimmed().toInt();
}

struct Answer
{
    int status = 0;
    QByteArray body;
};

// Reads `count` answers from one connection, in the order they arrive.
QList<Answer> readAnswers(QTcpSocket &socket, int count, int timeoutMs = 10000)
{
    QList<Answer> answers;
    QByteArray buffer;
    QElapsedTimer t;
    t.start();
    while (answers.size() < count && t.elapsed() < timeoutMs) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray head = buffer.left(headerEnd).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            const qint64 length
                = cl < 0 ? 0 : head.mid(cl + 15, head.indexOf("\r\n", cl) - cl - 15).trimmed().toLongLong();
            if (buffer.size() >= headerEnd + 4 + length) {
                answers.append({buffer.mid(9, 3).toInt(), buffer.mid(headerEnd + 4, length)});
                buffer.remove(0, headerEnd + 4 + length);
                continue;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && !socket.bytesAvailable())
            break;
        if (socket.waitForReadyRead(100))
            buffer += socket.readAll();
    }
    return answers;
}

// A request of the pipelining table, and what identifies its answer.
struct PipelinedRequest
{
    QByteArray target;
    int status;
    QByteArray bodyMarker; // in the answer's body
};

} // namespace

Q_DECLARE_METATYPE(QList<PipelinedRequest>)

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

    // Inline routes (item, health) answer on the I/O thread; the others wait for a handler thread
    // and may finish in any order. Requests sent back to back on one connection must still get
    // their answers in the order they were sent (QtHttpServer 6.4 itself gets this wrong).
    void pipelinedAnswersComeBackInOrder_data()
    {
        QTest::addColumn<QList<PipelinedRequest>>("requests");
        const PipelinedRequest pool{"/api/v1/items?limit=100", 200, "\"items\""};
        const PipelinedRequest categories{"/api/v1/categories", 200, "\"name\""};
        const PipelinedRequest ready{"/readyz", 200, "ready"};
        const PipelinedRequest health{"/healthz", 200, "alive"};
        const PipelinedRequest item{"/api/v1/items/1", 200, "\"id\":1,"};
        const PipelinedRequest missingItem{"/api/v1/items/987654321", 404, "No item"};
        const PipelinedRequest unknown{"/no/such/thing", 404, "No such resource"};
        const PipelinedRequest badQuery{"/api/v1/items?limit=0", 422, "limit"};
        QTest::newRow("pool then inline") << QList<PipelinedRequest>{pool, health};
        QTest::newRow("inline then pool then inline") << QList<PipelinedRequest>{item, pool, item};
        QTest::newRow("pool, unmatched, pool") << QList<PipelinedRequest>{pool, unknown, categories};
        QTest::newRow("errors between") << QList<PipelinedRequest>{badQuery, pool, missingItem, ready};
        QTest::newRow("long mix") << QList<PipelinedRequest>{pool, health, categories, item,  pool,
                                                             ready, unknown, pool,  health, missingItem,
                                                             pool, item,   badQuery, categories, health};
    }
    void pipelinedAnswersComeBackInOrder()
    {
        QFETCH(QList<PipelinedRequest>, requests);
        PINCART_SERVER(m_servers, server);
        QTRY_COMPARE_WITH_TIMEOUT(ApiCall(server->url()).get(paths::readyz()).status, 200, 10000);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(s.waitForConnected(5000));
        QByteArray all;
        for (const PipelinedRequest &r : requests)
            all += "GET " + r.target + " HTTP/1.1\r\nHost: x\r\n\r\n";
        s.write(all); // one write: the server parses them back to back
        s.flush();
        const QList<Answer> answers = readAnswers(s, int(requests.size()));
        QCOMPARE(answers.size(), requests.size());
        for (int i = 0; i < requests.size(); ++i) {
            const QByteArray what = QByteArray::number(i) + ": " + requests.at(i).target + " -> "
                                    + QByteArray::number(answers.at(i).status) + " "
                                    + answers.at(i).body.left(120);
            QVERIFY2(answers.at(i).status == requests.at(i).status, what.constData());
            QVERIFY2(answers.at(i).body.contains(requests.at(i).bodyMarker), what.constData());
        }
        QCOMPARE(s.state(), QAbstractSocket::ConnectedState);
    }

    // A client that leaves while its request waits for a handler thread: the answer is dropped,
    // nothing else happens (QtHttpServer 6.4's own late responders crash here).
    void clientsLeavingBeforeTheirAnswer()
    {
        PINCART_SERVER(m_servers, server);
        for (int i = 0; i < 100; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, server->port());
            QVERIFY(s.waitForConnected(5000));
            s.write("GET /api/v1/items?limit=100 HTTP/1.1\r\nHost: x\r\n\r\n"
                    "GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n");
            s.flush();
            if (i % 2)
                s.abort(); // a reset
            else
                s.disconnectFromHost();
        }
        ApiCall api(server->url());
        QCOMPARE(api.get(paths::healthz()).status, 200);
        QCOMPARE(api.get(paths::item(1)).status, 200);
        QCOMPARE(api.get(paths::readyz()).status, 200); // the pool still runs
        // Every socket the loop opened is closed on the server too (only this check's own remains).
        QTRY_VERIFY_WITH_TIMEOUT(openConnections(server->url()) <= 2, 10000);
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

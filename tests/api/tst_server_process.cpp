// The pincart-server executable as an operator runs it: seed, serve, the first admin from the
// environment, the pincode directory, a graceful stop on SIGTERM, and SIGKILL in the middle of
// onboarding and of a stream of checkouts.

#include "apicall.h"
#include "apipaths.h"
#include "dbfingerprint.h"
#include "mariadbinstance.h"

#include <csignal>
#include <fcntl.h>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace pincart;
using namespace pincart::test;

namespace {

// Signals a started server: empty when it was signalled, else how it had already ended (a crash
// and its signal, or an exit and its code), for the failure message. Never pid 0: kill(0, ...)
// would signal this test's own process group and take ctest with it.
QString signalServer(const QProcess &server, int signal)
{
    const qint64 pid = server.processId();
    if (pid > 0 && ::kill(pid_t(pid), signal) == 0)
        return {};
    if (server.exitStatus() == QProcess::CrashExit)
        return QStringLiteral("the server is not running: it was killed by signal %1")
            .arg(server.exitCode());
    return QStringLiteral("the server is not running: it exited with code %1")
        .arg(server.exitCode());
}

// Fails the test function with how the server ended when it was no longer there to signal.
#define VERIFY_SIGNALLED(server, signal)                                                           \
    do {                                                                                           \
        const QString notSignalled = signalServer(server, signal);                                 \
        QVERIFY2(notSignalled.isEmpty(), qPrintable(notSignalled));                                \
    } while (false)

// The pid of a process holding an fcntl lock anywhere in `path` (0 for none), as another process
// that wanted the whole file to itself would find it.
qint64 lockHolder(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET; // l_start 0, l_len 0: the whole file
    const bool asked = ::fcntl(fd, F_GETLK, &lock) == 0;
    ::close(fd);
    return asked && lock.l_type != F_UNLCK ? lock.l_pid : 0;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_binary;

    QString database() const
    {
        return QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("p.db"));
    }

    int run(const QStringList &args, QByteArray *output = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_binary, args);
        if (!p.waitForFinished(180000))
            return -1;
        if (output)
            *output = p.readAll();
        return p.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_binary = QStringLiteral(PINCART_SERVER_BINARY);
        QVERIFY(QFile::exists(m_binary));
        QVERIFY(m_dir.isValid());
    }

    void seedLoadsTheDirectoryAndIsIdempotent()
    {
        QByteArray out;
        QCOMPARE(run({QStringLiteral("seed"), QStringLiteral("--database"), database(),
                      QStringLiteral("--items"), QStringLiteral("300")},
                     &out),
                 0);
        QVERIFY2(out.contains("300 items"), out.constData());
        QCOMPARE(rowCount(database(), QStringLiteral("pincodes")), 19097);
        QCOMPARE(rowCount(database(), QStringLiteral("items")), 300);
        // Again: nothing is duplicated.
        QCOMPARE(run({QStringLiteral("seed"), QStringLiteral("--database"), database(),
                      QStringLiteral("--items"), QStringLiteral("300")},
                     &out),
                 0);
        QCOMPARE(rowCount(database(), QStringLiteral("items")), 300);
        QCOMPARE(rowCount(database(), QStringLiteral("pincodes")), 19097);
    }

    // `seed --seed N` is a fixed catalogue: the benchmarks compare engines and commits on it, and a
    // bug report can name it. Every process seeds Qt's hashing at random; the catalogue must not
    // follow.
    void seedIsTheSameCatalogueInEveryProcess()
    {
        QStringList catalogues;
        for (const char *name : {"same-a.db", "same-b.db"}) {
            const QString db = QStringLiteral("sqlite://") + m_dir.filePath(QLatin1String(name));
            QCOMPARE(run({QStringLiteral("seed"), QStringLiteral("--database"), db,
                          QStringLiteral("--items"), QStringLiteral("500"),
                          QStringLiteral("--seed"), QStringLiteral("3"),
                          QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("same"))}),
                     0);
            catalogues << queryScalar(db, QStringLiteral(
                                              "SELECT group_concat(sku || '|' || title || '|' || "
                                              "brand || '|' || price_amount, ';') FROM "
                                              "(SELECT * FROM items ORDER BY id)"))
                              .toString();
        }
        QVERIFY(catalogues.first().count(QLatin1Char(';')) == 499);
        QCOMPARE(catalogues.last(), catalogues.first());
    }

    void badOptionsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("bad port") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::addRow("zero threads")
            << QStringList{QStringLiteral("--threads"), QStringLiteral("0")};
        QTest::addRow("bad database url")
            << QStringList{QStringLiteral("--database"), QStringLiteral("postgres://x")};
        QTest::addRow("unknown command") << QStringList{QStringLiteral("explode")};
        QTest::addRow("negative items")
            << QStringList{QStringLiteral("seed"), QStringLiteral("--items"), QStringLiteral("-5")};
    }
    void badOptionsAreRefused()
    {
        QFETCH(QStringList, args);
        QByteArray out;
        QCOMPARE(run(args << QStringLiteral("--data-dir") << m_dir.filePath(QStringLiteral("bad")),
                     &out),
                 1);
        QVERIFY2(out.contains("pincart-server:"), out.constData());
    }

    void servesWithTheConfiguredAdminAndStopsOnSigterm()
    {
        const quint16 port = freePort();
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PINCART_DATABASE"),
                   QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("fresh.db")));
        env.insert(QStringLiteral("PINCART_PORT"), QString::number(port));
        env.insert(QStringLiteral("PINCART_ADMIN_EMAIL"), QStringLiteral("root@shop.example"));
        env.insert(QStringLiteral("PINCART_ADMIN_PASSWORD"), QStringLiteral("a-strong-secret"));
        env.insert(QStringLiteral("PINCART_ACCESS_LOG"),
                   m_dir.filePath(QStringLiteral("access.log")));
        server.setProcessEnvironment(env);
        server.start(m_binary,
                     {QStringLiteral("serve"), QStringLiteral("--threads"), QStringLiteral("2"),
                      QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))});
        QVERIFY(server.waitForStarted());

        ApiCall api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QTRY_COMPARE_WITH_TIMEOUT(api.get(paths::readyz()).status, 200, 20000);
        QVERIFY(!api.login(QStringLiteral("root@shop.example"), QStringLiteral("a-strong-secret"))
                     .isEmpty());
        const ApiResponse me = api.get(paths::me());
        QCOMPARE(me.status, 200);
        QVERIFY(
            me.json().value(QStringLiteral("roles")).toArray().contains(QStringLiteral("admin")));
        // The reference categories are there without any seed.
        QVERIFY(api.get(paths::categories()).json().value(QStringLiteral("items")).toArray().size()
                >= 12);

        VERIFY_SIGNALLED(server, SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        const QByteArray log = server.readAll();
        QVERIFY2(log.contains("stopping"), log.constData());
        QFile access(m_dir.filePath(QStringLiteral("access.log")));
        QVERIFY(access.open(QIODevice::ReadOnly));
        QVERIFY(access.readAll().contains("GET /api/v1/me 200"));
    }

    void onboardingSurvivesSigkill()
    {
        const QString db = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("crash.db"));
        QCOMPARE(run({QStringLiteral("seed"), QStringLiteral("--database"), db,
                      QStringLiteral("--items"), QStringLiteral("0"), QStringLiteral("--data-dir"),
                      m_dir.path()}),
                 0);
        const int rows = 60000;
        QByteArray csv = "sku,title,description,brand,category_id,price,attr.screen_size,attr."
                         "panel,attr.resolution,attr.smart\n";
        for (int i = 1; i <= rows; ++i)
            csv += QStringLiteral("CR-%1,Crash test TV %1,Row %1,Acme,101,%2,55,OLED,4K,true\n")
                       .arg(i)
                       .arg(1000 + i)
                       .toUtf8();

        const quint16 port = freePort();
        const auto start = [&](QProcess &p) {
            p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p.start(m_binary, {QStringLiteral("--database"), db, QStringLiteral("--port"),
                               QString::number(port), QStringLiteral("--access-log"),
                               QStringLiteral("off"), QStringLiteral("--data-dir"), m_dir.path()});
            return p.waitForStarted();
        };
        QProcess first;
        QVERIFY(start(first));
        ApiCall api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QTRY_COMPARE_WITH_TIMEOUT(api.get(paths::readyz()).status, 200, 20000);
        QVERIFY(!api.login(QStringLiteral("supplier@pincart.demo"), QStringLiteral("demo-password"))
                     .isEmpty());
        const ApiResponse posted = api.send("POST", paths::submissions(), csv, "text/csv");
        QCOMPARE(posted.status, 202);
        const qint64 id = posted.json().value(QStringLiteral("id")).toInteger();

        // Kill it mid-file: some chunks committed, others not.
        int processed = 0;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000) {
            processed
                = queryScalar(db,
                              QStringLiteral("SELECT rows_processed FROM submissions WHERE id = %1")
                                  .arg(id))
                      .toInt();
            if (processed > 0)
                break;
            QTest::qWait(5);
        }
        VERIFY_SIGNALLED(first, SIGKILL);
        QVERIFY(first.waitForFinished(10000));
        QVERIFY2(processed > 0 && processed < rows, qPrintable(QString::number(processed)));
        const qint64 itemsAtKill = rowCount(db, QStringLiteral("items"));
        QVERIFY2(itemsAtKill < rows, "the kill came too late to test anything");

        QProcess second;
        QVERIFY(start(second));
        QTRY_VERIFY_WITH_TIMEOUT(
            queryScalar(db, QStringLiteral("SELECT status FROM submissions WHERE id = %1").arg(id))
                    .toString()
                != QLatin1String("pending"),
            120000);
        QCOMPARE(
            queryScalar(db, QStringLiteral("SELECT status FROM submissions WHERE id = %1").arg(id))
                .toString(),
            QStringLiteral("accepted"));
        // Every row exactly once in effect: as many items and item events as rows, each item as its
        // row says.
        QCOMPARE(rowCount(db, QStringLiteral("items")), qint64(rows));
        QCOMPARE(
            queryScalar(db, QStringLiteral("SELECT COUNT(DISTINCT sku) FROM items")).toLongLong(),
            qint64(rows));
        QCOMPARE(queryScalar(db, QStringLiteral(
                                     "SELECT COUNT(*) FROM events WHERE topic = 'item.upserted'"))
                     .toLongLong(),
                 qint64(rows));
        QCOMPARE(queryScalar(db, QStringLiteral("SELECT MAX(version) FROM items")).toLongLong(), 1);
        QCOMPARE(queryScalar(db, QStringLiteral("SELECT title FROM items WHERE sku = 'CR-31415'"))
                     .toString(),
                 QStringLiteral("Crash test TV 31415"));
        QCOMPARE(
            queryScalar(db, QStringLiteral("SELECT price_amount FROM items WHERE sku = 'CR-31415'"))
                .toLongLong(),
            (1000 + 31415) * 100);
        QCOMPARE(
            queryScalar(
                db, QStringLiteral("SELECT rows_accepted FROM submissions WHERE id = %1").arg(id))
                .toInt(),
            rows);
        VERIFY_SIGNALLED(second, SIGTERM);
        QVERIFY(second.waitForFinished(10000));
    }

    // SIGKILL during a stream of checkouts: after a restart every order is whole or absent, no
    // stock was taken without an order, and every order the server acknowledged is there.
    void checkoutsSurviveSigkill_data()
    {
        QTest::addColumn<bool>("mariadb");
        QTest::newRow("sqlite") << false;
        QTest::newRow("mariadb") << true;
    }
    void checkoutsSurviveSigkill()
    {
        QFETCH(bool, mariadb);
        QString db
            = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("checkout-crash.db"));
        if (mariadb) {
            QString error;
            db = MariaDbInstance::createDatabase(&error);
            QVERIFY2(!db.isEmpty(), qPrintable(error));
        }
        QCOMPARE(run({QStringLiteral("seed"), QStringLiteral("--database"), db,
                      QStringLiteral("--items"), QStringLiteral("200"),
                      QStringLiteral("--data-dir"), m_dir.path()}),
                 0);
        const qint64 stockBefore
            = queryScalar(db, QStringLiteral("SELECT SUM(on_hand) FROM stock")).toLongLong();
        // Items Delhi holds plenty of: the stream never runs out, so every failure is the kill's.
        QList<qint64> items;
        for (int i = 0; i < 20; ++i) {
            const qint64 id
                = queryScalar(db, QStringLiteral("SELECT s.item_id FROM stock s JOIN warehouses w "
                                                 "ON w.id = s.warehouse_id "
                                                 "WHERE w.code = 'DEL-1' AND s.on_hand > 40 ORDER "
                                                 "BY s.item_id LIMIT 1 OFFSET %1")
                                      .arg(i))
                      .toLongLong();
            if (id)
                items << id;
        }
        QVERIFY(items.size() >= 5);

        const quint16 port = freePort();
        const auto start = [&](QProcess &p) {
            p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p.start(m_binary, {QStringLiteral("--database"), db, QStringLiteral("--port"),
                               QString::number(port), QStringLiteral("--access-log"),
                               QStringLiteral("off"), QStringLiteral("--data-dir"), m_dir.path()});
            return p.waitForStarted();
        };
        QProcess first;
        QVERIFY(start(first));
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
        ApiCall probe(url);
        QTRY_COMPARE_WITH_TIMEOUT(probe.get(paths::readyz()).status, 200, 30000);

        // Eight customers, each in a loop: a line into the cart, then check out.
        constexpr int Customers = 8;
        std::vector<std::unique_ptr<ApiCall>> customers;
        for (int i = 0; i < Customers; ++i) {
            const QString email
                = QStringLiteral("crash%1-%2@example.com").arg(i).arg(mariadb ? 1 : 0);
            auto c = std::make_unique<ApiCall>(url);
            c->postJson(paths::register_(),
                        {{QStringLiteral("email"), email},
                         {QStringLiteral("password"), QStringLiteral("demo-password")},
                         {QStringLiteral("name"), QStringLiteral("Crash Buyer")},
                         {QStringLiteral("pincode"), QStringLiteral("110001")}});
            QVERIFY(!c->login(email, QStringLiteral("demo-password")).isEmpty());
            customers.push_back(std::move(c));
        }
        QList<qint64> acknowledged;
        bool stop = false;
        int round = 0;
        const QByteArray order
            = R"({"pincode":"110001","address":"4 Janpath, New Delhi","payment":"cod"})";
        std::function<void(int)> next = [&](int i) {
            if (stop)
                return;
            const qint64 item = items.at((i + round++) % items.size());
            ApiClient &client = customers[size_t(i)]->client();
            client.send("PUT", paths::cartItem(item), {}, R"({"quantity":1})", "application/json",
                        this, [&, i](const ApiResponse &) {
                            if (stop)
                                return;
                            customers[size_t(i)]->client().send(
                                "POST", paths::orders(), {}, order, "application/json", this,
                                [&, i](const ApiResponse &r) {
                                    if (r.status == 201)
                                        acknowledged
                                            << r.json().value(QStringLiteral("id")).toInteger();
                                    next(i);
                                });
                        });
        };
        for (int i = 0; i < Customers; ++i)
            next(i);
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= 40, 60000);
        VERIFY_SIGNALLED(first, SIGKILL);
        stop = true;
        QVERIFY(first.waitForFinished(10000));
        QTest::qWait(200); // let the cut connections report
        const QList<qint64> acked = acknowledged;

        QProcess second;
        QVERIFY(start(second));
        QTRY_COMPARE_WITH_TIMEOUT(probe.get(paths::readyz()).status, 200, 30000);
        const auto count = [&](const char *sql) {
            return queryScalar(db, QLatin1String(sql)).toLongLong();
        };
        // Whole or absent: no order without lines, shipments or stock takes; takes match lines.
        QCOMPARE(count("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines "
                       "l WHERE l.order_id = o.id)"),
                 0);
        QCOMPARE(count("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM shipments s "
                       "WHERE s.order_id = o.id)"),
                 0);
        QCOMPARE(count("SELECT COUNT(*) FROM orders o WHERE (SELECT SUM(quantity) FROM order_lines "
                       "l WHERE l.order_id = o.id) "
                       "<> (SELECT SUM(quantity) FROM order_stock t WHERE t.order_id = o.id)"),
                 0);
        QCOMPARE(count("SELECT COUNT(*) FROM order_stock t WHERE NOT EXISTS (SELECT 1 FROM orders "
                       "o WHERE o.id = t.order_id)"),
                 0);
        // No stock taken without an order: what is left plus what orders took is what there was.
        QCOMPARE(count("SELECT SUM(on_hand) FROM stock")
                     + count("SELECT COALESCE(SUM(quantity), 0) FROM order_stock"),
                 stockBefore);
        // Every acknowledged order is there, and the one-event-per-order outbox agrees.
        for (qint64 id : acked)
            QCOMPARE(
                queryScalar(db, QStringLiteral("SELECT COUNT(*) FROM orders WHERE id = %1").arg(id))
                    .toLongLong(),
                1);
        QCOMPARE(count("SELECT COUNT(*) FROM events WHERE topic = 'order.placed'"),
                 count("SELECT COUNT(*) FROM orders"));
        qInfo() << acked.size() << "orders acknowledged before the kill,"
                << count("SELECT COUNT(*) FROM orders") << "stored";
        // And the restarted server takes orders again.
        customers.front()->sendJson("PUT", paths::cartItem(items.first()),
                                    {{QStringLiteral("quantity"), 1}});
        QCOMPARE(customers.front()->send("POST", paths::orders(), order).status, 201);
        VERIFY_SIGNALLED(second, SIGTERM);
        QVERIFY(second.waitForFinished(10000));
    }

    // The default layout: the SQLite database and the search index in one data directory. The
    // index is built at start, and making it durable must not touch the database's files: any close
    // of them drops every fcntl lock the server holds there, and another process (a reader, a seed)
    // that then thought itself alone would reset the WAL index under the server (it died of
    // SIGBUS).
    void keepsItsDatabaseLocksWhenTheIndexIsBuilt()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("layout"));
        const quint16 port = freePort();
        QProcess server;
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start(m_binary, {QStringLiteral("--port"), QString::number(port),
                                QStringLiteral("--access-log"), QStringLiteral("off"),
                                QStringLiteral("--data-dir"), dataDir});
        QVERIFY(server.waitForStarted());
        ApiCall api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QTRY_COMPARE_WITH_TIMEOUT(api.get(paths::readyz()).status, 200, 20000);
        QVERIFY(QFileInfo::exists(dataDir + QStringLiteral("/search")));
        QCOMPARE(api.get(paths::categories()).status, 200);

        for (const char *file : {"pincart.db", "pincart.db-shm"}) {
            const QString path = dataDir + QLatin1Char('/') + QLatin1String(file);
            QVERIFY2(QFileInfo::exists(path), qPrintable(path));
            QCOMPARE(lockHolder(path), server.processId());
        }
        VERIFY_SIGNALLED(server, SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }

    void printsAOneTimePasswordWhenNoneIsConfigured()
    {
        const quint16 port = freePort();
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PINCART_ADMIN_EMAIL"));
        env.remove(QStringLiteral("PINCART_ADMIN_PASSWORD"));
        server.setProcessEnvironment(env);
        server.start(m_binary,
                     {QStringLiteral("--port"), QString::number(port),
                      QStringLiteral("--access-log"), QStringLiteral("off"),
                      QStringLiteral("--database"),
                      QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("otp.db"))});
        QVERIFY(server.waitForStarted());
        QByteArray log;
        QTRY_VERIFY_WITH_TIMEOUT((log += server.readAll()).contains("listening on"), 20000);
        const qsizetype at = log.indexOf("one-time password ");
        QVERIFY2(at >= 0, log.constData());
        const QString password = QString::fromLatin1(log.mid(at + 18).split(' ').first().trimmed());
        ApiCall api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QVERIFY(!api.login(QStringLiteral("admin@pincart.local"), password).isEmpty());
        VERIFY_SIGNALLED(server, SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"

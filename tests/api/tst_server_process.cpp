// The pincart-server executable as an operator runs it: seed, serve, the first admin from the
// environment, the pincode directory, and a graceful stop on SIGTERM.

#include "apicall.h"
#include "apipaths.h"
#include "dbfingerprint.h"

#include <csignal>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace pincart;
using namespace pincart::test;

namespace {

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

        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        const QByteArray log = server.readAll();
        QVERIFY2(log.contains("stopping"), log.constData());
        QFile access(m_dir.filePath(QStringLiteral("access.log")));
        QVERIFY(access.open(QIODevice::ReadOnly));
        QVERIFY(access.readAll().contains("GET /api/v1/me 200"));
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
        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"

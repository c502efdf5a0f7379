#include "mariadbinstance.h"

#include "databaseurl.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMutex>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace pincart::test {

namespace {

struct Instance
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<QProcess> process;
    QString url;
    QString error;
    bool tried = false;
};

Instance &instance()
{
    static Instance i;
    return i;
}

QMutex &mutex()
{
    static QMutex m;
    return m;
}

void stopAtExit()
{
    Instance &i = instance();
    if (i.process) {
        i.process->terminate();
        if (!i.process->waitForFinished(10000))
            i.process->kill();
        i.process->waitForFinished(5000);
        i.process.reset();
    }
    i.dir.reset(); // removes the data directory
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool runQuiet(const QString &program, const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(120000)) {
        *output = QStringLiteral("%1 did not finish").arg(program);
        return false;
    }
    *output = QString::fromLocal8Bit(p.readAll());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString startOwn(Instance &i)
{
    const QString installDb = QStandardPaths::findExecutable(QStringLiteral("mariadb-install-db"));
    QString mariadbd = QStandardPaths::findExecutable(QStringLiteral("mariadbd"));
    if (mariadbd.isEmpty())
        mariadbd = QStandardPaths::findExecutable(QStringLiteral("mariadbd"), {QStringLiteral("/usr/sbin")});
    if (installDb.isEmpty() || mariadbd.isEmpty())
        return QStringLiteral("mariadb-install-db or mariadbd not found (scripts/setup installs mariadb-server)");
    i.dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/pincart-mariadb-XXXXXX"));
    if (!i.dir->isValid())
        return QStringLiteral("cannot create a temporary directory");
    const QString data = i.dir->filePath(QStringLiteral("data"));
    const QString socket = i.dir->filePath(QStringLiteral("sock"));
    const bool root = ::geteuid() == 0;
    QStringList installArgs{QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data,
                            QStringLiteral("--auth-root-authentication-method=normal"),
                            QStringLiteral("--skip-test-db")};
    if (root)
        installArgs << QStringLiteral("--user=root");
    QString output;
    if (!runQuiet(installDb, installArgs, &output))
        return QStringLiteral("mariadb-install-db failed: ") + output.right(500);
    const quint16 port = freePort();
    QStringList args{QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data,
                     QStringLiteral("--socket=") + socket, QStringLiteral("--port=%1").arg(port),
                     QStringLiteral("--bind-address=127.0.0.1"), QStringLiteral("--innodb-buffer-pool-size=256M"),
                     QStringLiteral("--innodb-flush-log-at-trx-commit=2"), QStringLiteral("--skip-log-bin"),
                     QStringLiteral("--max-connections=1000"),
                     QStringLiteral("--pid-file=") + i.dir->filePath(QStringLiteral("pid"))};
    if (root)
        args << QStringLiteral("--user=root");
    i.process = std::make_unique<QProcess>();
    i.process->setProcessChannelMode(QProcess::MergedChannels);
    i.process->setStandardOutputFile(i.dir->filePath(QStringLiteral("mariadbd.log")));
    i.process->start(mariadbd, args);
    if (!i.process->waitForStarted(10000))
        return QStringLiteral("mariadbd did not start");
    std::atexit(stopAtExit);
    const QString url = QStringLiteral("mysql://root@127.0.0.1:%1/?unix_socket=%2").arg(port).arg(socket);
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 60000) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("pincart-probe"));
            db.setUserName(QStringLiteral("root"));
            db.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + socket);
            const bool ok = db.open();
            db.close();
            if (ok) {
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(QStringLiteral("pincart-probe"));
                i.url = url;
                return {};
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pincart-probe"));
        if (i.process->state() == QProcess::NotRunning)
            return QStringLiteral("mariadbd exited; see its log");
        QThread::msleep(100);
    }
    return QStringLiteral("mariadbd did not answer within 60 s");
}

} // namespace

QString MariaDbInstance::serverUrl()
{
    QMutexLocker lock(&mutex());
    Instance &i = instance();
    if (!i.tried) {
        i.tried = true;
        const QString fromEnv = qEnvironmentVariable("PINCART_TEST_MYSQL_URL");
        if (!fromEnv.isEmpty())
            i.url = fromEnv;
        else
            i.error = startOwn(i);
    }
    return i.url;
}

QString MariaDbInstance::error()
{
    QMutexLocker lock(&mutex());
    return instance().error;
}

QString MariaDbInstance::createDatabase(QString *error)
{
    const QString server = serverUrl();
    if (server.isEmpty()) {
        *error = MariaDbInstance::error();
        return {};
    }
    const auto url = server::DatabaseUrl::parse(server);
    if (!url) {
        *error = url.error().toString();
        return {};
    }
    const QString name = QStringLiteral("pincart_t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), QStringLiteral("pincart-admin"));
        db.setHostName(url->host);
        db.setPort(url->port);
        db.setUserName(url->user);
        db.setPassword(url->password);
        if (!url->unixSocket.isEmpty())
            db.setConnectOptions(QStringLiteral("UNIX_SOCKET=") + url->unixSocket);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("CREATE DATABASE %1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").arg(name)))
                *error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pincart-admin"));
    if (!error->isEmpty())
        return {};
    QString result = QStringLiteral("mysql://%1%2@%3:%4/%5")
                         .arg(url->user, url->password.isEmpty() ? QString() : QLatin1Char(':') + url->password,
                              url->host)
                         .arg(url->port)
                         .arg(name);
    if (!url->unixSocket.isEmpty())
        result += QStringLiteral("?unix_socket=") + url->unixSocket;
    return result;
}

} // namespace pincart::test

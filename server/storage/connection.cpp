#include "connection.h"

#include "mysqlstatement.h"
#include "qtstatement.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace pincart::server {

Q_LOGGING_CATEGORY(lcStorage, "pincart.storage")

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("pincart-%1").arg(counter.fetchAndAddRelaxed(1));
}

bool isConnectionLost(const QSqlError &error)
{
    // MySQL: server has gone away / lost connection / can't connect. (Not QSqlError::type(): the
    // SQLite driver reports a failed constraint as a ConnectionError.)
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("2006") || code == QLatin1String("2013")
           || code == QLatin1String("2002") || code == QLatin1String("2003");
}

// PINCART_MYSQL_STATEMENTS=qt runs MariaDB statements through QSqlQuery, as before
// MySqlStatement: to measure one against the other with the same binary.
bool nativeMySqlStatements()
{
    static const bool native = qEnvironmentVariable("PINCART_MYSQL_STATEMENTS") != u"qt";
    return native;
}

bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // MySQL deadlock and lock wait timeout; SQLite SQLITE_BUSY / SQLITE_LOCKED.
    return code == QLatin1String("1213") || code == QLatin1String("1205")
           || code == QLatin1String("5") || code == QLatin1String("6")
           || error.databaseText().contains(QLatin1String("database is locked"));
}

} // namespace

Connection::Connection(DatabaseUrl url, QString name)
    : m_url(std::move(url))
    , m_name(name.isEmpty() ? uniqueConnectionName() : std::move(name))
    , m_database(m_url.redacted())
    , m_dialect(m_url.kind == DatabaseUrl::Kind::Sqlite ? Dialect::Sqlite : Dialect::MySql)
    , m_nativeMySql(m_dialect == Dialect::MySql && nativeMySqlStatements())
{}

Connection::~Connection()
{
    closeStatements();
    if (QSqlDatabase::contains(m_name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
}

Status Connection::open()
{
    if (isOpen())
        return {};
    reset();
    QSqlDatabase db;
    if (m_dialect == Dialect::Sqlite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), m_name);
        // The client library takes the socket only when the host is "localhost": with any other
        // host it ignores UNIX_SOCKET and goes over TCP, which on loopback costs both sides far
        // more CPU per round trip than the socket (docs/orders.md, "Where an order's CPU goes").
        db.setHostName(m_url.unixSocket.isEmpty() ? m_url.host : QStringLiteral("localhost"));
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.database);
        QString options = QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=5");
        if (!m_url.unixSocket.isEmpty())
            options += QStringLiteral(";UNIX_SOCKET=") + m_url.unixSocket;
        db.setConnectOptions(options);
    }
    if (!db.open()) {
        const QSqlError error = db.lastError();
        qCWarning(lcStorage) << "cannot open" << m_url.redacted() << error.text();
        QSqlDatabase::removeDatabase(m_name);
        return DomainError::unavailable(QStringLiteral("The database is not reachable"));
    }
    const QStringList setup = m_dialect == Dialect::Sqlite
        ? QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                      QStringLiteral("PRAGMA synchronous=NORMAL"),
                      QStringLiteral("PRAGMA foreign_keys=ON"),
                      QStringLiteral("PRAGMA temp_store=MEMORY")}
        : QStringList{QStringLiteral("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci"),
                      QStringLiteral("SET time_zone = '+00:00'"),
                      QStringLiteral("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,"
                                     "NO_ENGINE_SUBSTITUTION,ERROR_FOR_DIVISION_BY_ZERO'"),
                      // Consumers tail the outbox: each read must see what committed since the last.
                      QStringLiteral("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")};
    for (const QString &sql : setup) {
        if (Status s = execDirect(sql, "connection setup"); !s)
            return s;
    }
    return {};
}

bool Connection::isOpen() const
{
    return QSqlDatabase::contains(m_name) && QSqlDatabase::database(m_name, false).isOpen();
}

// Before the connection closes: a statement still borrowed by a Statement (one whose failure
// caused the reset) then fails cleanly instead of using a freed connection.
void Connection::closeStatements()
{
    for (const std::shared_ptr<PreparedStatement> &statement : std::as_const(m_statements))
        statement->close();
    m_statements.clear();
}

void Connection::reset()
{
    closeStatements();
    m_inTransaction = false;
    if (QSqlDatabase::contains(m_name)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
}

DomainError Connection::storageError(const QSqlError &error, const char *context)
{
    if (isUniqueViolation(error))
        return DomainError::conflict(QStringLiteral("Already exists"));
    if (isConnectionLost(error)) {
        qCWarning(lcStorage) << context << "connection lost:" << error.text();
        reset(); // the next request reconnects
        return DomainError::unavailable(QStringLiteral("The database is not reachable"));
    }
    if (isBusy(error)) {
        qCInfo(lcStorage) << context << "busy:" << error.text();
        return DomainError::unavailable(QStringLiteral("The database is busy; try again"));
    }
    qCWarning(lcStorage) << context << "failed:" << error.text() << error.nativeErrorCode();
    return DomainError::internal(QStringLiteral("Storage failure"));
}

Result<std::shared_ptr<PreparedStatement>> Connection::prepared(const QString &sql)
{
    if (!isOpen()) {
        if (Status s = open(); !s)
            return s.error();
    }
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return *it;
    std::shared_ptr<PreparedStatement> statement;
    if (st_mysql *mysql = m_nativeMySql ? mysqlHandle() : nullptr) {
        auto native = std::make_shared<MySqlStatement>(mysql);
        if (!native->prepare(sql)) {
            qCWarning(lcStorage) << "prepare failed:" << sql;
            return storageError(native->lastError(), "prepare");
        }
        statement = std::move(native);
    } else {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            qCWarning(lcStorage) << "prepare failed:" << sql;
            return storageError(query.lastError(), "prepare");
        }
        statement = std::make_shared<QtStatement>(std::move(query));
    }
    m_statements.insert(sql, statement);
    return statement;
}

Status Connection::exec(PreparedStatement &statement, const char *context)
{
    if (statement.exec())
        return {};
    return storageError(statement.lastError(), context);
}

// QMYSQL's MYSQL*; null if the driver is not QMYSQL. Qt 6 names the type "st_mysql*" (the
// struct behind the typedef); Qt 5 named it "MYSQL*".
st_mysql *Connection::mysqlHandle() const
{
    const QVariant handle = QSqlDatabase::database(m_name, false).driver()->handle();
    const char *type = handle.typeName();
    if (!type || (qstrcmp(type, "st_mysql*") != 0 && qstrcmp(type, "MYSQL*") != 0))
        return nullptr;
    return *static_cast<st_mysql *const *>(handle.constData());
}

Status Connection::execDirect(const QString &sql, const char *context)
{
    if (!QSqlDatabase::contains(m_name))
        return DomainError::unavailable(QStringLiteral("The database is not reachable"));
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (query.exec(sql))
        return {};
    return storageError(query.lastError(), context);
}

Status Connection::ping()
{
    if (!isOpen()) {
        if (Status s = open(); !s)
            return s;
    }
    return execDirect(QStringLiteral("SELECT 1"), "ping");
}

Status Connection::begin()
{
    if (!isOpen()) {
        if (Status s = open(); !s)
            return s;
    }
    // SQLite: take the write lock up front; a deferred transaction that later upgrades to a
    // writer fails with SQLITE_BUSY immediately instead of waiting on the busy timeout.
    Status s = execDirect(m_dialect == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                       : QStringLiteral("START TRANSACTION"),
                          "begin");
    m_inTransaction = s.ok();
    return s;
}

Status Connection::commit()
{
    m_inTransaction = false;
    return execDirect(QStringLiteral("COMMIT"), "commit");
}

void Connection::rollback()
{
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    if (isOpen())
        (void)execDirect(QStringLiteral("ROLLBACK"), "rollback");
}

QString Connection::insertIgnore() const
{
    return m_dialect == Dialect::Sqlite ? QStringLiteral("INSERT OR IGNORE")
                                        : QStringLiteral("INSERT IGNORE");
}

bool Connection::isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("1062")                                  // MySQL ER_DUP_ENTRY
           || code == QLatin1String("2067") || code == QLatin1String("1555") // SQLite extended
           || error.databaseText().contains(QLatin1String("UNIQUE constraint failed"));
}

qint64 Connection::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Transaction::Transaction(Connection &connection)
    : m_connection(connection)
    , m_started(connection.begin())
{}

Transaction::~Transaction()
{
    if (!m_done && m_started)
        m_connection.rollback();
}

Status Transaction::commit()
{
    if (!m_started)
        return m_started;
    m_done = true;
    Status s = m_connection.commit();
    if (!s)
        m_connection.rollback();
    return s;
}

} // namespace pincart::server

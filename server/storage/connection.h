#pragma once

#include "databaseurl.h"
#include "result.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>

class QSqlError;
struct st_mysql;

namespace pincart::server {

class PreparedStatement;

// One thread's database connection (QSql connections belong to the thread that opened them),
// with its statements prepared once and kept. Not thread-safe: one per worker thread.
class Connection
{
public:
    enum class Dialect { Sqlite, MySql };

    explicit Connection(DatabaseUrl url, QString name = {});
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Status open();
    bool isOpen() const;
    Dialect dialect() const { return m_dialect; }
    const DatabaseUrl &url() const { return m_url; }
    // Which database this is (its URL without the password): the same for every connection to it.
    const QString &database() const { return m_database; }

    // The prepared statement for `sql`, prepared on first use on this connection. Bind values
    // by position or name, then call exec(). Named placeholders (:name) only. On MariaDB it
    // runs through the C API (MySqlStatement: no COM_STMT_RESET per execution) unless the
    // environment has PINCART_MYSQL_STATEMENTS=qt (QSqlQuery, for comparison).
    Result<std::shared_ptr<PreparedStatement>> prepared(const QString &sql);
    // Executes a prepared statement, mapping failures to DomainErrors with `context` (the SQL
    // text and driver message go to the log, never to a client).
    Status exec(PreparedStatement &statement, const char *context);
    // One-off statements (DDL, migrations, PRAGMAs): not cached.
    Status execDirect(const QString &sql, const char *context);

    // A round trip: is the database there?
    Status ping();

    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    // Dialect pieces (as KMyMoney's MyMoneyDbDriver): kept here so repositories stay portable.
    QString insertIgnore() const; // "INSERT OR IGNORE" / "INSERT IGNORE"
    static bool isUniqueViolation(const QSqlError &error);

    // Milliseconds since the epoch, the storage format of every timestamp.
    static qint64 nowMs();

    // The connection's name in QSqlDatabase's registry, for code that must use QSqlDatabase
    // directly (migrations, test fixtures).
    const QString &connectionName() const { return m_name; }

private:
    DomainError storageError(const QSqlError &error, const char *context);
    void reset();
    void closeStatements();
    st_mysql *mysqlHandle() const;

    DatabaseUrl m_url;
    QString m_name;
    QString m_database;
    Dialect m_dialect;
    bool m_inTransaction = false;
    bool m_nativeMySql; // MariaDB statements through the C API (MySqlStatement)
    QHash<QString, std::shared_ptr<PreparedStatement>> m_statements;
};

// RAII transaction: rolls back unless commit() succeeded (as Mumble's TransactionHolder).
class Transaction
{
public:
    explicit Transaction(Connection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &started() const { return m_started; }
    Status commit();

private:
    Connection &m_connection;
    Status m_started;
    bool m_done = false;
};

} // namespace pincart::server

#pragma once

// Storage-internal: a statement prepared once on a connection and executed many times. Two
// implementations: QtStatement (a QSqlQuery: SQLite) and MySqlStatement (MariaDB's C API, which
// spares the COM_STMT_RESET round trip QMYSQL sends before every execution).

#include <QSqlError>
#include <QString>
#include <QVariant>

namespace pincart::server {

class PreparedStatement
{
public:
    virtual ~PreparedStatement() = default;

    // Values stay bound until rebound, across executions (as QSqlQuery's do).
    virtual void bind(const QString &placeholder, const QVariant &value) = 0;
    virtual void bind(int position, const QVariant &value) = 0;
    // False on failure; lastError() says why (its nativeErrorCode is the database's error number).
    virtual bool exec() = 0;
    virtual QSqlError lastError() const = 0;
    // Forward-only: the next row of the result set, false at its end.
    virtual bool next() = 0;
    // A column of the current row, typed as QSqlQuery types it; a typed null for SQL NULL.
    virtual QVariant value(int column) const = 0;
    virtual int numRowsAffected() const = 0;
    virtual qint64 lastInsertId() const = 0;
    // Releases the result set (the statement stays prepared).
    virtual void finish() = 0;
    // Frees the statement before its connection closes; any later use fails.
    virtual void close() = 0;
};

} // namespace pincart::server

#pragma once

// Storage-internal: only repositories (in storage/ and events/) include this.

#include "connection.h"
#include "preparedstatement.h"

#include <QVariant>

namespace pincart::server {

// A null QString binds as SQL NULL; empty text in a NOT NULL column must bind as ''.
inline QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// `count` copies of `item` joined by ", ", the %1 in each replaced by its number from 0: the rows
// of a many-row VALUES or the members of an IN list, bound by the same numbers. For example
// numbered(2, QStringLiteral("(:a%1, :b%1)")) is "(:a0, :b0), (:a1, :b1)".
inline QString numbered(qsizetype count, const QString &item)
{
    QString out;
    for (qsizetype i = 0; i < count; ++i) {
        if (i)
            out += QStringLiteral(", ");
        out += item.arg(i);
    }
    return out;
}

// A prepared statement borrowed from the connection's cache for one use: finish() on scope exit
// releases its result set so the next use can run. On MariaDB the statement runs through the
// C API (MySqlStatement), on SQLite through a QSqlQuery (QtStatement); both behave alike here.
class Statement
{
public:
    Statement(Connection &connection, const QString &sql)
        : m_connection(connection)
        , m_statement(connection.prepared(sql))
    {}
    ~Statement()
    {
        if (m_statement)
            (*m_statement)->finish();
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // False when preparing failed; error() says why. Binding to and reading from a statement
    // that failed to prepare does nothing, and exec() returns the error (a connection lost while
    // preparing is a 503, not an abort).
    bool ok() const { return m_statement.ok(); }
    const DomainError &error() const { return m_statement.error(); }

    // By name (:name, every occurrence) or by position (?, from 0). Values stay bound until
    // rebound, across uses of the cached statement.
    Statement &bind(const QString &placeholder, const QVariant &value)
    {
        if (m_statement)
            (*m_statement)->bind(placeholder, value);
        return *this;
    }
    Statement &bind(int position, const QVariant &value)
    {
        if (m_statement)
            (*m_statement)->bind(position, value);
        return *this;
    }
    Status exec(const char *context)
    {
        if (!m_statement)
            return m_statement.error();
        return m_connection.exec(**m_statement, context);
    }
    bool next() { return m_statement && (*m_statement)->next(); }
    QVariant value(int column) const
    {
        return m_statement ? (*m_statement)->value(column) : QVariant();
    }
    int numRowsAffected() const { return m_statement ? (*m_statement)->numRowsAffected() : 0; }
    qint64 lastInsertId() const { return m_statement ? (*m_statement)->lastInsertId() : 0; }
    // Releases the result set early (before another statement on the same connection runs
    // while this one is still in scope).
    void finish()
    {
        if (m_statement)
            (*m_statement)->finish();
    }

private:
    Connection &m_connection;
    Result<std::shared_ptr<PreparedStatement>> m_statement;
};

} // namespace pincart::server

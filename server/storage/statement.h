#pragma once

// Storage-internal: only repositories (in storage/ and events/) include this.

#include "connection.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace pincart::server {

// A null QString binds as SQL NULL; empty text in a NOT NULL column must bind as ''.
inline QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// A prepared statement borrowed from the connection's cache for one use: finish() on scope exit
// releases its result set so the next use (and, on MySQL, the next statement) can run.
class Statement
{
public:
    Statement(Connection &connection, const QString &sql)
        : m_connection(connection)
        , m_query(connection.prepared(sql))
    {}
    ~Statement()
    {
        if (m_query)
            (*m_query)->finish();
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // False when preparing failed; error() says why. Binding to and reading from a statement
    // that failed to prepare does nothing, and exec() returns the error (a connection lost while
    // preparing is a 503, not an abort).
    bool ok() const { return m_query.ok(); }
    const DomainError &error() const { return m_query.error(); }

    Statement &bind(const QString &placeholder, const QVariant &value)
    {
        if (m_query)
            (*m_query)->bindValue(placeholder, value);
        return *this;
    }
    Status exec(const char *context)
    {
        if (!m_query)
            return m_query.error();
        return m_connection.exec(**m_query, context);
    }
    QSqlQuery &query() { return **m_query; }
    bool next() { return m_query && (*m_query)->next(); }
    QVariant value(int column) const { return m_query ? (*m_query)->value(column) : QVariant(); }
    int numRowsAffected() const { return m_query ? (*m_query)->numRowsAffected() : 0; }
    qint64 lastInsertId() const
    {
        return m_query ? (*m_query)->lastInsertId().toLongLong() : 0;
    }

private:
    Connection &m_connection;
    Result<std::shared_ptr<QSqlQuery>> m_query;
};

} // namespace pincart::server

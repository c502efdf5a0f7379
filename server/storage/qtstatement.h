#pragma once

#include "preparedstatement.h"

#include <QSqlQuery>

namespace pincart::server {

// A PreparedStatement on a QSqlQuery: the SQLite path (and MariaDB's when
// PINCART_MYSQL_STATEMENTS=qt, to compare the two).
class QtStatement final : public PreparedStatement
{
public:
    explicit QtStatement(QSqlQuery query)
        : m_query(std::move(query))
    {}

    void bind(const QString &placeholder, const QVariant &value) override
    {
        m_query.bindValue(placeholder, value);
    }
    void bind(int position, const QVariant &value) override { m_query.bindValue(position, value); }
    bool exec() override
    {
        if (m_query.exec())
            return true;
        // Leaves no half-read result behind a failed execution.
        const QSqlError error = m_query.lastError();
        m_query.finish();
        m_error = error;
        return false;
    }
    QSqlError lastError() const override { return m_error; }
    bool next() override { return m_query.next(); }
    QVariant value(int column) const override { return m_query.value(column); }
    int numRowsAffected() const override { return m_query.numRowsAffected(); }
    qint64 lastInsertId() const override { return m_query.lastInsertId().toLongLong(); }
    void finish() override { m_query.finish(); }
    void close() override { m_query.finish(); }

private:
    QSqlQuery m_query;
    QSqlError m_error;
};

} // namespace pincart::server

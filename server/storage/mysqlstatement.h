#pragma once

#include "preparedstatement.h"

#include <memory>
#include <QHash>
#include <QList>

struct st_mysql;
struct st_mysql_stmt;

namespace pincart::server {

// A server-side prepared statement run through MariaDB Connector/C on the connection QMYSQL
// opened (QSqlDriver::handle()), so transactions begun through Qt apply to it.
//
// Why not QSqlQuery: Qt's QMYSQLResult::exec() calls mysql_stmt_reset() before every execution,
// one COM_STMT_RESET round trip each time, and that was half of all round trips of a checkout.
// Nothing here needs it: Connector/C's mysql_stmt_execute() discards a previous result set on
// the client by itself, and we send no long data and open no cursors, the state the server-side
// reset clears. So it is called only after a failure, to start the next execution clean.
//
// Values are bound and read as QMYSQL does, so repositories see no difference: qint64/quint64 as
// BIGINT, int/uint as INT, bool as TINYINT, double as DOUBLE, QByteArray as a blob, anything else
// as UTF-8 text; a null QString, null QByteArray or a typed null QVariant is SQL NULL. Results are
// fetched whole (mysql_stmt_store_result) so that the connection is free for the next statement.
class MySqlStatement final : public PreparedStatement
{
public:
    explicit MySqlStatement(st_mysql *connection);
    ~MySqlStatement() override;
    MySqlStatement(const MySqlStatement &) = delete;
    MySqlStatement &operator=(const MySqlStatement &) = delete;

    // One COM_STMT_PREPARE; named placeholders are rewritten to positional ones first.
    bool prepare(const QString &sql);

    void bind(const QString &placeholder, const QVariant &value) override;
    void bind(int position, const QVariant &value) override;
    bool exec() override;
    QSqlError lastError() const override { return m_error; }
    bool next() override;
    QVariant value(int column) const override;
    int numRowsAffected() const override { return m_rowsAffected; }
    qint64 lastInsertId() const override { return m_insertId; }
    void finish() override;
    void close() override;

private:
    struct Buffers; // the MYSQL_BIND arrays and what they point at (keeps mysql.h out of here)

    bool fail(const char *what);
    bool bindParameters();
    bool bindResult();
    bool refetchTruncated();

    st_mysql *m_connection;
    st_mysql_stmt *m_stmt = nullptr;
    std::unique_ptr<Buffers> m_buffers;
    QList<QVariant> m_values;               // one per '?', in order
    QHash<QString, QList<int>> m_positions; // placeholder name -> its positions
    QSqlError m_error;
    int m_rowsAffected = 0;
    qint64 m_insertId = 0;
    bool m_hasResult = false; // a result set is stored and not yet finished
    bool m_onRow = false;     // next() returned true and value() may be read
};

} // namespace pincart::server

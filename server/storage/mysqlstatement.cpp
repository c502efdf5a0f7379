#include "mysqlstatement.h"

#include "placeholders.h"

#include <algorithm>
#include <cstring>
#include <mysql.h>
#include <QLoggingCategory>
#include <vector>

namespace pincart::server {

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace {

// How a result column is fetched and handed out. The QVariant types are QMYSQL's
// (qDecodeMYSQLType), so callers' toLongLong()/toString()/toByteArray()/isNull() agree.
enum class Kind {
    Integer, // fetched as a 64-bit integer; int/uint, or qlonglong/qulonglong for BIGINT
    Double,  // DOUBLE, fetched binary (exact)
    Number,  // DECIMAL and FLOAT: text converted to double, as QMYSQL does
    Text,    // UTF-8 text -> QString
    Binary,  // binary strings and blobs, and _bin collations (BINARY_FLAG) -> QByteArray
};

// Text and blob buffers start at most this large and grow to the longest value seen.
constexpr unsigned long InitialTextBuffer = 1024;

Kind kindOf(const MYSQL_FIELD &field, QMetaType *type)
{
    const bool isUnsigned = field.flags & UNSIGNED_FLAG;
    switch (field.type) {
    case MYSQL_TYPE_TINY:
    case MYSQL_TYPE_SHORT:
    case MYSQL_TYPE_LONG:
    case MYSQL_TYPE_INT24:
    case MYSQL_TYPE_YEAR:
        *type = QMetaType(isUnsigned ? QMetaType::UInt : QMetaType::Int);
        return Kind::Integer;
    case MYSQL_TYPE_LONGLONG:
        *type = QMetaType(isUnsigned ? QMetaType::ULongLong : QMetaType::LongLong);
        return Kind::Integer;
    case MYSQL_TYPE_DOUBLE:
        *type = QMetaType(QMetaType::Double);
        return Kind::Double;
    case MYSQL_TYPE_FLOAT:
    case MYSQL_TYPE_DECIMAL:
    case MYSQL_TYPE_NEWDECIMAL:
        *type = QMetaType(QMetaType::Double);
        return Kind::Number;
    case MYSQL_TYPE_STRING:
    case MYSQL_TYPE_VAR_STRING:
    case MYSQL_TYPE_TINY_BLOB:
    case MYSQL_TYPE_MEDIUM_BLOB:
    case MYSQL_TYPE_LONG_BLOB:
    case MYSQL_TYPE_BLOB:
    case MYSQL_TYPE_GEOMETRY:
    case MYSQL_TYPE_JSON:
        if (field.flags & BINARY_FLAG) {
            *type = QMetaType(QMetaType::QByteArray);
            return Kind::Binary;
        }
        break;
    default:
        // Dates, times, enums, sets, bits: as text. The schema stores times as integers
        // (milliseconds) and dates as text, so none of these reach a repository.
        break;
    }
    *type = QMetaType(QMetaType::QString);
    return Kind::Text;
}

// QSqlResultPrivate::isVariantNull: Qt 6's QVariant::isNull() is false for a null QString.
bool isSqlNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    default:
        return false;
    }
}

} // namespace

struct MySqlStatement::Buffers
{
    // Parameters, rebuilt before each execution from m_values.
    union Scalar {
        qint64 i64;
        int i32;
        double real;
        my_bool boolean;
    };
    std::vector<MYSQL_BIND> params;
    std::vector<my_bool> paramNull;
    std::vector<Scalar> paramScalar;
    std::vector<QByteArray> paramBytes; // UTF-8 text and blobs, alive until execute returns

    // Result columns, laid out after each execution from its metadata.
    struct Column
    {
        Kind kind = Kind::Text;
        QMetaType type;
        my_bool isNull = 0;
        my_bool error = 0;
        unsigned long length = 0;
        qint64 integer = 0;
        double real = 0;
        QByteArray text; // capacity for Number/Text/Binary; kept across executions
    };
    std::vector<MYSQL_BIND> results;
    std::vector<Column> columns;
};

MySqlStatement::MySqlStatement(st_mysql *connection)
    : m_connection(connection)
    , m_buffers(std::make_unique<Buffers>())
{}

MySqlStatement::~MySqlStatement()
{
    close();
}

bool MySqlStatement::prepare(const QString &sql)
{
    close();
    m_stmt = mysql_stmt_init(m_connection);
    if (!m_stmt) {
        m_error = QSqlError(QStringLiteral("MySqlStatement: cannot allocate a statement"),
                            QString::fromUtf8(mysql_error(m_connection)), QSqlError::StatementError,
                            QString::number(mysql_errno(m_connection)));
        return false;
    }
    const PositionalSql positional = toPositional(sql);
    const QByteArray text = positional.text.toUtf8();
    if (mysql_stmt_prepare(m_stmt, text.constData(), static_cast<unsigned long>(text.size()))) {
        m_error = QSqlError(QStringLiteral("MySqlStatement: prepare"),
                            QString::fromUtf8(mysql_stmt_error(m_stmt)), QSqlError::StatementError,
                            QString::number(mysql_stmt_errno(m_stmt)));
        close();
        return false;
    }
    m_positions.clear();
    for (int i = 0; i < positional.names.size(); ++i)
        m_positions[positional.names.at(i)].append(i);
    // Unbound placeholders are NULL, as in QSqlQuery.
    m_values = QList<QVariant>(qsizetype(mysql_stmt_param_count(m_stmt)));
    return true;
}

void MySqlStatement::bind(const QString &placeholder, const QVariant &value)
{
    for (int position : m_positions.value(placeholder))
        bind(position, value);
}

void MySqlStatement::bind(int position, const QVariant &value)
{
    if (position >= 0 && position < m_values.size())
        m_values[position] = value;
    else
        qCWarning(lcStorage) << "bind: no placeholder at position" << position;
}

bool MySqlStatement::fail(const char *what)
{
    m_error = QSqlError(QStringLiteral("MySqlStatement: ") + QLatin1String(what),
                        QString::fromUtf8(mysql_stmt_error(m_stmt)), QSqlError::StatementError,
                        QString::number(mysql_stmt_errno(m_stmt)));
    // The one place for COM_STMT_RESET: after a failure, so the next execution starts from a
    // known state on both sides. Without a connection it sends nothing.
    mysql_stmt_reset(m_stmt);
    m_hasResult = m_onRow = false;
    return false;
}

bool MySqlStatement::bindParameters()
{
    const auto count = size_t(m_values.size());
    Buffers &b = *m_buffers;
    b.params.assign(count, MYSQL_BIND{});
    b.paramNull.assign(count, 0);
    b.paramScalar.assign(count, Buffers::Scalar{});
    b.paramBytes.resize(count);
    for (size_t i = 0; i < count; ++i) {
        const QVariant &value = m_values.at(qsizetype(i));
        MYSQL_BIND &param = b.params[i];
        Buffers::Scalar &scalar = b.paramScalar[i];
        b.paramNull[i] = isSqlNull(value);
        param.is_null = &b.paramNull[i];
        switch (value.typeId()) {
        case QMetaType::Int:
        case QMetaType::UInt:
            scalar.i32 = value.typeId() == QMetaType::Int ? value.toInt() : int(value.toUInt());
            param.buffer_type = MYSQL_TYPE_LONG;
            param.buffer = &scalar.i32;
            param.is_unsigned = value.typeId() == QMetaType::UInt;
            break;
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            scalar.i64 = value.typeId() == QMetaType::LongLong ? value.toLongLong()
                                                               : qint64(value.toULongLong());
            param.buffer_type = MYSQL_TYPE_LONGLONG;
            param.buffer = &scalar.i64;
            param.is_unsigned = value.typeId() == QMetaType::ULongLong;
            break;
        case QMetaType::Bool:
            scalar.boolean = value.toBool() ? 1 : 0;
            param.buffer_type = MYSQL_TYPE_TINY;
            param.buffer = &scalar.boolean;
            break;
        case QMetaType::Double:
            scalar.real = value.toDouble();
            param.buffer_type = MYSQL_TYPE_DOUBLE;
            param.buffer = &scalar.real;
            break;
        case QMetaType::QByteArray:
            b.paramBytes[i] = value.toByteArray();
            param.buffer_type = MYSQL_TYPE_BLOB;
            // constData(): data() would detach and copy what the QVariant shares with it.
            param.buffer = const_cast<char *>(b.paramBytes[i].constData());
            param.buffer_length = static_cast<unsigned long>(b.paramBytes[i].size());
            break;
        default: // QString, and (as QMYSQL) anything else by its text
            b.paramBytes[i] = value.toString().toUtf8();
            param.buffer_type = MYSQL_TYPE_STRING;
            param.buffer = const_cast<char *>(b.paramBytes[i].constData());
            param.buffer_length = static_cast<unsigned long>(b.paramBytes[i].size());
            break;
        }
    }
    return count == 0 || !mysql_stmt_bind_param(m_stmt, b.params.data());
}

bool MySqlStatement::bindResult()
{
    const unsigned int count = mysql_stmt_field_count(m_stmt);
    const MYSQL_FIELD *fields = mariadb_stmt_fetch_fields(m_stmt);
    Buffers &b = *m_buffers;
    b.columns.resize(count);
    b.results.assign(count, MYSQL_BIND{});
    for (unsigned int i = 0; i < count; ++i) {
        Buffers::Column &column = b.columns[i];
        MYSQL_BIND &result = b.results[i];
        column.kind = kindOf(fields[i], &column.type);
        result.is_null = &column.isNull;
        result.error = &column.error;
        result.length = &column.length;
        switch (column.kind) {
        case Kind::Integer:
            result.buffer_type = MYSQL_TYPE_LONGLONG;
            result.buffer = &column.integer;
            result.is_unsigned = (fields[i].flags & UNSIGNED_FLAG) ? 1 : 0;
            break;
        case Kind::Double:
            result.buffer_type = MYSQL_TYPE_DOUBLE;
            result.buffer = &column.real;
            break;
        case Kind::Number:
        case Kind::Text:
        case Kind::Binary:
            if (column.text.isEmpty())
                column.text.resize(
                    qsizetype(std::clamp<unsigned long>(fields[i].length, 1, InitialTextBuffer)));
            result.buffer_type = column.kind == Kind::Binary ? MYSQL_TYPE_BLOB : MYSQL_TYPE_STRING;
            result.buffer = column.text.data();
            result.buffer_length = static_cast<unsigned long>(column.text.size());
            break;
        }
    }
    return !mysql_stmt_bind_result(m_stmt, b.results.data());
}

bool MySqlStatement::exec()
{
    m_error = QSqlError();
    m_rowsAffected = 0;
    m_insertId = 0;
    m_hasResult = m_onRow = false;
    if (!m_stmt) {
        // Closed with its connection; report what the connection is.
        m_error = QSqlError(QStringLiteral("MySqlStatement: closed"),
                            QStringLiteral("MySQL server has gone away"),
                            QSqlError::ConnectionError, QStringLiteral("2006"));
        return false;
    }
    if (!bindParameters())
        return fail("bind parameters");
    const bool executed = !mysql_stmt_execute(m_stmt);
    // The request is sent: drop the copies of text and blobs (an upload can be megabytes).
    for (QByteArray &bytes : m_buffers->paramBytes)
        bytes = QByteArray();
    if (!executed)
        return fail("execute");
    // Before store_result, as QMYSQL reads them.
    m_rowsAffected = int(mysql_stmt_affected_rows(m_stmt));
    m_insertId = qint64(mysql_stmt_insert_id(m_stmt));
    if (mysql_stmt_field_count(m_stmt) == 0)
        return true;
    if (mysql_stmt_store_result(m_stmt))
        return fail("store result");
    if (!bindResult())
        return fail("bind result");
    m_hasResult = true;
    return true;
}

// A text or blob longer than its buffer: grow the buffer, read the value again from the stored
// row, and bind the larger buffer for the rows after this one.
bool MySqlStatement::refetchTruncated()
{
    Buffers &b = *m_buffers;
    bool rebind = false;
    for (size_t i = 0; i < b.columns.size(); ++i) {
        Buffers::Column &column = b.columns[i];
        if (column.kind == Kind::Integer || column.kind == Kind::Double || column.isNull
            || column.length <= static_cast<unsigned long>(column.text.size()))
            continue;
        column.text.resize(qsizetype(column.length));
        MYSQL_BIND again = b.results[i];
        again.buffer = column.text.data();
        again.buffer_length = column.length;
        again.length = nullptr; // fetch_column writes the length here otherwise; it is known
        again.is_null = nullptr;
        again.error = nullptr;
        if (mysql_stmt_fetch_column(m_stmt, &again, static_cast<unsigned int>(i), 0))
            return false;
        b.results[i].buffer = column.text.data();
        b.results[i].buffer_length = column.length;
        rebind = true;
    }
    // After fetch_column: rebinding replaces the row pointers it reads from.
    return !rebind || !mysql_stmt_bind_result(m_stmt, b.results.data());
}

bool MySqlStatement::next()
{
    m_onRow = false;
    if (!m_hasResult)
        return false;
    const int rc = mysql_stmt_fetch(m_stmt);
    if (rc == MYSQL_NO_DATA) {
        m_hasResult = false;
        return false;
    }
    // Checked on every row, not only on MYSQL_DATA_TRUNCATED: that depends on a client option.
    if (rc == 1 || !refetchTruncated()) {
        qCWarning(lcStorage) << "fetch failed:" << mysql_stmt_error(m_stmt);
        return fail("fetch");
    }
    m_onRow = true;
    return true;
}

QVariant MySqlStatement::value(int column) const
{
    const Buffers &b = *m_buffers;
    if (!m_onRow || column < 0 || size_t(column) >= b.columns.size())
        return {};
    const Buffers::Column &c = b.columns[size_t(column)];
    if (c.isNull)
        return QVariant(c.type);
    switch (c.kind) {
    case Kind::Integer:
        switch (c.type.id()) {
        case QMetaType::Int:
            return QVariant(int(c.integer));
        case QMetaType::UInt:
            return QVariant(uint(c.integer));
        case QMetaType::ULongLong:
            return QVariant(qulonglong(c.integer));
        default:
            return QVariant(qlonglong(c.integer));
        }
    case Kind::Double:
        return QVariant(c.real);
    case Kind::Number: {
        bool ok = false;
        const double number
            = QString::fromLatin1(c.text.constData(), qsizetype(c.length)).toDouble(&ok);
        return ok ? QVariant(number) : QVariant();
    }
    case Kind::Text:
        return QVariant(QString::fromUtf8(c.text.constData(), qsizetype(c.length)));
    case Kind::Binary:
        return QVariant(QByteArray(c.text.constData(), qsizetype(c.length)));
    }
    return {};
}

void MySqlStatement::finish()
{
    // Frees the stored rows on the client; sends nothing.
    if (m_stmt && m_hasResult)
        mysql_stmt_free_result(m_stmt);
    m_hasResult = m_onRow = false;
}

void MySqlStatement::close()
{
    if (!m_stmt)
        return;
    // COM_STMT_CLOSE has no answer; on a closed connection nothing is sent.
    mysql_stmt_close(m_stmt);
    m_stmt = nullptr;
    m_hasResult = m_onRow = false;
}

} // namespace pincart::server

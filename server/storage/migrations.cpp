#include "migrations.h"

#include "statement.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDatabase>

static void initPincartResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace pincart::server {

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace {

struct Migration
{
    int version;
    QString path;
};

QString dialectDir(Connection::Dialect dialect)
{
    return dialect == Connection::Dialect::Sqlite ? QStringLiteral(":/sql/sqlite")
                                                  : QStringLiteral(":/sql/mysql");
}

QList<Migration> migrationsFor(Connection::Dialect dialect)
{
    initResources();
    QList<Migration> list;
    const QDir dir(dialectDir(dialect));
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        list.append({file.section(QLatin1Char('_'), 0, 0).toInt(), dir.filePath(file)});
    return list;
}

// Splits a migration into statements on ';' at line ends; migrations hold no procedures.
QStringList statementsOf(const QString &sql)
{
    QStringList out;
    QString current;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        current += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            out << current.trimmed().chopped(1);
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace

void initResources()
{
    static const bool done = [] {
        initPincartResources();
        return true;
    }();
    Q_UNUSED(done);
}

int latestSchemaVersion(Connection::Dialect dialect)
{
    const auto list = migrationsFor(dialect);
    return list.isEmpty() ? 0 : list.last().version;
}

Result<int> currentSchemaVersion(Connection &connection)
{
    if (Status s = connection.execDirect(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY "
                           "KEY, applied_at BIGINT NOT NULL)"),
            "schema_migrations");
        !s)
        return s.error();
    Statement q(connection, QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    if (Status s = q.exec("schema version"); !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Status migrate(Connection &connection)
{
    if (Status s = connection.open(); !s)
        return s;
    const auto current = currentSchemaVersion(connection);
    if (!current)
        return current.error();
    const auto migrations = migrationsFor(connection.dialect());
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (*current > latest) {
        return DomainError::unavailable(
            QStringLiteral("The database schema (version %1) is newer than this server knows (%2): "
                           "upgrade the server")
                .arg(*current)
                .arg(latest));
    }
    for (const Migration &m : migrations) {
        if (m.version <= *current)
            continue;
        QFile file(m.path);
        if (!file.open(QIODevice::ReadOnly))
            return DomainError::internal(QStringLiteral("Cannot read migration ") + m.path);
        const QString sql = QString::fromUtf8(file.readAll());
        // MySQL commits DDL implicitly, so there a failed step can leave part of it applied; the
        // version row goes last, so a re-run retries the step (statements use plain CREATE, so
        // an operator has to look: we say which step failed).
        Transaction tx(connection);
        if (!tx.started())
            return tx.started();
        for (const QString &statement : statementsOf(sql)) {
            if (Status s = connection.execDirect(statement, "migration"); !s) {
                qCCritical(lcStorage) << "migration" << m.path << "failed at:" << statement.left(200);
                return s;
            }
        }
        Statement record(connection, QStringLiteral("INSERT INTO schema_migrations (version, "
                                                    "applied_at) VALUES (:v, :t)"));
        record.bind(QStringLiteral(":v"), m.version).bind(QStringLiteral(":t"), Connection::nowMs());
        if (Status s = record.exec("record migration"); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
        qCInfo(lcStorage) << "applied migration" << m.path;
    }
    return {};
}

} // namespace pincart::server

#include "dbfingerprint.h"

#include "connection.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>

namespace pincart::test {

QByteArray databaseFingerprint(const QString &databaseUrl, const QStringList &tables)
{
    const auto url = server::DatabaseUrl::parse(databaseUrl);
    server::Connection db(*url);
    if (!db.open())
        return "unreachable";
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &table : tables) {
        QSqlQuery q(QSqlDatabase::database(db.connectionName()));
        // Every table here has a first column that orders it.
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table)))
            return "query failed: " + table.toUtf8();
        hash.addData(table.toUtf8());
        while (q.next()) {
            const QSqlRecord rec = q.record();
            for (int c = 0; c < rec.count(); ++c) {
                hash.addData(q.value(c).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
        }
    }
    return hash.result().toHex();
}

qint64 rowCount(const QString &databaseUrl, const QString &table)
{
    const auto url = server::DatabaseUrl::parse(databaseUrl);
    server::Connection db(*url);
    if (!db.open())
        return -1;
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QVariant queryScalar(const QString &databaseUrl, const QString &sql)
{
    const auto url = server::DatabaseUrl::parse(databaseUrl);
    server::Connection db(*url);
    if (!db.open())
        return {};
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

} // namespace pincart::test

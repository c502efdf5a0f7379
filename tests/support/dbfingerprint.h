#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace pincart::test {

// A digest of every row of `tables`, read straight from the database (not through the API):
// equal before and after a rejected request means the request changed nothing.
QByteArray databaseFingerprint(const QString &databaseUrl,
                               const QStringList &tables = {QStringLiteral("users"), QStringLiteral("items"),
                                                            QStringLiteral("events"), QStringLiteral("categories"),
                                                            QStringLiteral("user_warehouses")});
// Row count of one table (for readable failure messages next to the fingerprint).
qint64 rowCount(const QString &databaseUrl, const QString &table);
// The first column of the first row of `sql` (a test's own query, no user input).
QVariant queryScalar(const QString &databaseUrl, const QString &sql);

} // namespace pincart::test

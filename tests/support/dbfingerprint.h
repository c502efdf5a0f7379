#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pincart::test {

// A digest of every row of `tables`, read straight from the database (not through the API):
// equal before and after a rejected request means the request changed nothing.
QByteArray databaseFingerprint(const QString &databaseUrl,
                               const QStringList &tables = {QStringLiteral("users"), QStringLiteral("items"),
                                                            QStringLiteral("events"), QStringLiteral("categories"),
                                                            QStringLiteral("user_warehouses")});
// Row count of one table (for readable failure messages next to the fingerprint).
qint64 rowCount(const QString &databaseUrl, const QString &table);

} // namespace pincart::test

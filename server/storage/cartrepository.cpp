#include "cartrepository.h"

#include "statement.h"

#include <algorithm>

namespace pincart::server {

namespace {

// Sorted here rather than by the SQL: RETURNING has no ORDER BY (SQLite's order is arbitrary).
void byItem(QList<StoredCartLine> &lines)
{
    std::sort(lines.begin(), lines.end(),
              [](const StoredCartLine &a, const StoredCartLine &b) { return a.itemId < b.itemId; });
}

} // namespace

Result<QList<StoredCartLine>> CartRepository::lines(qint64 userId)
{
    Statement q(m_db,
                QStringLiteral(
                    "SELECT item_id, quantity, added_amount FROM cart_lines WHERE user_id = :u"));
    q.bind(QStringLiteral(":u"), userId);
    if (Status s = q.exec("cart lines"); !s)
        return s.error();
    QList<StoredCartLine> out;
    while (q.next())
        out << StoredCartLine{q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toLongLong()};
    byItem(out);
    return out;
}

Result<QHash<qint64, QList<StoredCartLine>>> CartRepository::takeLines(const QList<qint64> &userIds)
{
    QHash<qint64, QList<StoredCartLine>> out;
    if (userIds.isEmpty())
        return out;
    QString sql = QStringLiteral("DELETE FROM cart_lines WHERE user_id IN (");
    for (int i = 0; i < userIds.size(); ++i)
        sql += QStringLiteral("%1:u%2").arg(i ? QStringLiteral(", ") : QString()).arg(i);
    sql += QStringLiteral(") RETURNING user_id, item_id, quantity, added_amount");
    Statement q(m_db, sql);
    for (int i = 0; i < userIds.size(); ++i)
        q.bind(QStringLiteral(":u") + QString::number(i), userIds.at(i));
    if (Status s = q.exec("take cart lines"); !s)
        return s.error();
    while (q.next())
        out[q.value(0).toLongLong()]
            << StoredCartLine{q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toLongLong()};
    for (QList<StoredCartLine> &lines : out)
        byItem(lines);
    return out;
}

Status CartRepository::setLine(qint64 userId, qint64 itemId, int quantity, qint64 addedAmount)
{
    const qint64 now = Connection::nowMs();
    const QString upsert
        = m_db.dialect() == Connection::Dialect::Sqlite
              ? QStringLiteral(
                  " ON CONFLICT (user_id, item_id) DO UPDATE SET quantity = excluded.quantity, "
                  "updated_at = excluded.updated_at")
              : QStringLiteral(" ON DUPLICATE KEY UPDATE quantity = VALUES(quantity), updated_at = "
                               "VALUES(updated_at)");
    Statement q(m_db,
                QStringLiteral(
                    "INSERT INTO cart_lines (user_id, item_id, quantity, added_amount, added_at, "
                    "updated_at) VALUES (:u, :i, :q, :a, :now, :now)")
                    + upsert);
    q.bind(QStringLiteral(":u"), userId)
        .bind(QStringLiteral(":i"), itemId)
        .bind(QStringLiteral(":q"), quantity)
        .bind(QStringLiteral(":a"), addedAmount)
        .bind(QStringLiteral(":now"), now);
    return q.exec("set cart line");
}

Result<bool> CartRepository::removeLine(qint64 userId, qint64 itemId)
{
    Statement q(m_db, QStringLiteral("DELETE FROM cart_lines WHERE user_id = :u AND item_id = :i"));
    q.bind(QStringLiteral(":u"), userId).bind(QStringLiteral(":i"), itemId);
    if (Status s = q.exec("remove cart line"); !s)
        return s.error();
    return q.numRowsAffected() > 0;
}

Result<QList<StoredCartLine>> CartRepository::wishlist(qint64 userId)
{
    Statement q(
        m_db, QStringLiteral("SELECT item_id, added_amount FROM wishlist_items WHERE user_id = :u "
                             "ORDER BY added_at DESC, item_id"));
    q.bind(QStringLiteral(":u"), userId);
    if (Status s = q.exec("wishlist"); !s)
        return s.error();
    QList<StoredCartLine> out;
    while (q.next())
        out << StoredCartLine{q.value(0).toLongLong(), 0, q.value(1).toLongLong()};
    return out;
}

Status CartRepository::addToWishlist(qint64 userId, qint64 itemId, qint64 addedAmount)
{
    Statement q(m_db, m_db.insertIgnore()
                          + QStringLiteral(" INTO wishlist_items (user_id, item_id, added_amount, "
                                           "added_at) VALUES (:u, :i, :a, :now)"));
    q.bind(QStringLiteral(":u"), userId)
        .bind(QStringLiteral(":i"), itemId)
        .bind(QStringLiteral(":a"), addedAmount)
        .bind(QStringLiteral(":now"), Connection::nowMs());
    return q.exec("add to wishlist");
}

Result<bool> CartRepository::removeFromWishlist(qint64 userId, qint64 itemId)
{
    Statement q(m_db,
                QStringLiteral("DELETE FROM wishlist_items WHERE user_id = :u AND item_id = :i"));
    q.bind(QStringLiteral(":u"), userId).bind(QStringLiteral(":i"), itemId);
    if (Status s = q.exec("remove from wishlist"); !s)
        return s.error();
    return q.numRowsAffected() > 0;
}

} // namespace pincart::server

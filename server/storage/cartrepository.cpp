#include "cartrepository.h"

#include "statement.h"

#include <algorithm>

namespace pincart::server {

namespace {

// `:u0, :u1, ...` in an IN list of users, bound by bindUsers.
QString userList(qsizetype n)
{
    return numbered(n, QStringLiteral(":u%1"));
}

void bindUsers(Statement &q, const QList<qint64> &userIds)
{
    for (qsizetype i = 0; i < userIds.size(); ++i)
        q.bind(QStringLiteral(":u") + QString::number(i), userIds.at(i));
}

// Rows of (user_id, item_id, quantity, added_amount) by user, each user's by item id (sorted
// here rather than by the SQL: RETURNING has no ORDER BY, and SQLite's order is arbitrary).
Result<QHash<qint64, QList<StoredCartLine>>> readByUser(Statement &q, const char *context)
{
    if (Status s = q.exec(context); !s)
        return s.error();
    QHash<qint64, QList<StoredCartLine>> out;
    while (q.next())
        out[q.value(0).toLongLong()]
            << StoredCartLine{q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toLongLong()};
    for (QList<StoredCartLine> &lines : out)
        std::sort(lines.begin(), lines.end(), [](const StoredCartLine &a, const StoredCartLine &b) {
            return a.itemId < b.itemId;
        });
    return out;
}

} // namespace

Result<QList<StoredCartLine>> CartRepository::lines(qint64 userId)
{
    const auto byUser = linesOf({userId});
    if (!byUser)
        return byUser.error();
    return byUser->value(userId);
}

Result<QHash<qint64, QList<StoredCartLine>>> CartRepository::linesOf(const QList<qint64> &userIds)
{
    if (userIds.isEmpty())
        return QHash<qint64, QList<StoredCartLine>>();
    Statement q(m_db, QStringLiteral("SELECT user_id, item_id, quantity, added_amount FROM "
                                     "cart_lines WHERE user_id IN (%1)")
                          .arg(userList(userIds.size())));
    bindUsers(q, userIds);
    return readByUser(q, "cart lines");
}

Result<QHash<qint64, QList<StoredCartLine>>> CartRepository::takeLines(const QList<qint64> &userIds)
{
    if (userIds.isEmpty())
        return QHash<qint64, QList<StoredCartLine>>();
    Statement q(m_db, QStringLiteral("DELETE FROM cart_lines WHERE user_id IN (%1) RETURNING "
                                     "user_id, item_id, quantity, added_amount")
                          .arg(userList(userIds.size())));
    bindUsers(q, userIds);
    return readByUser(q, "take cart lines");
}

Status CartRepository::setLines(const QList<CartLineWrite> &lines)
{
    if (lines.isEmpty())
        return {};
    const qint64 now = Connection::nowMs();
    QString sql
        = QStringLiteral("INSERT INTO cart_lines (user_id, item_id, quantity, added_amount, "
                         "added_at, updated_at) VALUES ");
    sql += numbered(lines.size(), QStringLiteral("(:u%1, :i%1, :q%1, :a%1, :now, :now)"));
    sql += m_db.dialect() == Connection::Dialect::Sqlite
               ? QStringLiteral(" ON CONFLICT (user_id, item_id) DO UPDATE SET quantity = "
                                "excluded.quantity, updated_at = excluded.updated_at")
               : QStringLiteral(" ON DUPLICATE KEY UPDATE quantity = VALUES(quantity), "
                                "updated_at = VALUES(updated_at)");
    Statement q(m_db, sql);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const CartLineWrite &l = lines.at(i);
        const QString n = QString::number(i);
        q.bind(QStringLiteral(":u") + n, l.userId)
            .bind(QStringLiteral(":i") + n, l.itemId)
            .bind(QStringLiteral(":q") + n, l.quantity)
            .bind(QStringLiteral(":a") + n, l.addedAmount);
    }
    q.bind(QStringLiteral(":now"), now);
    return q.exec("set cart lines");
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

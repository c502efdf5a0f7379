#pragma once

#include "connection.h"

namespace pincart::server {

struct StoredCartLine
{
    qint64 itemId = 0;
    int quantity = 0;
    qint64 addedAmount = 0;
};

// One cart line to write: its quantity is set; a new line is stamped with addedAmount.
struct CartLineWrite
{
    qint64 userId = 0;
    qint64 itemId = 0;
    int quantity = 0;
    qint64 addedAmount = 0;
};

// The cart_lines and wishlist_items tables. A line's quantity is set, not added to.
class CartRepository
{
public:
    explicit CartRepository(Connection &connection)
        : m_db(connection)
    {}

    Result<QList<StoredCartLine>> lines(qint64 userId); // by item id
    // Several users' carts in one statement, each by item id; an empty cart has no entry.
    Result<QHash<qint64, QList<StoredCartLine>>> linesOf(const QList<qint64> &userIds);
    // Empties the users' carts and returns what each held, by item id, in one statement
    // (DELETE ... RETURNING; a user with an empty cart has no entry): inside a checkout's
    // transaction the rows stay locked until it ends, so one user's concurrent checkouts take
    // turns, and a rollback puts them back.
    Result<QHash<qint64, QList<StoredCartLine>>> takeLines(const QList<qint64> &userIds);
    // Upserts lines (of one or several users) in one statement; a line already there keeps its
    // first added price and only changes its quantity.
    Status setLines(const QList<CartLineWrite> &lines);
    Result<bool> removeLine(qint64 userId, qint64 itemId);

    Result<QList<StoredCartLine>> wishlist(qint64 userId); // quantity unused
    Status addToWishlist(qint64 userId, qint64 itemId, qint64 addedAmount);
    Result<bool> removeFromWishlist(qint64 userId, qint64 itemId);

private:
    Connection &m_db;
};

} // namespace pincart::server

#pragma once

#include "batchqueue.h"
#include "cartrepository.h"
#include "order.h"
#include "principal.h"
#include "result.h"

#include <optional>

namespace pincart::server {

class CatalogService;
class Connection;
class LogisticsService;

// One customer's change to one cart line (its owner), from its request until written or refused.
struct PendingCartChange : BatchEntry
{
    qint64 itemId = 0;
    int quantity = 0;
    bool addToExisting = false;
    qint64 price = 0;                                     // today's: a new line's added price
    std::optional<Result<QList<StoredCartLine>>> outcome; // the cart's lines after it, by item id
};

// The customer's cart and wishlist. Lines hold item ids and quantities; titles, today's prices
// and deliverability to the chosen pincode are looked up when the cart is shown.
class CartService
{
public:
    static constexpr int Attempts = 3; // a batch's upsert after a deadlock

    // `queue` (shared by every thread's CartService) may be null: each change written alone.
    // Otherwise concurrent line changes of different customers are written together: one read of
    // their carts and one upsert for all (each change still answers with its own cart).
    CartService(Connection &db, CatalogService &catalog, LogisticsService &logistics,
                BatchQueue *queue = nullptr);

    // `pincode` empty: the account's own pincode (none known: deliverability left unanswered).
    Result<Cart> cart(const Principal &who, const QString &pincode = {});
    Result<Cart> setQuantity(const Principal &who, qint64 itemId, int quantity);
    Result<Cart> remove(const Principal &who, qint64 itemId);
    // Adds a cart built before login to the account's: quantities add up (to the line limit);
    // items no longer sold are skipped.
    Result<Cart> merge(const Principal &who, const QList<QPair<qint64, int>> &lines);

    Result<QList<WishlistItem>> wishlist(const Principal &who);
    Result<QList<WishlistItem>> addToWishlist(const Principal &who, qint64 itemId);
    Result<QList<WishlistItem>> removeFromWishlist(const Principal &who, qint64 itemId);
    // One unit into the cart (added to a line already there) and off the wishlist, in one go.
    Result<Cart> moveToCart(const Principal &who, qint64 itemId);

private:
    Status requireCustomer(const Principal &who) const;
    // Sets (or adds to) one line; returns the cart's lines as they are after it, by item id.
    Result<QList<StoredCartLine>> put(const Principal &who, qint64 itemId, int quantity,
                                      bool addToExisting);
    // Writes a batch of changes of different customers, setting each one's outcome.
    void writeAll(const QList<PendingCartChange *> &batch);
    // The answer for these stored lines: today's prices, deliverability to `pincode`.
    Result<Cart> cartOf(const Principal &who, const QString &pincode,
                        const QList<StoredCartLine> &stored);
    Result<QString> accountPincode(const Principal &who);

    Connection &m_db;
    CatalogService &m_catalog;
    LogisticsService &m_logistics;
    BatchQueue *m_queue;
};

} // namespace pincart::server

#pragma once

#include "cartrepository.h"
#include "order.h"
#include "principal.h"
#include "result.h"

namespace pincart::server {

class CatalogService;
class Connection;
class LogisticsService;

// The customer's cart and wishlist. Lines hold item ids and quantities; titles, today's prices
// and deliverability to the chosen pincode are looked up when the cart is shown.
class CartService
{
public:
    CartService(Connection &db, CatalogService &catalog, LogisticsService &logistics);

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
    // The answer for these stored lines: today's prices, deliverability to `pincode`.
    Result<Cart> cartOf(const Principal &who, const QString &pincode,
                        const QList<StoredCartLine> &stored);
    Result<QString> accountPincode(const Principal &who);

    Connection &m_db;
    CatalogService &m_catalog;
    LogisticsService &m_logistics;
};

} // namespace pincart::server

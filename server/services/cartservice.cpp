#include "cartservice.h"

#include "accountcache.h"
#include "cartrepository.h"
#include "catalogservice.h"
#include "connection.h"
#include "logisticsservice.h"
#include "pincode.h"

#include <algorithm>

namespace pincart::server {

CartService::CartService(Connection &db, CatalogService &catalog, LogisticsService &logistics)
    : m_db(db)
    , m_catalog(catalog)
    , m_logistics(logistics)
{}

Status CartService::requireCustomer(const Principal &who) const
{
    if (!who.has(Role::Customer))
        return DomainError::forbidden(QStringLiteral("Only customers have a cart"));
    return {};
}

Result<QString> CartService::accountPincode(const Principal &who)
{
    // The request's account check has just read the account on this thread (AccountCache).
    const auto user = AccountCache::lookUp(m_db, who.userId);
    if (!user)
        return user.error();
    return *user ? (*user)->pincode : QString();
}

Result<Cart> CartService::cart(const Principal &who, const QString &pincode)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    if (!pincode.isEmpty() && !Pincode::parse(pincode)) {
        return DomainError::validation(QStringLiteral("pincode"),
                                       QStringLiteral("must be six digits, the first not 0"));
    } else if (!pincode.isEmpty() && !m_logistics.knowsPincode(pincode)) {
        return DomainError::validation(QStringLiteral("pincode"),
                                       QStringLiteral("is not in the India Post directory"));
    }
    const auto stored = CartRepository(m_db).lines(who.userId);
    if (!stored)
        return stored.error();
    return cartOf(who, pincode, *stored);
}

Result<Cart> CartService::cartOf(const Principal &who, const QString &pincode,
                                 const QList<StoredCartLine> &stored)
{
    Cart cart;
    cart.pincode = pincode;
    if (cart.pincode.isEmpty()) {
        const auto own = accountPincode(who);
        if (!own)
            return own.error();
        cart.pincode = *own;
    }
    qint64 total = 0;
    for (const StoredCartLine &s : stored) {
        CartLine line;
        line.itemId = s.itemId;
        line.quantity = s.quantity;
        line.addedPrice = Money{s.addedAmount, QStringLiteral("INR")};
        const auto item = m_catalog.item(who, s.itemId);
        if (!item || (*item)->item.status != Item::Status::Active) {
            line.available = false;
            line.title = item ? (*item)->item.title : QStringLiteral("(no longer sold)");
            line.unitPrice = line.addedPrice;
            line.lineTotal = Money{0, line.addedPrice.currency};
            cart.lines << line;
            continue;
        }
        line.title = (*item)->item.title;
        line.unitPrice = (*item)->item.price;
        line.lineTotal = Money{line.unitPrice.amount * line.quantity, line.unitPrice.currency};
        total += line.lineTotal.amount;
        if (!cart.pincode.isEmpty()) {
            // Deliverable when the warehouses that reach the pincode hold the whole quantity.
            const auto answer = m_logistics.serviceability(who, s.itemId, cart.pincode);
            if (answer && answer->deliverable) {
                int reachable = 0;
                for (const DeliveryOption &o : answer->options)
                    reachable += o.deliverable ? o.available : 0;
                line.deliverable = reachable >= line.quantity;
                line.promise = answer->promise;
            }
        }
        cart.lines << line;
    }
    cart.total = Money{total, QStringLiteral("INR")};
    return cart;
}

Result<QList<StoredCartLine>> CartService::put(const Principal &who, qint64 itemId, int quantity,
                                               bool addToExisting)
{
    const auto item = m_catalog.item(who, itemId);
    if (!item)
        return item.error();
    if ((*item)->item.status != Item::Status::Active)
        return DomainError::notFound(QStringLiteral("No item %1").arg(itemId));
    CartRepository carts(m_db);
    const auto lines = carts.lines(who.userId);
    if (!lines)
        return lines.error();
    int existing = 0;
    for (const StoredCartLine &l : *lines) {
        if (l.itemId == itemId)
            existing = l.quantity;
    }
    if (!existing && lines->size() >= CartLimits::MaxLines)
        return DomainError::conflict(
            QStringLiteral("A cart holds at most %1 lines").arg(CartLimits::MaxLines));
    const int wanted
        = addToExisting ? qMin(existing + quantity, CartLimits::MaxQuantityPerLine) : quantity;
    if (Status s = carts.setLine(who.userId, itemId, wanted, (*item)->item.price.amount); !s)
        return s.error();
    // The lines after the upsert, without reading them again: a line already there keeps its
    // first added price (setLine only changes the quantity), a new one has today's.
    QList<StoredCartLine> after = *lines;
    const auto at
        = std::lower_bound(after.begin(), after.end(), itemId,
                           [](const StoredCartLine &l, qint64 id) { return l.itemId < id; });
    if (at != after.end() && at->itemId == itemId)
        at->quantity = wanted;
    else
        after.insert(at, StoredCartLine{itemId, wanted, (*item)->item.price.amount});
    return after;
}

Result<Cart> CartService::setQuantity(const Principal &who, qint64 itemId, int quantity)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    const auto lines = put(who, itemId, quantity, false);
    if (!lines)
        return lines.error();
    return cartOf(who, {}, *lines);
}

Result<Cart> CartService::remove(const Principal &who, qint64 itemId)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    const auto removed = CartRepository(m_db).removeLine(who.userId, itemId);
    if (!removed)
        return removed.error();
    if (!*removed)
        return DomainError::notFound(QStringLiteral("Item %1 is not in the cart").arg(itemId));
    return cart(who);
}

Result<Cart> CartService::merge(const Principal &who, const QList<QPair<qint64, int>> &lines)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    for (const auto &[itemId, quantity] : lines) {
        const auto s = put(who, itemId, quantity, true);
        if (!s && s.error().kind() != DomainError::Kind::NotFound)
            return s.error(); // a full cart, or the database: nothing merged
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return cart(who);
}

Result<QList<WishlistItem>> CartService::wishlist(const Principal &who)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    const auto stored = CartRepository(m_db).wishlist(who.userId);
    if (!stored)
        return stored.error();
    QList<WishlistItem> out;
    for (const StoredCartLine &s : *stored) {
        WishlistItem w;
        w.itemId = s.itemId;
        w.addedPrice = Money{s.addedAmount, QStringLiteral("INR")};
        const auto item = m_catalog.item(who, s.itemId);
        w.available = item && (*item)->item.status == Item::Status::Active;
        w.title = item ? (*item)->item.title : QStringLiteral("(no longer sold)");
        w.price = item ? (*item)->item.price : w.addedPrice;
        out << w;
    }
    return out;
}

Result<QList<WishlistItem>> CartService::addToWishlist(const Principal &who, qint64 itemId)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    const auto item = m_catalog.item(who, itemId);
    if (!item)
        return item.error();
    CartRepository carts(m_db);
    const auto current = carts.wishlist(who.userId);
    if (!current)
        return current.error();
    const bool present
        = std::any_of(current->cbegin(), current->cend(),
                      [itemId](const StoredCartLine &l) { return l.itemId == itemId; });
    if (!present && current->size() >= CartLimits::MaxWishlistItems)
        return DomainError::conflict(
            QStringLiteral("A wishlist holds at most %1 items").arg(CartLimits::MaxWishlistItems));
    if (Status s = carts.addToWishlist(who.userId, itemId, (*item)->item.price.amount); !s)
        return s.error();
    return wishlist(who);
}

Result<QList<WishlistItem>> CartService::removeFromWishlist(const Principal &who, qint64 itemId)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    const auto removed = CartRepository(m_db).removeFromWishlist(who.userId, itemId);
    if (!removed)
        return removed.error();
    if (!*removed)
        return DomainError::notFound(QStringLiteral("Item %1 is not in the wishlist").arg(itemId));
    return wishlist(who);
}

Result<Cart> CartService::moveToCart(const Principal &who, qint64 itemId)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    const auto removed = CartRepository(m_db).removeFromWishlist(who.userId, itemId);
    if (!removed)
        return removed.error();
    if (!*removed)
        return DomainError::notFound(QStringLiteral("Item %1 is not in the wishlist").arg(itemId));
    if (const auto s = put(who, itemId, 1, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return cart(who);
}

} // namespace pincart::server

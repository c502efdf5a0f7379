#include "cartservice.h"

#include "cartrepository.h"
#include "catalogservice.h"
#include "connection.h"
#include "logisticsservice.h"
#include "pincode.h"
#include "userrepository.h"

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

Result<Cart> CartService::cart(const Principal &who, const QString &pincode)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    Cart cart;
    cart.pincode = pincode;
    if (cart.pincode.isEmpty()) {
        const auto user = UserRepository(m_db).findById(who.userId);
        if (!user)
            return user.error();
        if (*user)
            cart.pincode = (*user)->pincode;
    } else if (!Pincode::parse(cart.pincode)) {
        return DomainError::validation(QStringLiteral("pincode"),
                                       QStringLiteral("must be six digits, the first not 0"));
    } else if (!m_logistics.knowsPincode(cart.pincode)) {
        return DomainError::validation(QStringLiteral("pincode"),
                                       QStringLiteral("is not in the India Post directory"));
    }
    const auto stored = CartRepository(m_db).lines(who.userId);
    if (!stored)
        return stored.error();
    qint64 total = 0;
    for (const StoredCartLine &s : *stored) {
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

Status CartService::put(const Principal &who, qint64 itemId, int quantity, bool addToExisting)
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
    return carts.setLine(who.userId, itemId, wanted, (*item)->item.price.amount);
}

Result<Cart> CartService::setQuantity(const Principal &who, qint64 itemId, int quantity)
{
    if (Status s = requireCustomer(who); !s)
        return s.error();
    if (Status s = put(who, itemId, quantity, false); !s)
        return s.error();
    return cart(who);
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
        const Status s = put(who, itemId, quantity, true);
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
    if (Status s = put(who, itemId, 1, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return cart(who);
}

} // namespace pincart::server

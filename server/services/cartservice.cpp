#include "cartservice.h"

#include "accountcache.h"
#include "cartrepository.h"
#include "catalogservice.h"
#include "connection.h"
#include "logisticsservice.h"
#include "pincode.h"

#include <algorithm>

namespace pincart::server {

CartService::CartService(Connection &db, CatalogService &catalog, LogisticsService &logistics,
                         BatchQueue *queue)
    : m_db(db)
    , m_catalog(catalog)
    , m_logistics(logistics)
    , m_queue(queue)
{}

Status CartService::requireCustomer(const Principal &who) const
{
    if (!who.has(Role::Customer))
        return DomainError::forbidden(QStringLiteral("Only customers have a cart"));
    return {};
}

Result<QString> CartService::accountPincode(const Principal &who)
{
    // The request's account check has just read the account (AccountCache, the node's copy).
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
    PendingCartChange mine;
    mine.owner = who.userId;
    mine.itemId = itemId;
    mine.quantity = quantity;
    mine.addToExisting = addToExisting;
    mine.price = (*item)->item.price.amount;
    // Inside a transaction (a merge, a move from the wishlist) the change belongs to this
    // connection's transaction, not to a batch on another thread's connection.
    if (m_queue && !m_db.inTransaction())
        m_queue->run(mine, [this](const QList<PendingCartChange *> &batch) { writeAll(batch); });
    else
        writeAll({&mine});
    return std::move(*mine.outcome);
}

void CartService::writeAll(const QList<PendingCartChange *> &batch)
{
    QList<qint64> owners;
    for (const PendingCartChange *c : batch)
        owners << c->owner;
    CartRepository carts(m_db);
    for (int attempt = 1;; ++attempt) {
        const auto before = carts.linesOf(owners);
        if (!before) {
            for (PendingCartChange *c : batch)
                c->outcome = before.error();
            return;
        }
        QList<CartLineWrite> writes;
        QList<QPair<PendingCartChange *, QList<StoredCartLine>>> written; // with the lines after
        for (PendingCartChange *c : batch) {
            QList<StoredCartLine> lines = before->value(c->owner);
            const auto at = std::lower_bound(
                lines.begin(), lines.end(), c->itemId,
                [](const StoredCartLine &l, qint64 id) { return l.itemId < id; });
            const bool there = at != lines.end() && at->itemId == c->itemId;
            if (!there && lines.size() >= CartLimits::MaxLines) {
                c->outcome = DomainError::conflict(
                    QStringLiteral("A cart holds at most %1 lines").arg(CartLimits::MaxLines));
                continue;
            }
            const int existing = there ? at->quantity : 0;
            const int wanted = c->addToExisting
                                   ? qMin(existing + c->quantity, CartLimits::MaxQuantityPerLine)
                                   : c->quantity;
            writes << CartLineWrite{c->owner, c->itemId, wanted, c->price};
            // The lines after the upsert, without reading them again: a line already there keeps
            // its first added price (only its quantity changes), a new one has today's.
            if (there)
                at->quantity = wanted;
            else
                lines.insert(at, StoredCartLine{c->itemId, wanted, c->price});
            written.append({c, lines});
        }
        // In key order: concurrent batches take their row locks in one order.
        std::sort(writes.begin(), writes.end(), [](const CartLineWrite &a, const CartLineWrite &b) {
            return std::pair(a.userId, a.itemId) < std::pair(b.userId, b.itemId);
        });
        const Status stored = carts.setLines(writes);
        if (stored) {
            for (auto &[c, lines] : written)
                c->outcome = std::move(lines);
            return;
        }
        if (stored.error().kind() == DomainError::Kind::Unavailable && attempt < Attempts
            && !m_db.inTransaction())
            continue; // a deadlock with another batch: nothing was written, try again
        if (written.size() > 1) {
            // The failure may be one line's own: alone, each answers for itself.
            for (auto &[c, lines] : written)
                writeAll({c});
            return;
        }
        for (auto &[c, lines] : written)
            c->outcome = stored.error();
        return;
    }
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

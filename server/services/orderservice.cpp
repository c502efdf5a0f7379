#include "orderservice.h"

#include "cartrepository.h"
#include "catalogservice.h"
#include "connection.h"
#include "cursor.h"
#include "deliverypromise.h"
#include "eventlog.h"
#include "jsonkeys.h"
#include "ordercodecs.h"
#include "orderrepository.h"
#include "shipmentrepository.h"
#include "stockrepository.h"

#include <algorithm>
#include <map>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>

namespace pincart::server {

namespace k = keys;

namespace {

// What a checkout plans to take: units from one stock row, shipped from its warehouse.
struct Take
{
    qint64 stockId = 0;
    qint64 warehouseId = 0;
    qint64 itemId = 0;
    int quantity = 0;
};

struct WarehouseChoice
{
    qint64 warehouseId = 0;
    qint64 courierId = 0;
    DeliveryPromise promise;
};

QString requestHash(const Checkout &checkout)
{
    const QByteArray canonical = QJsonDocument(toJson(checkout)).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex());
}

bool luhnValid(const QString &digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).unicode() - '0';
        if (twice && (d *= 2) > 9)
            d -= 9;
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

} // namespace

OrderService::OrderService(Connection &db, CatalogService &catalog, LogisticsState &logistics,
                           const Clock &clock, std::function<void()> onCommitted)
    : m_db(db)
    , m_catalog(catalog)
    , m_logistics(logistics)
    , m_clock(clock)
    , m_onCommitted(std::move(onCommitted))
{}

bool OrderService::maySee(const Principal &who, const Order &order) const
{
    if (who.isAdmin() || (who.has(Role::Customer) && order.userId == who.userId))
        return true;
    if (who.has(Role::Operator)) {
        for (const Shipment &s : order.shipments) {
            if (who.runsWarehouse(s.warehouseId))
                return true;
        }
    }
    return false;
}

Result<Order> OrderService::withShipments(Order order, bool cancelled)
{
    auto shipments = ShipmentRepository(m_db).ofOrder(order.id);
    if (!shipments)
        return shipments.error();
    order.shipments = std::move(*shipments);
    order.status = orderStatusFromShipments(cancelled, order.shipments);
    return order;
}

Result<std::optional<PlacedOrder>> OrderService::replay(const Principal &who, const QString &key,
                                                        const QString &hash)
{
    if (key.isEmpty())
        return std::optional<PlacedOrder>();
    const auto existing = OrderRepository(m_db).findByKey(who.userId, key);
    if (!existing)
        return existing.error();
    if (!*existing)
        return std::optional<PlacedOrder>();
    if ((*existing)->requestHash != hash)
        return DomainError::conflict(
            QStringLiteral("This Idempotency-Key was used for another order request"));
    auto order = withShipments((*existing)->order, (*existing)->cancelled);
    if (!order)
        return order.error();
    return std::optional<PlacedOrder>(PlacedOrder{*order, true});
}

Result<PlacedOrder> OrderService::place(const Principal &who, const Checkout &checkout,
                                        const QString &idempotencyKey)
{
    if (!who.has(Role::Customer))
        return DomainError::forbidden(QStringLiteral("Only customers place orders"));
    if (idempotencyKey.size() > CartLimits::IdempotencyKeyMax)
        return DomainError::validation(
            QStringLiteral("Idempotency-Key"),
            QStringLiteral("at most %1 characters").arg(CartLimits::IdempotencyKeyMax));
    if (!m_logistics.network()->knowsPincode(checkout.pincode))
        return DomainError::validation(QString(k::Pincode),
                                       QStringLiteral("is not in the India Post directory"));
    const QString hash = requestHash(checkout);
    // No look-up of the key before trying: a retry of a placed order fails inside the transaction
    // (its cart is empty, or the key's unique index refuses the second order, rolling back
    // everything), and every failure below looks the key up before answering. The first try of a
    // key, the common case, costs no extra statement.
    for (int attempt = 1;; ++attempt) {
        bool retry = false;
        auto placed = placeOnce(who, checkout, idempotencyKey, hash, &retry);
        if (placed)
            return placed;
        // A request with the same key may have placed the order meanwhile (its insert won, or it
        // emptied the cart first): the answer is that order.
        if (!idempotencyKey.isEmpty()) {
            auto first = replay(who, idempotencyKey, hash);
            if (!first)
                return first.error();
            if (*first)
                return **first;
        }
        if (!retry || attempt == Attempts)
            return placed;
    }
}

Result<PlacedOrder> OrderService::placeOnce(const Principal &who, const Checkout &checkout,
                                            const QString &key, const QString &hash, bool *retry)
{
    Transaction tx(m_db);
    if (!tx.started()) {
        *retry = tx.started().error().kind() == DomainError::Kind::Unavailable;
        return tx.started().error();
    }
    // The cart is emptied first, in the statement that reads it: its rows stay locked until the
    // end, so one customer's concurrent checkouts take turns over one cart, and any failure below
    // rolls the lines back with everything else.
    const auto cart = CartRepository(m_db).takeLines(who.userId);
    if (!cart)
        return cart.error();
    if (cart->isEmpty())
        return DomainError::validation(QStringLiteral("cart"), QStringLiteral("is empty"));

    QList<qint64> itemIds;
    for (const StoredCartLine &l : *cart)
        itemIds << l.itemId;
    StockRepository stock(m_db);
    const auto sellable = stock.sellable(itemIds);
    if (!sellable)
        return sellable.error();

    // Plan: each line from the warehouses that promise soonest, bin rows in id order.
    const auto network = m_logistics.network();
    const QDateTime now = m_clock.now();
    QList<Take> takes;
    QList<OrderLine> lines;
    QList<FieldError> shortages;
    std::map<qint64, WarehouseChoice>
        choices; // by warehouse: its courier and promise to this pincode
    qint64 total = 0;
    QString currency = QStringLiteral("INR");
    for (const StoredCartLine &line : *cart) {
        const QString field = QStringLiteral("cart.%1").arg(line.itemId);
        const auto item = m_catalog.item(who, line.itemId);
        if (!item || (*item)->item.status != Item::Status::Active) {
            shortages.append(
                {field, QStringLiteral("unavailable: item %1 is no longer sold").arg(line.itemId)});
            continue;
        }
        QList<WarehouseChoice> reachable;
        int held = 0;
        QSet<qint64> seen;
        for (const SellableStock &row : *sellable) {
            if (row.itemId != line.itemId)
                continue;
            held += row.available;
            if (seen.contains(row.warehouseId))
                continue;
            seen.insert(row.warehouseId);
            const Warehouse *w = network->warehouse(row.warehouseId);
            const auto leg = network->best(row.warehouseId, checkout.pincode);
            if (w && w->active && leg)
                reachable << WarehouseChoice{w->id, leg->courierId,
                                             promiseFor(*w, leg->tatHours, now)};
        }
        std::sort(reachable.begin(), reachable.end(),
                  [](const WarehouseChoice &a, const WarehouseChoice &b) {
                      if (a.promise.promiseDate != b.promise.promiseDate)
                          return a.promise.promiseDate < b.promise.promiseDate;
                      if (a.promise.tatHours != b.promise.tatHours)
                          return a.promise.tatHours < b.promise.tatHours;
                      return a.warehouseId < b.warehouseId;
                  });
        int need = line.quantity;
        QList<Take> lineTakes;
        for (const WarehouseChoice &choice : std::as_const(reachable)) {
            for (const SellableStock &row : *sellable) {
                if (need == 0)
                    break;
                if (row.itemId != line.itemId || row.warehouseId != choice.warehouseId)
                    continue;
                const int n = qMin(need, row.available);
                lineTakes << Take{row.stockId, row.warehouseId, row.itemId, n};
                need -= n;
                choices.emplace(choice.warehouseId, choice);
            }
        }
        if (need > 0) {
            const int couldHave = line.quantity - need;
            if (held == 0)
                shortages.append(
                    {field, QStringLiteral("out_of_stock: none of %1 left").arg(line.quantity)});
            else if (couldHave == 0)
                shortages.append(
                    {field, QStringLiteral("undeliverable: no warehouse holding it reaches %1")
                                .arg(checkout.pincode)});
            else
                shortages.append(
                    {field, QStringLiteral("out_of_stock: only %1 of %2 can be delivered")
                                .arg(couldHave)
                                .arg(line.quantity)});
            continue;
        }
        takes << lineTakes;
        const Item &it = (*item)->item;
        currency = it.price.currency;
        lines << OrderLine{it.id,    it.sku,
                           it.title, line.quantity,
                           it.price, Money{it.price.amount * line.quantity, it.price.currency}};
        total += it.price.amount * line.quantity;
    }
    if (!shortages.isEmpty())
        return DomainError::conflict(QStringLiteral("Some lines cannot be ordered"), shortages);

    // Take the stock in stock-row order (concurrent orders then lock rows in one order: no
    // deadlock), all rows in one conditional UPDATE whose affected-row count must be all of them.
    std::sort(takes.begin(), takes.end(),
              [](const Take &a, const Take &b) { return a.stockId < b.stockId; });
    QList<QPair<qint64, int>> rows;
    for (const Take &t : std::as_const(takes))
        rows.append({t.stockId, t.quantity});
    const auto taken = stock.takeAll(rows);
    if (!taken) {
        *retry = taken.error().kind() == DomainError::Kind::Unavailable;
        return taken.error();
    }
    if (!*taken) {
        *retry = true; // another buyer took some since the plan was read: plan again
        return DomainError::conflict(QStringLiteral("Stock changed while ordering; try again"));
    }

    // One timestamp for the order and its shipments, so the answer below is what is stored.
    const QDateTime placedAt = QDateTime::fromMSecsSinceEpoch(Connection::nowMs(), Qt::UTC);
    Order order;
    order.userId = who.userId;
    order.pincode = checkout.pincode;
    order.address = checkout.address;
    order.payment = checkout.payment;
    order.paymentStatus = PaymentStatus::Pending;
    order.total = Money{total, currency};
    order.lines = lines;
    order.createdAt = order.updatedAt = placedAt;
    OrderRepository orders(m_db);
    const auto orderId = orders.create(order, key, hash);
    if (!orderId)
        return orderId.error(); // a Conflict here: the same Idempotency-Key committed first
    order.id = *orderId;
    if (Status s = orders.addLines(order.id, lines); !s)
        return s.error();
    // One shipment per warehouse the plan takes from, each with its units per item.
    for (const auto &[warehouseId, choice] : choices) {
        Shipment s;
        s.orderId = order.id;
        s.warehouseId = warehouseId;
        s.courierId = choice.courierId;
        s.pincode = checkout.pincode;
        s.promiseDate = choice.promise.promiseDate;
        s.createdAt = s.updatedAt = placedAt;
        std::map<qint64, int> units;
        for (const Take &t : std::as_const(takes)) {
            if (t.warehouseId == warehouseId)
                units[t.itemId] += t.quantity;
        }
        for (const auto &[itemId, quantity] : units) {
            const auto line
                = std::find_if(lines.cbegin(), lines.cend(),
                               [itemId](const OrderLine &l) { return l.itemId == itemId; });
            s.lines << ShipmentLine{itemId, line->sku, line->title, quantity};
        }
        order.shipments << s;
    }
    if (Status s = ShipmentRepository(m_db).createAll(order.shipments); !s)
        return s.error();
    std::map<qint64, qint64> shipmentOf; // warehouse -> shipment
    for (const Shipment &s : std::as_const(order.shipments))
        shipmentOf[s.warehouseId] = s.id;
    QList<StockTake> recorded;
    for (const Take &t : std::as_const(takes))
        recorded << StockTake{t.stockId, shipmentOf[t.warehouseId], t.itemId, t.quantity};
    if (Status s = orders.addStockTakes(order.id, recorded); !s)
        return s.error();
    QJsonArray eventLines;
    for (const OrderLine &l : std::as_const(lines))
        eventLines.append(QJsonObject{
            {k::ItemId, l.itemId}, {k::Quantity, l.quantity}, {k::UnitPrice, toJson(l.unitPrice)}});
    QList<Event> events{{0, QString(topics::OrderPlaced), QString::number(order.id),
                         QJsonObject{{k::Id, order.id},
                                     {k::UserId, who.userId},
                                     {k::Pincode, order.pincode},
                                     {k::Total, toJson(order.total)},
                                     {k::Lines, eventLines}},
                         0}};
    QSet<qint64> changed;
    for (const Take &t : std::as_const(takes))
        changed.insert(t.itemId);
    for (qint64 itemId : std::as_const(changed)) {
        events << Event{0, QString(topics::StockChanged), QString::number(itemId),
                        QJsonObject{{k::ItemId, itemId},
                                    {k::Reason, QStringLiteral("order")},
                                    {k::OrderId, order.id}},
                        0};
    }
    if (Status s = EventLog(m_db).appendAll(events); !s)
        return s.error();
    if (Status s = tx.commit(); !s) {
        *retry = s.error().kind() == DomainError::Kind::Unavailable;
        return s.error();
    }
    for (qint64 itemId : std::as_const(changed))
        m_logistics.stock().evict(itemId);
    if (m_onCommitted)
        m_onCommitted();
    order.status = OrderStatus::Placed;
    return PlacedOrder{order, false};
}

Result<Page<Order>> OrderService::orders(const Principal &who, const QString &after, int limit)
{
    if (!who.isAdmin() && !who.has(Role::Customer) && !who.has(Role::Operator))
        return DomainError::forbidden();
    if (Status s = checkPageLimit(limit, MaxPageSize); !s)
        return s.error();
    const auto before = cursorAfterId(after); // newest first: the cursor is the id to go below
    if (!before)
        return before.error();
    OrderListFilter filter;
    filter.limit = limit;
    filter.beforeId = *before;
    if (!who.isAdmin()) {
        if (who.has(Role::Customer))
            filter.userId = who.userId;
        else
            filter.warehouseIds = who.warehouseIds;
    }
    const auto stored = OrderRepository(m_db).list(filter);
    if (!stored)
        return stored.error();
    QList<Order> orders;
    for (const StoredOrder &s : *stored) {
        auto order = withShipments(s.order, s.cancelled);
        if (!order)
            return order.error();
        orders << *order;
    }
    return keysetPage(std::move(orders), limit);
}

Result<Order> OrderService::order(const Principal &who, qint64 id)
{
    const auto stored = OrderRepository(m_db).find(id);
    if (!stored)
        return stored.error();
    if (*stored) {
        auto order = withShipments((*stored)->order, (*stored)->cancelled);
        if (!order)
            return order.error();
        if (maySee(who, *order))
            return order;
    }
    // Someone else's order answers like a missing one: ids are not a way to learn about others.
    return DomainError::notFound(QStringLiteral("No order %1").arg(id));
}

Result<Order> OrderService::cancel(const Principal &who, qint64 id)
{
    const auto current = order(who, id);
    if (!current)
        return current.error();
    if (!who.isAdmin() && !(who.has(Role::Customer) && current->userId == who.userId))
        return DomainError::forbidden(
            QStringLiteral("Only the customer or an admin cancels an order"));
    if (current->status == OrderStatus::Cancelled)
        return DomainError::conflict(QStringLiteral("Order %1 is already cancelled").arg(id));

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    ShipmentRepository shipments(m_db);
    const auto all = shipments.countOfOrder(id);
    if (!all)
        return all.error();
    const auto cancelled = shipments.cancelOpenOfOrder(id);
    if (!cancelled)
        return cancelled.error();
    if (*cancelled != *all)
        return DomainError::conflict(
            QStringLiteral("Order %1 has a shipment on its way; it can no longer be cancelled")
                .arg(id));
    OrderRepository orders(m_db);
    const auto moved = orders.cancel(id);
    if (!moved)
        return moved.error();
    if (!*moved)
        return DomainError::conflict(QStringLiteral("Order %1 is already cancelled").arg(id));
    const auto takes = orders.stockTakes(id); // by stock row, like the checkout
    if (!takes)
        return takes.error();
    StockRepository stock(m_db);
    QSet<qint64> changed;
    for (const StockTake &t : *takes) {
        if (Status s = stock.putBack(t.stockId, t.quantity); !s)
            return s.error();
        changed.insert(t.itemId);
    }
    EventLog log(m_db);
    if (Status s = log.append(topics::OrderCancelled, QString::number(id),
                              {{k::Id, id}, {k::UserId, current->userId}});
        !s)
        return s.error();
    for (qint64 itemId : std::as_const(changed)) {
        if (Status s = log.append(
                topics::StockChanged, QString::number(itemId),
                {{k::ItemId, itemId}, {k::Reason, QStringLiteral("cancel")}, {k::OrderId, id}});
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    for (qint64 itemId : std::as_const(changed))
        m_logistics.stock().evict(itemId);
    if (m_onCommitted)
        m_onCommitted();
    return order(who, id);
}

Result<Order> OrderService::pay(const Principal &who, qint64 id, const QString &cardNumber)
{
    const auto current = order(who, id);
    if (!current)
        return current.error();
    if (!(who.has(Role::Customer) && current->userId == who.userId))
        return DomainError::forbidden(QStringLiteral("Only the customer pays for an order"));
    if (current->payment != PaymentMethod::Prepaid)
        return DomainError::conflict(QStringLiteral("Order %1 is cash on delivery").arg(id));
    if (current->status == OrderStatus::Cancelled)
        return DomainError::conflict(QStringLiteral("Order %1 is cancelled").arg(id));
    if (current->paymentStatus == PaymentStatus::Paid)
        return DomainError::conflict(QStringLiteral("Order %1 is already paid").arg(id));
    if (!luhnValid(cardNumber))
        return DomainError::validation(QString(k::CardNumber),
                                       QStringLiteral("is not a valid card number"));
    const PaymentStatus outcome = cardNumber == QLatin1String("4000000000000002")
                                      ? PaymentStatus::Failed
                                      : PaymentStatus::Paid;

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    const auto moved = OrderRepository(m_db).setPaymentStatus(id, current->paymentStatus, outcome);
    if (!moved)
        return moved.error();
    if (!*moved)
        return DomainError::conflict(
            QStringLiteral("Order %1's payment changed meanwhile; reload it").arg(id));
    if (Status s
        = EventLog(m_db).append(topics::PaymentUpdated, QString::number(id),
                                {{k::OrderId, id}, {k::PaymentStatus, paymentStatusName(outcome)}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    if (m_onCommitted)
        m_onCommitted();
    return order(who, id);
}

} // namespace pincart::server

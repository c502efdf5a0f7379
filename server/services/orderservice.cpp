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
                           const Clock &clock, BatchQueue *queue, OnCommitted onCommitted)
    : m_db(db)
    , m_catalog(catalog)
    , m_logistics(logistics)
    , m_clock(clock)
    , m_queue(queue)
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
    PendingCheckout mine;
    mine.owner = who.userId;
    mine.who = who;
    mine.checkout = checkout;
    mine.idempotencyKey = idempotencyKey;
    mine.requestHash = requestHash(checkout);
    const auto placeBatch = [this](const QList<PendingCheckout *> &batch) {
        placeAll(batch);
    };
    if (m_queue)
        m_queue->run(mine, placeBatch);
    else
        placeBatch({&mine});
    Result<PlacedOrder> placed = std::move(*mine.outcome);
    if (placed || idempotencyKey.isEmpty())
        return placed;
    // No look-up of the key before trying: a retry of a placed order fails inside the transaction
    // (its cart is empty, or the key's unique index refuses the second order, rolling back
    // everything), and only a failure looks the key up. A request with the same key may have
    // placed the order meanwhile (its insert won, or it emptied the cart first): the answer is
    // that order.
    auto first = replay(who, idempotencyKey, mine.requestHash);
    if (!first)
        return first.error();
    if (*first)
        return **first;
    return placed;
}

void OrderService::placeAll(const QList<PendingCheckout *> &batch)
{
    QList<PendingCheckout *> open = batch;
    for (int attempt = 1; !open.isEmpty();) {
        bool retry = false;
        const Status placed = placeTogether(open, &retry);
        if (placed) {
            // Every checkout answered, or some were refused and the rest go again without them.
            open.removeIf([](const PendingCheckout *p) { return p->outcome.has_value(); });
            continue;
        }
        if (retry && attempt++ < Attempts)
            continue;
        if (open.size() > 1) {
            // The failure may be one order's own (its Idempotency-Key used before): alone, each
            // answers for itself.
            for (PendingCheckout *p : std::as_const(open))
                placeAll({p});
            return;
        }
        open.first()->outcome = placed.error();
        return;
    }
}

namespace {

// One order of a batch as planned: the stock it takes and the shipments that follow.
struct Plan
{
    PendingCheckout *pending = nullptr;
    QList<Take> takes;
    QList<OrderLine> lines;
    std::map<qint64, WarehouseChoice> choices; // by warehouse: its courier and promise
    qint64 total = 0;
    QString currency = QStringLiteral("INR");
};

// Plans one order from the stock still `available` to its batch, and on success takes its units
// from there (so the batch's next orders plan with what is left). Each line comes from the
// warehouses that promise soonest, bin rows in id order. A Conflict lists the lines that cannot.
Result<Plan> planOrder(CatalogService &catalog, LogisticsState &logistics, PendingCheckout &pending,
                       const QList<StoredCartLine> &cart, QList<SellableStock> &available,
                       const QDateTime &now)
{
    const auto network = logistics.network();
    const QString &pincode = pending.checkout.pincode;
    Plan plan;
    plan.pending = &pending;
    QList<FieldError> shortages;
    for (const StoredCartLine &line : cart) {
        const QString field = QStringLiteral("cart.%1").arg(line.itemId);
        const auto item = catalog.item(pending.who, line.itemId);
        if (!item || (*item)->item.status != Item::Status::Active) {
            shortages.append(
                {field, QStringLiteral("unavailable: item %1 is no longer sold").arg(line.itemId)});
            continue;
        }
        QList<WarehouseChoice> reachable;
        int held = 0;
        QSet<qint64> seen;
        for (const SellableStock &row : std::as_const(available)) {
            if (row.itemId != line.itemId || row.available <= 0)
                continue;
            held += row.available;
            if (seen.contains(row.warehouseId))
                continue;
            seen.insert(row.warehouseId);
            const Warehouse *w = network->warehouse(row.warehouseId);
            const auto leg = network->best(row.warehouseId, pincode);
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
            for (const SellableStock &row : std::as_const(available)) {
                if (need == 0)
                    break;
                if (row.itemId != line.itemId || row.warehouseId != choice.warehouseId
                    || row.available <= 0)
                    continue;
                const int n = qMin(need, row.available);
                lineTakes << Take{row.stockId, row.warehouseId, row.itemId, n};
                need -= n;
                plan.choices.emplace(choice.warehouseId, choice);
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
                                .arg(pincode)});
            else
                shortages.append(
                    {field, QStringLiteral("out_of_stock: only %1 of %2 can be delivered")
                                .arg(couldHave)
                                .arg(line.quantity)});
            continue;
        }
        plan.takes << lineTakes;
        const Item &it = (*item)->item;
        plan.currency = it.price.currency;
        plan.lines << OrderLine{
            it.id,         it.sku,   it.title,
            line.quantity, it.price, Money{it.price.amount * line.quantity, it.price.currency}};
        plan.total += it.price.amount * line.quantity;
    }
    if (!shortages.isEmpty())
        return DomainError::conflict(QStringLiteral("Some lines cannot be ordered"), shortages);
    for (const Take &t : std::as_const(plan.takes)) {
        for (SellableStock &row : available) {
            if (row.stockId == t.stockId)
                row.available -= t.quantity;
        }
    }
    return plan;
}

} // namespace

Status OrderService::placeTogether(const QList<PendingCheckout *> &batch, bool *retry)
{
    const auto failed = [retry](const DomainError &error) -> Status {
        *retry = error.kind() == DomainError::Kind::Unavailable;
        return error;
    };
    Transaction tx(m_db);
    if (!tx.started())
        return failed(tx.started().error());
    // The carts are emptied first, in the statement that reads them: their rows stay locked until
    // the end, so one customer's concurrent checkouts take turns, and any failure below rolls the
    // lines back with everything else.
    QList<qint64> customers;
    for (const PendingCheckout *p : batch)
        customers << p->who.userId;
    const auto carts = CartRepository(m_db).takeLines(customers);
    if (!carts)
        return failed(carts.error());
    QList<qint64> itemIds;
    for (const QList<StoredCartLine> &cart : *carts) {
        for (const StoredCartLine &l : cart)
            itemIds << l.itemId;
    }
    StockRepository stock(m_db);
    auto sellable = stock.sellable(itemIds);
    if (!sellable)
        return failed(sellable.error());

    const QDateTime now = m_clock.now();
    QList<Plan> plans;
    QList<QPair<PendingCheckout *, DomainError>> refused;
    bool tookFromRefused = false; // a refused order's cart was emptied above: roll back
    for (PendingCheckout *p : batch) {
        const QList<StoredCartLine> cart = carts->value(p->who.userId);
        if (cart.isEmpty()) {
            refused.append(
                {p, DomainError::validation(QStringLiteral("cart"), QStringLiteral("is empty"))});
            continue;
        }
        auto planned = planOrder(m_catalog, m_logistics, *p, cart, *sellable, now);
        if (!planned) {
            refused.append({p, planned.error()});
            tookFromRefused = true;
            continue;
        }
        plans << *planned;
    }
    const auto answerRefused = [&refused] {
        for (auto &[p, error] : refused)
            p->outcome = error;
    };
    if (tookFromRefused || plans.isEmpty()) {
        // Rolled back (tx ends here): the refused keep their carts, the rest go again without them.
        answerRefused();
        return {};
    }

    // Take the stock in stock-row order (concurrent batches then lock rows in one order: no
    // deadlock), all rows in one conditional UPDATE whose affected-row count must be all of them.
    std::map<qint64, int> byRow;
    for (const Plan &plan : std::as_const(plans)) {
        for (const Take &t : plan.takes)
            byRow[t.stockId] += t.quantity;
    }
    QList<QPair<qint64, int>> rows;
    for (const auto &[stockId, quantity] : byRow)
        rows.append({stockId, quantity});
    const auto taken = stock.takeAll(rows);
    if (!taken)
        return failed(taken.error());
    if (!*taken) {
        *retry = true; // another buyer took some since the plans were read: plan again
        return DomainError::conflict(QStringLiteral("Stock changed while ordering; try again"));
    }

    // One timestamp for the orders and their shipments, so the answers below are what is stored.
    const QDateTime placedAt = QDateTime::fromMSecsSinceEpoch(Connection::nowMs(), Qt::UTC);
    QList<OrderToCreate> created;
    for (const Plan &plan : std::as_const(plans)) {
        const PendingCheckout &p = *plan.pending;
        Order order;
        order.userId = p.who.userId;
        order.pincode = p.checkout.pincode;
        order.address = p.checkout.address;
        order.payment = p.checkout.payment;
        order.paymentStatus = PaymentStatus::Pending;
        order.total = Money{plan.total, plan.currency};
        order.lines = plan.lines;
        order.createdAt = order.updatedAt = placedAt;
        created << OrderToCreate{order, p.idempotencyKey, p.requestHash};
    }
    OrderRepository orders(m_db);
    if (Status s = orders.createAll(created); !s)
        return failed(s.error()); // a Conflict here: an Idempotency-Key committed before

    // One shipment per order and warehouse its plan takes from, each with its units per item.
    QList<Shipment> shipments;
    for (qsizetype i = 0; i < plans.size(); ++i) {
        const Plan &plan = plans.at(i);
        const Order &order = created.at(i).order;
        for (const auto &[warehouseId, choice] : plan.choices) {
            Shipment s;
            s.orderId = order.id;
            s.warehouseId = warehouseId;
            s.courierId = choice.courierId;
            s.pincode = order.pincode;
            s.promiseDate = choice.promise.promiseDate;
            s.createdAt = s.updatedAt = placedAt;
            std::map<qint64, int> units;
            for (const Take &t : plan.takes) {
                if (t.warehouseId == warehouseId)
                    units[t.itemId] += t.quantity;
            }
            for (const auto &[itemId, quantity] : units) {
                const auto line
                    = std::find_if(order.lines.cbegin(), order.lines.cend(),
                                   [itemId](const OrderLine &l) { return l.itemId == itemId; });
                s.lines << ShipmentLine{itemId, line->sku, line->title, quantity};
            }
            shipments << s;
        }
    }
    if (Status s = ShipmentRepository(m_db).createAll(shipments); !s)
        return failed(s.error());
    QList<StockTake> recorded;
    QList<Event> events;
    QSet<qint64> changed;
    for (qsizetype i = 0; i < plans.size(); ++i) {
        const Plan &plan = plans.at(i);
        Order &order = created[i].order;
        for (const Shipment &s : std::as_const(shipments)) {
            if (s.orderId == order.id)
                order.shipments << s;
        }
        QSet<qint64> items;
        for (const Take &t : plan.takes) {
            const auto shipment
                = std::find_if(order.shipments.cbegin(), order.shipments.cend(),
                               [&t](const Shipment &s) { return s.warehouseId == t.warehouseId; });
            recorded << StockTake{order.id, t.stockId, shipment->id, t.itemId, t.quantity};
            items.insert(t.itemId);
        }
        QJsonArray eventLines;
        for (const OrderLine &l : std::as_const(order.lines))
            eventLines.append(QJsonObject{{k::ItemId, l.itemId},
                                          {k::Quantity, l.quantity},
                                          {k::UnitPrice, toJson(l.unitPrice)}});
        events << Event{0, QString(topics::OrderPlaced), QString::number(order.id),
                        QJsonObject{{k::Id, order.id},
                                    {k::UserId, order.userId},
                                    {k::Pincode, order.pincode},
                                    {k::Total, toJson(order.total)},
                                    {k::Lines, eventLines}},
                        0};
        for (qint64 itemId : std::as_const(items)) {
            events << Event{0, QString(topics::StockChanged), QString::number(itemId),
                            QJsonObject{{k::ItemId, itemId},
                                        {k::Reason, QStringLiteral("order")},
                                        {k::OrderId, order.id}},
                            0};
        }
        changed.unite(items);
    }
    if (Status s = orders.addStockTakes(recorded); !s)
        return failed(s.error());
    if (Status s = EventLog(m_db).appendAll(events); !s)
        return failed(s.error());
    if (Status s = tx.commit(); !s)
        return failed(s.error());

    for (qint64 itemId : std::as_const(changed))
        m_logistics.stock().evict(itemId);
    if (m_onCommitted)
        m_onCommitted({topics::OrderPlaced, topics::StockChanged});
    answerRefused();
    for (qsizetype i = 0; i < plans.size(); ++i) {
        Order &order = created[i].order;
        order.status = OrderStatus::Placed;
        plans.at(i).pending->outcome = PlacedOrder{order, false};
    }
    return {};
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
        m_onCommitted({topics::OrderCancelled, topics::StockChanged});
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
        m_onCommitted({topics::PaymentUpdated});
    return order(who, id);
}

} // namespace pincart::server

#include "warehouseservice.h"

#include "connection.h"
#include "cursor.h"
#include "eventlog.h"
#include "itemrepository.h"
#include "jsonkeys.h"
#include "shipmentrepository.h"
#include "stockrepository.h"
#include "warehouserepository.h"

#include <QSet>
#include <QTimeZone>

namespace pincart::server {

namespace k = keys;

WarehouseService::WarehouseService(Connection &db, LogisticsState &state, const Clock &clock,
                                   OnCommitted onCommitted)
    : m_db(db)
    , m_state(state)
    , m_clock(clock)
    , m_onCommitted(std::move(onCommitted))
{}

Result<Warehouse> WarehouseService::runnable(const Principal &who, qint64 warehouseId)
{
    if (!who.isAdmin() && !who.has(Role::Operator))
        return DomainError::forbidden();
    auto found = WarehouseRepository(m_db).find(warehouseId);
    if (!found)
        return found.error();
    if (!*found)
        return DomainError::notFound(QStringLiteral("No warehouse %1").arg(warehouseId));
    if (!who.runsWarehouse(warehouseId))
        return DomainError::forbidden(
            QStringLiteral("Warehouse %1 is not assigned to you").arg(warehouseId));
    return **found;
}

Result<QList<Warehouse>> WarehouseService::warehouses(const Principal &who)
{
    if (!who.isAdmin() && !who.has(Role::Operator))
        return DomainError::forbidden();
    auto all = WarehouseRepository(m_db).list();
    if (!all)
        return all.error();
    QList<Warehouse> mine;
    for (const Warehouse &w : std::as_const(*all)) {
        if (who.runsWarehouse(w.id))
            mine << w;
    }
    return mine;
}

Result<WarehouseSummary> WarehouseService::summary(const Principal &who, qint64 warehouseId)
{
    if (auto w = runnable(who, warehouseId); !w)
        return w.error();
    // "Today" is the warehouse's day: India time.
    const QTimeZone india(IndiaUtcOffsetSeconds);
    const QDateTime dayStart(m_clock.now().toTimeZone(india).date(), QTime(0, 0), india);
    auto summary = StockRepository(m_db).summary(warehouseId, dayStart.toMSecsSinceEpoch());
    if (!summary)
        return summary.error();
    auto open = ShipmentRepository(m_db).countOpen(warehouseId);
    if (!open)
        return open.error();
    summary->openShipments = *open;
    return summary;
}

Result<Page<StockLine>> WarehouseService::stock(const Principal &who, qint64 warehouseId,
                                                const StockListQuery &query)
{
    if (auto w = runnable(who, warehouseId); !w)
        return w.error();
    if (Status s = checkPageLimit(query.limit, MaxPageSize); !s)
        return s.error();
    if (query.search.size() > MaxSearchLength)
        return DomainError::validation(
            QStringLiteral("q"), QStringLiteral("at most %1 characters").arg(MaxSearchLength));
    const auto after = cursorAfterId(query.after);
    if (!after)
        return after.error();
    auto lines = StockRepository(m_db).list(
        {warehouseId, *after, query.limit, query.lowOnly, query.search});
    if (!lines)
        return lines.error();
    return keysetPage(std::move(*lines), query.limit);
}

Result<Receipt> WarehouseService::receive(const Principal &who, qint64 warehouseId,
                                          QList<ReceiptLine> lines)
{
    if (auto w = runnable(who, warehouseId); !w)
        return w.error();

    // Every line checked before anything is written: one answer lists every wrong line.
    StockRepository stock(m_db);
    ItemRepository items(m_db);
    WarehouseRepository warehouses(m_db);
    QList<FieldError> errors;
    for (int i = 0; i < lines.size(); ++i) {
        ReceiptLine &line = lines[i];
        const QString prefix = QStringLiteral("lines[%1].").arg(i);
        if (!line.sku.isEmpty()) {
            const auto ids = stock.itemsWithSku(line.sku);
            if (!ids)
                return ids.error();
            if (ids->isEmpty())
                errors.append({prefix + k::Sku, QStringLiteral("no item has this SKU")});
            else if (ids->size() > 1)
                errors.append({prefix + k::Sku,
                               QStringLiteral("several suppliers use this SKU: give item_id")});
            else
                line.itemId = ids->first();
        } else {
            const auto item = items.findById(line.itemId);
            if (!item)
                return item.error();
            if (!*item)
                errors.append({prefix + k::ItemId, QStringLiteral("no such item")});
            else
                line.sku = (*item)->sku;
        }
        line.bin = line.bin.toUpper();
        const auto bin = warehouses.hasBin(warehouseId, line.bin);
        if (!bin)
            return bin.error();
        if (!*bin)
            errors.append({prefix + k::Bin, QStringLiteral("no such bin in this warehouse")});
    }
    if (!errors.isEmpty())
        return DomainError::validation(
            errors, QStringLiteral("The receipt has lines that cannot be received"));

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    const auto receiptId = stock.createReceipt(warehouseId, who.userId, lines);
    if (!receiptId)
        return receiptId.error();
    QSet<qint64> changed;
    for (ReceiptLine &line : lines) {
        const auto onHand = stock.add(warehouseId, line.itemId, line.bin, line.quantity);
        if (!onHand)
            return onHand.error();
        line.onHandAfter = *onHand;
        changed.insert(line.itemId);
    }
    EventLog log(m_db);
    for (qint64 itemId : std::as_const(changed)) {
        if (Status s = log.append(topics::StockChanged, QString::number(itemId),
                                  {{k::WarehouseId, warehouseId},
                                   {k::ItemId, itemId},
                                   {k::Reason, QStringLiteral("receipt")},
                                   {QLatin1StringView("receipt_id"), *receiptId}});
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    for (qint64 itemId : std::as_const(changed))
        m_state.stock().evict(itemId);
    if (m_onCommitted)
        m_onCommitted({topics::StockChanged});

    Receipt receipt;
    receipt.id = *receiptId;
    receipt.warehouseId = warehouseId;
    receipt.operatorId = who.userId;
    receipt.lines = lines;
    receipt.createdAt = m_clock.now();
    return receipt;
}

Result<Page<Shipment>> WarehouseService::fulfilment(const Principal &who, qint64 warehouseId,
                                                    const QString &after, int limit)
{
    if (auto w = runnable(who, warehouseId); !w)
        return w.error();
    if (Status s = checkPageLimit(limit, MaxPageSize); !s)
        return s.error();
    const auto from = cursorAfterId(after);
    if (!from)
        return from.error();
    auto open = ShipmentRepository(m_db).open(warehouseId, *from, limit);
    if (!open)
        return open.error();
    return keysetPage(std::move(*open), limit);
}

Result<Shipment> WarehouseService::advanceShipment(const Principal &who, qint64 shipmentId,
                                                   ShipmentStatus to)
{
    if (!who.isAdmin() && !who.has(Role::Operator))
        return DomainError::forbidden();
    ShipmentRepository shipments(m_db);
    auto found = shipments.find(shipmentId);
    if (!found)
        return found.error();
    if (!*found)
        return DomainError::notFound(QStringLiteral("No shipment %1").arg(shipmentId));
    Shipment shipment = **found;
    if (!who.runsWarehouse(shipment.warehouseId))
        return DomainError::forbidden(
            QStringLiteral("Shipment %1 belongs to a warehouse not assigned to you")
                .arg(shipmentId));
    if (!canAdvanceShipment(shipment.status, to)) {
        QStringList allowed;
        for (auto next : {ShipmentStatus::Picked, ShipmentStatus::Packed, ShipmentStatus::Shipped,
                          ShipmentStatus::Delivered}) {
            if (canAdvanceShipment(shipment.status, next))
                allowed << shipmentStatusName(next);
        }
        return DomainError::conflict(
            allowed.isEmpty() ? QStringLiteral("Shipment %1 is %2 and cannot change")
                                    .arg(shipmentId)
                                    .arg(shipmentStatusName(shipment.status))
                              : QStringLiteral("Shipment %1 is %2: it can only become %3")
                                    .arg(shipmentId)
                                    .arg(shipmentStatusName(shipment.status),
                                         allowed.join(QStringLiteral(" or "))));
    }

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    const auto moved = shipments.advance(shipmentId, shipment.status, to);
    if (!moved)
        return moved.error();
    if (!*moved)
        return DomainError::conflict(
            QStringLiteral("Shipment %1 was changed meanwhile; reload it").arg(shipmentId));
    if (Status s = EventLog(m_db).append(
            topics::ShipmentUpdated, QString::number(shipmentId),
            {{k::Id, shipmentId},
             {k::OrderId, shipment.orderId ? QJsonValue(shipment.orderId) : QJsonValue()},
             {k::WarehouseId, shipment.warehouseId},
             {k::Status, shipmentStatusName(to)}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    if (m_onCommitted)
        m_onCommitted({topics::ShipmentUpdated});
    shipment.status = to;
    shipment.updatedAt = m_clock.now();
    return shipment;
}

} // namespace pincart::server

#pragma once

#include "clock.h"
#include "event.h"
#include "logistics.h"
#include "logisticsstate.h"
#include "page.h"
#include "principal.h"
#include "result.h"

#include <functional>

namespace pincart::server {

class Connection;

struct StockListQuery
{
    QString after;
    int limit = 20;
    bool lowOnly = false;
    QString search;
};

// The design's Warehouse service: stock levels, inbound receipts and the fulfilment queue. An
// operator acts only on the warehouses assigned to it; admins on all.
class WarehouseService
{
public:
    static constexpr int MaxPageSize = 100;
    static constexpr int MaxSearchLength = 100;

    WarehouseService(Connection &db, LogisticsState &state, const Clock &clock,
                     OnCommitted onCommitted = {});

    Result<QList<Warehouse>> warehouses(const Principal &who);
    Result<WarehouseSummary> summary(const Principal &who, qint64 warehouseId);
    Result<Page<StockLine>> stock(const Principal &who, qint64 warehouseId,
                                  const StockListQuery &query);
    // Adds every line's quantity to its bin in one transaction with a `stock.changed` per item;
    // nothing is written when any line is wrong.
    Result<Receipt> receive(const Principal &who, qint64 warehouseId, QList<ReceiptLine> lines);
    Result<Page<Shipment>> fulfilment(const Principal &who, qint64 warehouseId,
                                      const QString &after, int limit);
    // One step forward (placed -> picked -> packed -> shipped -> delivered, or placed -> packed),
    // with `shipment.updated`.
    Result<Shipment> advanceShipment(const Principal &who, qint64 shipmentId, ShipmentStatus to);

private:
    Result<Warehouse> runnable(const Principal &who, qint64 warehouseId);

    Connection &m_db;
    LogisticsState &m_state;
    const Clock &m_clock;
    OnCommitted m_onCommitted;
};

} // namespace pincart::server

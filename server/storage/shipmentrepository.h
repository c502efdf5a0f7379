#pragma once

#include "connection.h"
#include "logistics.h"

#include <optional>

namespace pincart::server {

// The shipments and shipment_lines tables: what a warehouse picks, packs and ships.
class ShipmentRepository
{
public:
    explicit ShipmentRepository(Connection &connection)
        : m_db(connection)
    {}

    // With its lines; stamped createdAt (now when invalid).
    Result<qint64> create(const Shipment &shipment);
    // Several at once (one order's or several orders'), no two of one order at one warehouse,
    // with their lines: two statements whatever their number. Sets each one's id.
    Status createAll(QList<Shipment> &shipments);
    Result<std::optional<Shipment>> find(qint64 id); // with its lines
    // Open shipments (placed, picked, packed) of a warehouse, oldest first, with their lines.
    Result<QList<Shipment>> open(qint64 warehouseId, qint64 afterId, int limit);
    Result<QList<Shipment>> ofOrder(qint64 orderId);
    Result<int> countOpen(qint64 warehouseId);
    // Cancels the order's shipments still in the warehouse; returns how many it cancelled.
    Result<int> cancelOpenOfOrder(qint64 orderId);
    Result<int> countOfOrder(qint64 orderId);
    // Moves a shipment from `from` to `to`; false when it was not in `from` any more.
    Result<bool> advance(qint64 id, ShipmentStatus from, ShipmentStatus to);

private:
    Status loadLines(QList<Shipment> &shipments);

    Connection &m_db;
};

} // namespace pincart::server

#pragma once

#include "clock.h"
#include "event.h"
#include "logistics.h"
#include "logisticsstate.h"
#include "page.h"
#include "principal.h"
#include "result.h"

#include <functional>
#include <optional>

namespace pincart::server {

class CatalogService;
class Connection;

// The bins a new warehouse gets: aisles A-D, racks 01-10 ("A-01" ... "D-10").
QStringList standardBins();

// The design's Serviceability + TAT and Logistic services: can an item reach a pincode and by
// when (answered from the node's TAT snapshot and stock index, no database round trip when both
// are warm), and the admin's edits of the network. Every edit appends `network.changed` in its
// transaction; each node's LogisticsConsumer then rebuilds its tables.
class LogisticsService
{
public:
    static constexpr int MaxPageSize = 1000; // hubs and lanes are admin lists, read in bulk

    LogisticsService(Connection &db, LogisticsState &state, CatalogService &catalog,
                     const Clock &clock, OnCommitted onCommitted = {});

    Result<Serviceability> serviceability(const Principal &who, qint64 itemId,
                                          const QString &pincode);
    // serviceability()'s answer when the item and its stock are in memory; nullopt when it would
    // need the database (an I/O thread then hands the request to the pool).
    std::optional<Result<Serviceability>>
    serviceabilityFromMemory(const Principal &who, qint64 itemId, const QString &pincode);
    // Whether the pincode is in the directory the TAT tables were built from.
    bool knowsPincode(const QString &pincode) const;
    // An item's sellable stock per warehouse, from the index (read through on a miss).
    Result<std::shared_ptr<const StockLevels>> stockLevels(qint64 itemId);

    Result<QList<Courier>> couriers(const Principal &who);
    Result<Courier> createCourier(const Principal &who, const CourierInput &input);
    Result<Courier> updateCourier(const Principal &who, qint64 id, const CourierInput &input);

    Result<Warehouse> createWarehouse(const Principal &who, const WarehouseInput &input);
    Result<Warehouse> updateWarehouse(const Principal &who, qint64 id, const WarehouseInput &input);

    Result<Page<Hub>> hubs(const Principal &who, const QString &after, int limit);
    Result<Page<Lane>> lanes(const Principal &who, qint64 courierId, const QString &after,
                             int limit);
    Result<Lane> createLane(const Principal &who, const LaneInput &input);
    Result<Lane> updateLane(const Principal &who, qint64 id, const LaneInput &input);
    Status removeLane(const Principal &who, qint64 id);

private:
    // Runs `change` in a transaction that also appends `network.changed`.
    Status changeNetwork(const std::function<Status()> &change, const QString &what);
    Status checkPincodeKnown(const QString &pincode);
    // The answer from resolved pieces: every warehouse holding stock, and the soonest of them.
    Serviceability answer(const DeliveryNetwork &network, qint64 itemId, const QString &pincode,
                          const StockLevels &levels) const;

    Connection &m_db;
    LogisticsState &m_state;
    CatalogService &m_catalog;
    const Clock &m_clock;
    OnCommitted m_onCommitted;
};

} // namespace pincart::server

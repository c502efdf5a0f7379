#include "demologistics.h"

#include "connection.h"
#include "deliverypromise.h"
#include "demonetwork.h"
#include "demorandom.h"
#include "itemrepository.h"
#include "logisticsservice.h"
#include "networkloader.h"
#include "networkrepository.h"
#include "shipmentrepository.h"
#include "stockrepository.h"
#include "userrepository.h"
#include "warehouserepository.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSeed)

namespace pincart::server {

namespace {

constexpr int ShipmentsPerWarehouse = 6;

Status insertNetwork(Connection &db, const DemoNetwork &net, QList<qint64> &warehouseIds,
                     LogisticsSeedReport &report)
{
    Transaction tx(db);
    if (!tx.started())
        return tx.started();
    NetworkRepository network(db);
    QList<qint64> hubIds;
    for (const Hub &hub : net.hubs) {
        const auto id = network.createHub(hub);
        if (!id)
            return id.error();
        hubIds << *id;
    }
    QList<qint64> courierIds;
    for (const Courier &courier : net.couriers) {
        const auto id = network.createCourier(courier);
        if (!id)
            return id.error();
        courierIds << *id;
    }
    for (const DemoLane &l : net.lanes) {
        const auto id = network.createLane({0, courierIds.at(l.courier), hubIds.at(l.fromHub),
                                            hubIds.at(l.toHub), l.transitHours, true});
        if (!id)
            return id.error();
    }
    WarehouseRepository warehouses(db);
    for (const Warehouse &w : net.warehouses) {
        const auto id = warehouses.create(w);
        if (!id)
            return id.error();
        if (Status s = warehouses.addBins(*id, standardBins()); !s)
            return s;
        warehouseIds << *id;
    }
    report.hubs = int(hubIds.size());
    report.couriers = int(courierIds.size());
    report.lanes = int(net.lanes.size());
    report.warehouses = int(warehouseIds.size());
    return tx.commit();
}

Status assignOperators(Connection &db, const DemoNetwork &net, const QList<qint64> &warehouseIds,
                       const QHash<qint64, QStringList> &operatorWarehouses)
{
    UserRepository users(db);
    for (auto it = operatorWarehouses.cbegin(); it != operatorWarehouses.cend(); ++it) {
        const auto user = users.findById(it.key());
        if (!user)
            return user.error();
        if (!*user)
            continue;
        User u = **user;
        u.warehouseIds.clear();
        for (int i = 0; i < net.warehouses.size(); ++i) {
            if (it.value().contains(net.warehouses.at(i).code))
                u.warehouseIds << warehouseIds.at(i);
        }
        if (Status s = users.update(u); !s)
            return s;
    }
    return {};
}

// Stock rows for the catalogue; fills `held` with the items each warehouse holds.
Status stockCatalogue(Connection &db, const QList<qint64> &warehouseIds, DemoRandom &rnd,
                      QHash<qint64, QList<qint64>> &held, LogisticsSeedReport &report)
{
    const auto items = ItemRepository(db).ids();
    if (!items)
        return items.error();
    const QStringList bins = standardBins();
    QList<StockLine> rows;
    for (qint64 item : *items) {
        if (rnd.chance(8))
            continue; // out of stock everywhere
        const int holders = int(rnd.between(1, 3));
        QList<qint64> chosen;
        while (chosen.size() < holders && chosen.size() < warehouseIds.size()) {
            const qint64 w = rnd.pick(warehouseIds);
            if (!chosen.contains(w))
                chosen << w;
        }
        for (qint64 w : std::as_const(chosen)) {
            StockLine row;
            row.warehouseId = w;
            row.itemId = item;
            row.bin = rnd.pick(bins);
            row.reorderLevel = int(rnd.between(5, 20));
            // About one row in eight sits at or below its reorder level.
            row.onHand = rnd.chance(12) ? int(rnd.between(0, row.reorderLevel))
                                        : int(rnd.between(row.reorderLevel + 1, 150));
            rows << row;
            held[w] << item;
        }
    }
    constexpr int Batch = 5000;
    StockRepository stock(db);
    for (qsizetype start = 0; start < rows.size(); start += Batch) {
        Transaction tx(db);
        if (!tx.started())
            return tx.started();
        if (Status s = stock.insertRows(rows.mid(start, Batch)); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    report.stockRows = int(rows.size());
    return {};
}

Status openShipments(Connection &db, const QList<qint64> &warehouseIds,
                     const QHash<qint64, QList<qint64>> &held, DemoRandom &rnd,
                     LogisticsSeedReport &report)
{
    const auto network = loadDeliveryNetwork(db);
    if (!network)
        return network.error();
    const auto directory = PincodeRepository(db).all();
    if (!directory)
        return directory.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const ShipmentStatus statuses[]
        = {ShipmentStatus::Placed, ShipmentStatus::Picked, ShipmentStatus::Packed};
    Transaction tx(db);
    if (!tx.started())
        return tx.started();
    ShipmentRepository shipments(db);
    for (qint64 w : warehouseIds) {
        const QList<qint64> items = held.value(w);
        const Warehouse *warehouse = (*network)->warehouse(w);
        if (items.isEmpty() || !warehouse || directory->isEmpty())
            continue;
        for (int n = 0; n < ShipmentsPerWarehouse; ++n) {
            // A customer somewhere this warehouse reaches.
            std::optional<DeliveryNetwork::Leg> leg;
            QString pincode;
            for (int attempt = 0; attempt < 50 && !leg; ++attempt) {
                pincode = rnd.pick(*directory).pincode;
                leg = (*network)->best(w, pincode);
            }
            if (!leg)
                break;
            Shipment s;
            s.warehouseId = w;
            s.courierId = leg->courierId;
            s.pincode = pincode;
            s.status = statuses[n % 3];
            s.promiseDate = promiseFor(*warehouse, leg->tatHours, now).promiseDate;
            const int lines = int(rnd.between(1, 3));
            for (int l = 0; l < lines; ++l) {
                const qint64 item = rnd.pick(items);
                if (std::none_of(s.lines.cbegin(), s.lines.cend(),
                                 [item](const ShipmentLine &x) { return x.itemId == item; }))
                    s.lines << ShipmentLine{item, {}, {}, int(rnd.between(1, 3))};
            }
            const auto id = shipments.create(s);
            if (!id)
                return id.error();
            ++report.shipments;
        }
    }
    return tx.commit();
}

} // namespace

Result<LogisticsSeedReport> seedDemoLogistics(Connection &db,
                                              const QHash<qint64, QStringList> &operatorWarehouses,
                                              quint64 seed)
{
    LogisticsSeedReport report;
    const auto existing = WarehouseRepository(db).list();
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return report;
    const auto directory = PincodeRepository(db).all();
    if (!directory)
        return directory.error();
    if (directory->isEmpty())
        return report; // no directory, no network

    const DemoNetwork net = generateDemoNetwork(*directory);
    QList<qint64> warehouseIds;
    if (Status s = insertNetwork(db, net, warehouseIds, report); !s)
        return s.error();
    if (Status s = assignOperators(db, net, warehouseIds, operatorWarehouses); !s)
        return s.error();
    DemoRandom rnd(seed ^ 0x5704C);
    QHash<qint64, QList<qint64>> held;
    if (Status s = stockCatalogue(db, warehouseIds, rnd, held, report); !s)
        return s.error();
    if (Status s = openShipments(db, warehouseIds, held, rnd, report); !s)
        return s.error();
    qCInfo(lcSeed).nospace() << "seeded the delivery network: " << report.warehouses
                             << " warehouses, " << report.hubs << " hubs, " << report.couriers
                             << " couriers, " << report.lanes << " lanes, " << report.stockRows
                             << " stock rows, " << report.shipments << " open shipments";
    return report;
}

} // namespace pincart::server

#pragma once

#include "logistics.h"
#include "pincoderepository.h"

#include <memory>
#include <optional>
#include <QHash>
#include <vector>

namespace pincart::server {

// Everything the TAT tables are computed from, as stored.
struct NetworkData
{
    QList<PincodeEntry> pincodes;
    QList<Warehouse> warehouses;
    QList<Courier> couriers; // with their coverage
    QList<Hub> hubs;
    QList<Lane> lanes;
};

// How the first and last miles are costed (lanes carry their own transit hours).
struct NetworkParameters
{
    double firstMileKmph = 30;      // warehouse to its hub, by road
    double lastMileKmph = 25;       // hub to the door
    int expressLastMileHours = 4;   // sorting and the delivery round, express coverage
    int standardLastMileHours = 12; // the same, standard coverage
    int unknownLocationHours
        = 12; // a pincode without coordinates: a fixed allowance for the distance
};

// The design's Serviceability + TAT tables: an immutable snapshot, built off the request threads
// from NetworkData and read in O(1) per warehouse. A pincode reaches the network at its district's
// hub (the nearest hub when its district has none); a warehouse ships from its own pincode's hub.
// TAT(warehouse, courier, pincode) = first mile + shortest lane path between the hubs (Dijkstra
// over the courier's active lanes) + last mile, where the courier covers the pincode.
class DeliveryNetwork
{
public:
    static std::shared_ptr<const DeliveryNetwork> build(const NetworkData &data,
                                                        NetworkParameters parameters = {});

    struct Leg
    {
        int tatHours = 0;
        qint64 courierId = 0;
    };

    bool knowsPincode(QStringView pincode) const { return pincodeIndex(pincode) >= 0; }
    // The soonest courier from an active warehouse; nullopt when none reaches the pincode.
    std::optional<Leg> best(qint64 warehouseId, QStringView pincode) const;
    // One courier's TAT; nullopt when that courier cannot take it there.
    std::optional<int> tat(qint64 warehouseId, qint64 courierId, QStringView pincode) const;
    // The hubs a parcel passes, from the warehouse's hub to the pincode's.
    QList<RouteStop> route(qint64 warehouseId, qint64 courierId, QStringView pincode) const;

    const Warehouse *warehouse(qint64 id) const;
    const Courier *courier(qint64 id) const;
    const QList<Warehouse> &warehouses() const { return m_warehouses; }

    int pincodeCount() const { return int(m_pincodeHub.size()); }
    // Pincodes that at least one active warehouse reaches.
    int reachablePincodeCount() const { return m_reachable; }
    qint64 buildMs() const { return m_buildMs; }

private:
    static constexpr quint16 NoPath = 0xFFFF;
    static constexpr int NoHub = -1;

    struct PerWarehouse
    {
        int warehouseIndex = -1;
        int hub = NoHub;
        int firstMileHours = 0;
        // [courier][hub]: hours from this warehouse's hub, and the previous hub on the best path.
        std::vector<std::vector<int>> hubHours;
        std::vector<std::vector<int>> previousHub;
        // [pincode]: the best TAT over every courier and the courier that gives it.
        std::vector<quint16> bestHours;
        std::vector<quint8> bestCourier;
    };

    int pincodeIndex(QStringView pincode) const;
    const PerWarehouse *perWarehouse(qint64 warehouseId) const;
    int courierIndex(qint64 courierId) const;
    std::optional<int> tatByIndex(const PerWarehouse &w, int courier, int pincode) const;

    QList<Warehouse> m_warehouses;
    QList<Courier> m_couriers; // active ones only
    QList<Hub> m_hubs;
    std::vector<qint32> m_indexByPincode; // 1,000,000 slots: the six digits as a number
    std::vector<int> m_pincodeHub;
    std::vector<std::vector<int>> m_lastMile; // [courier][pincode], -1: not covered
    std::vector<PerWarehouse> m_perWarehouse; // active warehouses
    QHash<qint64, int> m_perWarehouseById;
    int m_reachable = 0;
    qint64 m_buildMs = 0;
};

double greatCircleKm(double lat1, double lon1, double lat2, double lon2);

} // namespace pincart::server

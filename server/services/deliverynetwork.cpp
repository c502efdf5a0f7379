#include "deliverynetwork.h"

#include <cmath>
#include <functional>
#include <limits>
#include <QElapsedTimer>
#include <queue>

namespace pincart::server {

namespace {

constexpr int Infinite = std::numeric_limits<int>::max();

QString districtKey(const QString &state, const QString &district)
{
    return state.toCaseFolded() + QChar(0x1f) + district.toCaseFolded();
}

int hoursFor(double km, double kmph)
{
    return int(std::ceil(km / kmph));
}

// Which coverage rule applies to a pincode: the most specific one (pincode, then district, then
// state).
class CoverageIndex
{
public:
    explicit CoverageIndex(const QList<CoverageRule> &rules)
    {
        for (const CoverageRule &r : rules) {
            if (!r.pincode.isEmpty())
                m_pincodes.insert(r.pincode, r.level);
            else if (!r.district.isEmpty())
                m_districts.insert(districtKey(r.state, r.district), r.level);
            else
                m_states.insert(r.state.toCaseFolded(), r.level);
        }
    }
    std::optional<ServiceLevel> levelFor(const PincodeEntry &p, const QString &stateKey,
                                         const QString &districtKey) const
    {
        if (const auto it = m_pincodes.constFind(p.pincode); it != m_pincodes.cend())
            return *it;
        if (const auto it = m_districts.constFind(districtKey); it != m_districts.cend())
            return *it;
        if (const auto it = m_states.constFind(stateKey); it != m_states.cend())
            return *it;
        return std::nullopt;
    }

private:
    QHash<QString, ServiceLevel> m_pincodes;
    QHash<QString, ServiceLevel> m_districts;
    QHash<QString, ServiceLevel> m_states;
};

} // namespace

double greatCircleKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double EarthRadiusKm = 6371.0;
    constexpr double Radians = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * Radians;
    const double dLon = (lon2 - lon1) * Radians;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * Radians) * std::cos(lat2 * Radians) * std::sin(dLon / 2)
                           * std::sin(dLon / 2);
    return 2 * EarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

std::shared_ptr<const DeliveryNetwork> DeliveryNetwork::build(const NetworkData &data,
                                                              NetworkParameters params)
{
    QElapsedTimer timer;
    timer.start();
    auto net = std::shared_ptr<DeliveryNetwork>(new DeliveryNetwork);
    net->m_hubs = data.hubs;
    for (const Courier &c : data.couriers) {
        if (c.active)
            net->m_couriers << c;
    }
    // Couriers are indexed by a byte in the best-courier tables.
    if (net->m_couriers.size() > 255)
        net->m_couriers.resize(255);

    // Hubs: by id, and the one serving each district.
    QHash<qint64, int> hubIndexById;
    QHash<QString, int> hubByDistrict;
    for (int h = 0; h < net->m_hubs.size(); ++h) {
        const Hub &hub = net->m_hubs.at(h);
        hubIndexById.insert(hub.id, h);
        hubByDistrict.insert(districtKey(hub.state, hub.district), h);
    }
    const auto nearestHub = [&](double lat, double lon) {
        int best = NoHub;
        double bestKm = std::numeric_limits<double>::max();
        for (int h = 0; h < net->m_hubs.size(); ++h) {
            const double km
                = greatCircleKm(lat, lon, net->m_hubs.at(h).latitude, net->m_hubs.at(h).longitude);
            if (km < bestKm) {
                bestKm = km;
                best = h;
            }
        }
        return best;
    };

    // Pincodes: the O(1) index, the hub each reaches the network at, and each courier's last mile.
    const int pincodeCount = int(data.pincodes.size());
    net->m_indexByPincode.assign(1'000'000, -1);
    net->m_pincodeHub.assign(size_t(pincodeCount), NoHub);
    const int courierCount = int(net->m_couriers.size());
    net->m_lastMile.assign(size_t(courierCount), std::vector<int>(size_t(pincodeCount), -1));
    std::vector<CoverageIndex> coverage;
    coverage.reserve(size_t(courierCount));
    for (const Courier &c : std::as_const(net->m_couriers))
        coverage.emplace_back(c.coverage);
    for (int p = 0; p < pincodeCount; ++p) {
        const PincodeEntry &entry = data.pincodes.at(p);
        bool ok = false;
        const int number = entry.pincode.toInt(&ok);
        if (!ok || number < 0 || number >= 1'000'000)
            continue;
        net->m_indexByPincode[size_t(number)] = p;
        const QString stateKey = entry.state.toCaseFolded();
        const QString dKey = districtKey(entry.state, entry.district);
        const bool located = entry.latitude && entry.longitude;
        int hub = hubByDistrict.value(dKey, NoHub);
        if (hub == NoHub && located)
            hub = nearestHub(*entry.latitude, *entry.longitude);
        net->m_pincodeHub[size_t(p)] = hub;
        if (hub == NoHub)
            continue;
        const Hub &h = net->m_hubs.at(hub);
        const int distanceHours = located
                                      ? hoursFor(greatCircleKm(h.latitude, h.longitude,
                                                               *entry.latitude, *entry.longitude),
                                                 params.lastMileKmph)
                                      : params.unknownLocationHours;
        for (int c = 0; c < courierCount; ++c) {
            const auto level = coverage[size_t(c)].levelFor(entry, stateKey, dKey);
            if (!level)
                continue;
            const int base = *level == ServiceLevel::Express ? params.expressLastMileHours
                                                             : params.standardLastMileHours;
            net->m_lastMile[size_t(c)][size_t(p)] = base + distanceHours;
        }
    }

    // Each courier's lanes as adjacency lists over hub indices.
    QHash<qint64, int> courierIndexById;
    for (int c = 0; c < courierCount; ++c)
        courierIndexById.insert(net->m_couriers.at(c).id, c);
    struct Edge
    {
        int to;
        int hours;
    };
    std::vector<std::vector<std::vector<Edge>>> adjacency(
        size_t(courierCount), std::vector<std::vector<Edge>>(size_t(net->m_hubs.size())));
    for (const Lane &lane : data.lanes) {
        const int c = courierIndexById.value(lane.courierId, -1);
        const int from = hubIndexById.value(lane.fromHubId, NoHub);
        const int to = hubIndexById.value(lane.toHubId, NoHub);
        if (!lane.active || c < 0 || from == NoHub || to == NoHub || lane.transitHours <= 0)
            continue;
        adjacency[size_t(c)][size_t(from)].push_back({to, lane.transitHours});
    }

    // Warehouses: a shortest-path run per courier from the warehouse's hub, then the best TAT to
    // every pincode.
    for (const Warehouse &w : data.warehouses) {
        net->m_warehouses << w;
        if (!w.active)
            continue;
        PerWarehouse pw;
        pw.warehouseIndex = int(net->m_warehouses.size()) - 1;
        const int home = net->pincodeIndex(w.pincode);
        if (home >= 0) {
            pw.hub = net->m_pincodeHub[size_t(home)];
            const PincodeEntry &entry = data.pincodes.at(home);
            if (pw.hub != NoHub && entry.latitude && entry.longitude) {
                const Hub &h = net->m_hubs.at(pw.hub);
                pw.firstMileHours = hoursFor(
                    greatCircleKm(h.latitude, h.longitude, *entry.latitude, *entry.longitude),
                    params.firstMileKmph);
            }
        }
        pw.hubHours.assign(size_t(courierCount),
                           std::vector<int>(size_t(net->m_hubs.size()), Infinite));
        pw.previousHub.assign(size_t(courierCount),
                              std::vector<int>(size_t(net->m_hubs.size()), NoHub));
        if (pw.hub != NoHub) {
            for (int c = 0; c < courierCount; ++c) {
                auto &dist = pw.hubHours[size_t(c)];
                auto &prev = pw.previousHub[size_t(c)];
                using Entry = std::pair<int, int>; // hours, hub
                std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
                dist[size_t(pw.hub)] = 0;
                queue.push({0, pw.hub});
                while (!queue.empty()) {
                    const auto [hours, hub] = queue.top();
                    queue.pop();
                    if (hours > dist[size_t(hub)])
                        continue;
                    for (const Edge &e : adjacency[size_t(c)][size_t(hub)]) {
                        const int through = hours + e.hours;
                        if (through < dist[size_t(e.to)]) {
                            dist[size_t(e.to)] = through;
                            prev[size_t(e.to)] = hub;
                            queue.push({through, e.to});
                        }
                    }
                }
            }
        }
        pw.bestHours.assign(size_t(pincodeCount), NoPath);
        pw.bestCourier.assign(size_t(pincodeCount), 0);
        for (int p = 0; p < pincodeCount && pw.hub != NoHub; ++p) {
            int best = Infinite;
            for (int c = 0; c < courierCount; ++c) {
                const auto hours = net->tatByIndex(pw, c, p);
                if (hours && *hours < best) {
                    best = *hours;
                    pw.bestCourier[size_t(p)] = quint8(c);
                }
            }
            if (best < NoPath)
                pw.bestHours[size_t(p)] = quint16(best);
        }
        net->m_perWarehouseById.insert(w.id, int(net->m_perWarehouse.size()));
        net->m_perWarehouse.push_back(std::move(pw));
    }
    for (int p = 0; p < pincodeCount; ++p) {
        for (const PerWarehouse &pw : net->m_perWarehouse) {
            if (pw.bestHours[size_t(p)] != NoPath) {
                ++net->m_reachable;
                break;
            }
        }
    }
    net->m_buildMs = timer.elapsed();
    return net;
}

int DeliveryNetwork::pincodeIndex(QStringView pincode) const
{
    if (pincode.size() != 6)
        return -1;
    int number = 0;
    for (QChar ch : pincode) {
        if (ch < u'0' || ch > u'9')
            return -1;
        number = number * 10 + (ch.unicode() - '0');
    }
    return m_indexByPincode.empty() ? -1 : m_indexByPincode[size_t(number)];
}

const DeliveryNetwork::PerWarehouse *DeliveryNetwork::perWarehouse(qint64 warehouseId) const
{
    const auto it = m_perWarehouseById.constFind(warehouseId);
    return it == m_perWarehouseById.cend() ? nullptr : &m_perWarehouse[size_t(*it)];
}

int DeliveryNetwork::courierIndex(qint64 courierId) const
{
    for (int c = 0; c < m_couriers.size(); ++c) {
        if (m_couriers.at(c).id == courierId)
            return c;
    }
    return -1;
}

std::optional<int> DeliveryNetwork::tatByIndex(const PerWarehouse &w, int courier,
                                               int pincode) const
{
    const int hub = m_pincodeHub[size_t(pincode)];
    if (hub == NoHub || w.hub == NoHub)
        return std::nullopt;
    const int lastMile = m_lastMile[size_t(courier)][size_t(pincode)];
    const int trunk = w.hubHours[size_t(courier)][size_t(hub)];
    if (lastMile < 0 || trunk == Infinite)
        return std::nullopt;
    return w.firstMileHours + trunk + lastMile;
}

std::optional<DeliveryNetwork::Leg> DeliveryNetwork::best(qint64 warehouseId,
                                                          QStringView pincode) const
{
    const PerWarehouse *w = perWarehouse(warehouseId);
    const int p = pincodeIndex(pincode);
    if (!w || p < 0 || w->bestHours[size_t(p)] == NoPath)
        return std::nullopt;
    return Leg{w->bestHours[size_t(p)], m_couriers.at(w->bestCourier[size_t(p)]).id};
}

std::optional<int> DeliveryNetwork::tat(qint64 warehouseId, qint64 courierId,
                                        QStringView pincode) const
{
    const PerWarehouse *w = perWarehouse(warehouseId);
    const int p = pincodeIndex(pincode);
    const int c = courierIndex(courierId);
    if (!w || p < 0 || c < 0)
        return std::nullopt;
    return tatByIndex(*w, c, p);
}

QList<RouteStop> DeliveryNetwork::route(qint64 warehouseId, qint64 courierId,
                                        QStringView pincode) const
{
    const PerWarehouse *w = perWarehouse(warehouseId);
    const int p = pincodeIndex(pincode);
    const int c = courierIndex(courierId);
    if (!w || p < 0 || c < 0 || !tatByIndex(*w, c, p))
        return {};
    QList<RouteStop> stops;
    for (int hub = m_pincodeHub[size_t(p)]; hub != NoHub;
         hub = w->previousHub[size_t(c)][size_t(hub)])
        stops.prepend(RouteStop{m_hubs.at(hub).id, m_hubs.at(hub).name});
    return stops;
}

const Warehouse *DeliveryNetwork::warehouse(qint64 id) const
{
    for (const Warehouse &w : m_warehouses) {
        if (w.id == id)
            return &w;
    }
    return nullptr;
}

const Courier *DeliveryNetwork::courier(qint64 id) const
{
    const int c = courierIndex(id);
    return c < 0 ? nullptr : &m_couriers.at(c);
}

} // namespace pincart::server

#include "demonetwork.h"

#include "deliverynetwork.h"

#include <algorithm>
#include <cmath>
#include <QHash>
#include <QSet>

namespace pincart::server {

namespace {

struct DemoWarehouse
{
    const char *code;
    const char *name;
    const char *pincode;
    int cutoffMinutes;
    int handlingHours;
};

// Pincodes of the cities' head post offices (all in the directory, with coordinates).
constexpr DemoWarehouse Warehouses[] = {
    {"DEL-1", "Delhi Fulfilment Centre", "110037", 15 * 60, 6},
    {"BOM-1", "Mumbai Fulfilment Centre", "400072", 15 * 60, 6},
    {"BLR-1", "Bengaluru Fulfilment Centre", "560001", 14 * 60, 5},
    {"MAA-1", "Chennai Fulfilment Centre", "600001", 14 * 60, 5},
    {"CCU-1", "Kolkata Fulfilment Centre", "700001", 13 * 60, 6},
    {"HYD-1", "Hyderabad Fulfilment Centre", "500001", 14 * 60, 5},
    {"PNQ-1", "Pune Fulfilment Centre", "411001", 14 * 60 + 30, 5},
    {"AMD-1", "Ahmedabad Fulfilment Centre", "380001", 14 * 60, 6},
    {"JAI-1", "Jaipur Fulfilment Centre", "302001", 13 * 60, 6},
    {"LKO-1", "Lucknow Fulfilment Centre", "226001", 13 * 60, 7},
    {"GAU-1", "Guwahati Fulfilment Centre", "781001", 12 * 60, 8},
    {"COK-1", "Kochi Fulfilment Centre", "682011", 13 * 60, 6},
};

const QStringList NorthEast{QStringLiteral("Arunachal Pradesh"),
                            QStringLiteral("Assam"),
                            QStringLiteral("Manipur"),
                            QStringLiteral("Meghalaya"),
                            QStringLiteral("Mizoram"),
                            QStringLiteral("Nagaland"),
                            QStringLiteral("Sikkim"),
                            QStringLiteral("Tripura")};
const QStringList Islands{QStringLiteral("Andaman & Nicobar Islands"),
                          QStringLiteral("Lakshadweep")};
const QStringList Coastal{
    QStringLiteral("Gujarat"),    QStringLiteral("Daman & Diu"), QStringLiteral("Maharashtra"),
    QStringLiteral("Goa"),        QStringLiteral("Karnataka"),   QStringLiteral("Kerala"),
    QStringLiteral("Tamil Nadu"), QStringLiteral("Pondicherry"), QStringLiteral("Andhra Pradesh"),
    QStringLiteral("Odisha"),     QStringLiteral("West Bengal")};

constexpr int Neighbours = 5;
constexpr double RoadFactor = 1.3; // roads are longer than great circles
constexpr int SortHours = 2;       // each hub a parcel passes through

struct CourierPlan
{
    Courier courier;
    QSet<int> hubs; // hubs its lanes join
    bool trunkOnly = false;
};

QString key(const QString &state, const QString &district)
{
    return state + QChar(0x1f) + district;
}

} // namespace

DemoNetwork generateDemoNetwork(const QList<PincodeEntry> &directory)
{
    DemoNetwork net;

    // Hubs: the centroid of each district's located pincodes, in directory order of first sight.
    struct Sum
    {
        QString state, district;
        double lat = 0, lon = 0;
        int n = 0;
    };
    QList<Sum> sums;
    QHash<QString, int> sumIndex;
    QHash<QString, const PincodeEntry *> byPincode;
    QSet<QString> states;
    for (const PincodeEntry &p : directory) {
        byPincode.insert(p.pincode, &p);
        states.insert(p.state);
        if (!p.latitude || !p.longitude)
            continue;
        const QString k = key(p.state, p.district);
        auto it = sumIndex.find(k);
        if (it == sumIndex.end()) {
            it = sumIndex.insert(k, int(sums.size()));
            sums.append({p.state, p.district});
        }
        Sum &s = sums[*it];
        s.lat += *p.latitude;
        s.lon += *p.longitude;
        ++s.n;
    }
    for (int i = 0; i < sums.size(); ++i) {
        const Sum &s = sums.at(i);
        net.hubs << Hub{0,
                        QStringLiteral("HUB-%1").arg(i + 1, 4, 10, QLatin1Char('0')),
                        s.district + QStringLiteral(" hub"),
                        s.district,
                        s.state,
                        s.lat / s.n,
                        s.lon / s.n};
    }

    // Warehouses, and the metro districts they stand in.
    QSet<int> metroHubs;
    QList<CoverageRule> metroDistricts;
    for (const DemoWarehouse &w : Warehouses) {
        const PincodeEntry *p = byPincode.value(QLatin1String(w.pincode));
        if (!p)
            continue; // a directory without this city: the demo simply has one warehouse fewer
        Warehouse warehouse;
        warehouse.code = QLatin1String(w.code);
        warehouse.name = QLatin1String(w.name);
        warehouse.pincode = p->pincode;
        warehouse.district = p->district;
        warehouse.state = p->state;
        warehouse.cutoffMinutes = w.cutoffMinutes;
        warehouse.handlingHours = w.handlingHours;
        net.warehouses << warehouse;
        const int hub = sumIndex.value(key(p->state, p->district), -1);
        if (hub >= 0)
            metroHubs.insert(hub);
        metroDistricts << CoverageRule{p->state, p->district, {}, ServiceLevel::Express};
    }

    // Couriers: who they serve, and which hubs their lanes join.
    QSet<int> allHubs;
    for (int h = 0; h < net.hubs.size(); ++h)
        allHubs.insert(h);
    const auto hubsIn = [&](const std::function<bool(const QString &)> &stateServed) {
        QSet<int> set;
        for (int h = 0; h < net.hubs.size(); ++h) {
            if (stateServed(net.hubs.at(h).state))
                set.insert(h);
        }
        return set;
    };
    QStringList sortedStates(states.begin(), states.end());
    std::sort(sortedStates.begin(), sortedStates.end());
    const auto statesWhere
        = [&](const std::function<bool(const QString &)> &served, ServiceLevel level) {
              QList<CoverageRule> rules;
              for (const QString &state : std::as_const(sortedStates)) {
                  if (served(state))
                      rules << CoverageRule{state, {}, {}, level};
              }
              return rules;
          };
    const auto notLakshadweep = [](const QString &s) {
        return s != QLatin1String("Lakshadweep");
    };
    const auto mainlandOutsideNorthEast = [](const QString &s) {
        return !NorthEast.contains(s) && !Islands.contains(s);
    };
    const auto coastal = [](const QString &s) {
        return Coastal.contains(s);
    };

    QList<CourierPlan> plans;
    plans << CourierPlan{{0, QStringLiteral("BHARAT"), QStringLiteral("Bharat Parcel"), 35, true,
                          statesWhere(notLakshadweep, ServiceLevel::Standard)},
                         hubsIn(notLakshadweep)};
    QList<CoverageRule> northstar = statesWhere(mainlandOutsideNorthEast, ServiceLevel::Standard);
    for (const CoverageRule &metro : std::as_const(metroDistricts)) {
        if (mainlandOutsideNorthEast(metro.state))
            northstar << metro; // express in the metros it serves
    }
    plans << CourierPlan{{0, QStringLiteral("NORTHSTAR"), QStringLiteral("Northstar Logistics"), 50,
                          true, northstar},
                         hubsIn(mainlandOutsideNorthEast)};
    plans << CourierPlan{{0, QStringLiteral("SWIFT"), QStringLiteral("Swift Metro Express"), 75,
                          true, metroDistricts},
                         metroHubs,
                         true};
    plans << CourierPlan{{0, QStringLiteral("COASTAL"), QStringLiteral("Coastal Cargo"), 45, true,
                          statesWhere(coastal, ServiceLevel::Standard)},
                         hubsIn(coastal)};
    for (const CourierPlan &plan : std::as_const(plans))
        net.couriers << plan.courier;

    // Lanes: nearest neighbours within each courier's hubs, both ways, and the metro trunk.
    const auto hours = [&](int from, int to, int speedKmph) {
        const Hub &a = net.hubs.at(from);
        const Hub &b = net.hubs.at(to);
        const double km
            = greatCircleKm(a.latitude, a.longitude, b.latitude, b.longitude) * RoadFactor;
        return SortHours + qMax(1, int(std::ceil(km / speedKmph)));
    };
    for (int c = 0; c < plans.size(); ++c) {
        const CourierPlan &plan = plans.at(c);
        QList<int> members(plan.hubs.begin(), plan.hubs.end());
        std::sort(members.begin(), members.end());
        QSet<QPair<int, int>> joined;
        const auto join = [&](int a, int b) {
            if (a == b || joined.contains({a, b}))
                return;
            joined.insert({a, b});
            joined.insert({b, a});
            const int h = hours(a, b, plan.courier.speedKmph);
            net.lanes << DemoLane{c, a, b, h} << DemoLane{c, b, a, h};
        };
        if (!plan.trunkOnly) {
            for (int a : std::as_const(members)) {
                QList<QPair<double, int>> nearest;
                for (int b : std::as_const(members)) {
                    if (b != a) {
                        const Hub &x = net.hubs.at(a);
                        const Hub &y = net.hubs.at(b);
                        nearest.append(
                            {greatCircleKm(x.latitude, x.longitude, y.latitude, y.longitude), b});
                    }
                }
                const int n = qMin(Neighbours, int(nearest.size()));
                std::partial_sort(nearest.begin(), nearest.begin() + n, nearest.end());
                for (int i = 0; i < n; ++i)
                    join(a, nearest.at(i).second);
            }
        }
        QList<int> trunk;
        for (int h : std::as_const(members)) {
            if (metroHubs.contains(h))
                trunk << h;
        }
        for (int a : std::as_const(trunk)) {
            for (int b : std::as_const(trunk))
                join(a, b);
        }
    }
    return net;
}

} // namespace pincart::server

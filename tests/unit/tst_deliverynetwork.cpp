// The TAT tables: shortest paths on small hand-made graphs with known answers, coverage and
// unreachable pincodes, lane changes that change the tables, delivery promises around the cut-off,
// and the demo network over the real India Post directory (every pincode classified).

#include "deliverynetwork.h"
#include "deliverypromise.h"
#include "demonetwork.h"
#include "pincoderepository.h"

#include <QTest>
#include <QTimeZone>

using namespace pincart;
using namespace pincart::server;

namespace {

// Hubs A..D of state "S" sit at whole-degree points; a pincode at its hub's point has no last-mile
// distance, so with zero base hours a TAT is exactly the lane path.
PincodeEntry at(const char *pincode, const char *district, const char *state,
                std::optional<double> lat, std::optional<double> lon)
{
    return {QLatin1String(pincode),
            QStringLiteral("PO"),
            QLatin1String(district),
            QLatin1String(state),
            lat,
            lon};
}

NetworkData smallNetwork()
{
    NetworkData d;
    d.pincodes = {at("100001", "dA", "S", 10, 70), at("200001", "dB", "S", 11, 70),
                  at("300001", "dC", "S", 12, 70), at("400001", "dD", "S", 13, 70),
                  // No hub in its district and no coordinates: nowhere to enter the network.
                  at("500001", "dE", "S", std::nullopt, std::nullopt),
                  // Located (nearest hub D) but in a state no courier covers.
                  at("600001", "dF", "T", 13, 70.01),
                  // Located, in no hub's district, covered: enters at the nearest hub (C).
                  at("700001", "dG", "S", 12.01, 70)};
    d.hubs = {{1, QStringLiteral("A"), QStringLiteral("A hub"), QStringLiteral("dA"),
               QStringLiteral("S"), 10, 70},
              {2, QStringLiteral("B"), QStringLiteral("B hub"), QStringLiteral("dB"),
               QStringLiteral("S"), 11, 70},
              {3, QStringLiteral("C"), QStringLiteral("C hub"), QStringLiteral("dC"),
               QStringLiteral("S"), 12, 70},
              {4, QStringLiteral("D"), QStringLiteral("D hub"), QStringLiteral("dD"),
               QStringLiteral("S"), 13, 70}};
    Courier road{1,
                 QStringLiteral("ROAD"),
                 QStringLiteral("Road"),
                 40,
                 true,
                 {{QStringLiteral("S"), {}, {}, ServiceLevel::Standard}}};
    Courier air{2,
                QStringLiteral("AIR"),
                QStringLiteral("Air"),
                400,
                true,
                {{QStringLiteral("S"), QStringLiteral("dD"), {}, ServiceLevel::Express}}};
    d.couriers = {road, air};
    d.lanes = {{1, 1, 1, 2, 10, true},
               {2, 1, 2, 3, 10, true},
               {3, 1, 1, 3, 25, true},
               {4, 1, 3, 4, 5, true},
               {5, 2, 1, 4, 12, true}};
    Warehouse w;
    w.id = 7;
    w.code = QStringLiteral("W");
    w.name = QStringLiteral("Warehouse");
    w.pincode = QStringLiteral("100001");
    w.cutoffMinutes = 14 * 60;
    d.warehouses = {w};
    return d;
}

NetworkParameters pathsOnly()
{
    NetworkParameters p;
    p.expressLastMileHours = 0;
    p.standardLastMileHours = 0;
    return p;
}

Lane *laneById(NetworkData &d, qint64 id)
{
    for (Lane &l : d.lanes) {
        if (l.id == id)
            return &l;
    }
    return nullptr;
}

QStringList hubNames(const QList<RouteStop> &route)
{
    QStringList names;
    for (const RouteStop &s : route)
        names << s.name.left(1);
    return names;
}

} // namespace

class TestDeliveryNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bestTat_data()
    {
        QTest::addColumn<QString>("pincode");
        QTest::addColumn<int>("hours"); // -1: unreachable
        QTest::addColumn<qint64>("courier");
        QTest::addColumn<QStringList>("route");

        QTest::addRow("own hub") << "100001" << 0 << qint64(1) << QStringList{"A"};
        QTest::addRow("one lane") << "200001" << 10 << qint64(1) << QStringList{"A", "B"};
        QTest::addRow("two lanes beat the direct one")
            << "300001" << 20 << qint64(1) << QStringList{"A", "B", "C"};
        QTest::addRow("the faster courier wins")
            << "400001" << 12 << qint64(2) << QStringList{"A", "D"};
        QTest::addRow("no hub, no coordinates") << "500001" << -1 << qint64(0) << QStringList{};
        QTest::addRow("state not covered") << "600001" << -1 << qint64(0) << QStringList{};
        // About a kilometre from C: the last mile still rounds up to an hour.
        QTest::addRow("nearest hub stands in")
            << "700001" << 21 << qint64(1) << QStringList{"A", "B", "C"};
        QTest::addRow("not in the directory") << "800001" << -1 << qint64(0) << QStringList{};
    }
    void bestTat()
    {
        QFETCH(QString, pincode);
        QFETCH(int, hours);
        QFETCH(qint64, courier);
        QFETCH(QStringList, route);
        const auto net = DeliveryNetwork::build(smallNetwork(), pathsOnly());
        const auto best = net->best(7, pincode);
        if (hours < 0) {
            QVERIFY(!best);
            return;
        }
        QVERIFY(best);
        QCOMPARE(best->tatHours, hours);
        QCOMPARE(best->courierId, courier);
        QCOMPARE(hubNames(net->route(7, courier, pincode)), route);
    }

    void perCourierTat()
    {
        const auto net = DeliveryNetwork::build(smallNetwork(), pathsOnly());
        QCOMPARE(net->tat(7, 1, QStringLiteral("400001")), std::optional<int>(25));
        QCOMPARE(net->tat(7, 2, QStringLiteral("400001")), std::optional<int>(12));
        // The air courier covers district dD only.
        QCOMPARE(net->tat(7, 2, QStringLiteral("300001")), std::nullopt);
        QCOMPARE(net->tat(7, 99, QStringLiteral("300001")), std::nullopt);
        QCOMPARE(net->tat(99, 1, QStringLiteral("300001")), std::nullopt);
        QCOMPARE(net->pincodeCount(), 7);
        QCOMPARE(net->reachablePincodeCount(), 5);
    }

    void lastMileAndFirstMile()
    {
        NetworkData d = smallNetwork();
        NetworkParameters p; // standard 12 h, express 4 h, 25 km/h to the door, 30 km/h to the hub
        // 0.44 degrees of latitude is about 49 km: two hours to the door at 25 km/h.
        d.pincodes[1].latitude = 11.44;
        // The warehouse 0.26 degrees (about 29 km) from its hub: one hour's first mile.
        d.pincodes[0].latitude = 10.26;
        const auto net = DeliveryNetwork::build(d, p);
        QCOMPARE(net->tat(7, 1, QStringLiteral("200001")), std::optional<int>(1 + 10 + 12 + 2));
        QCOMPARE(net->tat(7, 2, QStringLiteral("400001")), std::optional<int>(1 + 12 + 4));
        // Coordinates unknown: the fixed allowance instead of a distance.
        d.pincodes[2].latitude.reset();
        d.pincodes[2].longitude.reset();
        const auto withoutCoordinates = DeliveryNetwork::build(d, p);
        QCOMPARE(withoutCoordinates->tat(7, 1, QStringLiteral("300001")),
                 std::optional<int>(1 + 20 + 12 + p.unknownLocationHours));
    }

    void coverageMostSpecificRuleWins()
    {
        NetworkData d = smallNetwork();
        NetworkParameters p;
        // The road courier: standard for the state, express for dB, and one pincode of dC express.
        d.couriers[0].coverage
            << CoverageRule{QStringLiteral("S"), QStringLiteral("dB"), {}, ServiceLevel::Express}
            << CoverageRule{{}, {}, QStringLiteral("300001"), ServiceLevel::Express};
        const auto net = DeliveryNetwork::build(d, p);
        QCOMPARE(net->tat(7, 1, QStringLiteral("200001")), std::optional<int>(10 + 4));
        QCOMPARE(net->tat(7, 1, QStringLiteral("300001")), std::optional<int>(20 + 4));
        QCOMPARE(net->tat(7, 1, QStringLiteral("400001")), std::optional<int>(25 + 12));
    }

    void laneChangesChangeTheTables()
    {
        NetworkData d = smallNetwork();
        const auto before = DeliveryNetwork::build(d, pathsOnly());
        QCOMPARE(before->best(7, QStringLiteral("300001"))->tatHours, 20);

        laneById(d, 3)->transitHours = 15; // the direct lane A->C gets faster
        const auto faster = DeliveryNetwork::build(d, pathsOnly());
        QCOMPARE(faster->best(7, QStringLiteral("300001"))->tatHours, 15);
        QCOMPARE(hubNames(faster->route(7, 1, QStringLiteral("300001"))), (QStringList{"A", "C"}));
        QCOMPARE(faster->best(7, QStringLiteral("400001"))->tatHours, 12); // air still wins to D

        laneById(d, 5)->active = false; // the air lane closes: road takes D over, via the new A->C
        const auto noAir = DeliveryNetwork::build(d, pathsOnly());
        QCOMPARE(noAir->best(7, QStringLiteral("400001"))->tatHours, 20);
        QCOMPARE(noAir->best(7, QStringLiteral("400001"))->courierId, qint64(1));

        laneById(d, 1)->active = false;
        laneById(d, 3)->active = false; // nothing leaves A any more
        const auto cut = DeliveryNetwork::build(d, pathsOnly());
        QVERIFY(!cut->best(7, QStringLiteral("300001")));
        QVERIFY(cut->best(7, QStringLiteral("100001"))); // its own hub still
    }

    void inactiveWarehousesAndCouriers()
    {
        NetworkData d = smallNetwork();
        d.couriers[1].active = false;
        auto net = DeliveryNetwork::build(d, pathsOnly());
        QCOMPARE(net->best(7, QStringLiteral("400001"))->tatHours, 25);
        QCOMPARE(net->courier(2), nullptr);
        d.warehouses[0].active = false;
        net = DeliveryNetwork::build(d, pathsOnly());
        QVERIFY(!net->best(7, QStringLiteral("200001")));
        QVERIFY(net->warehouse(7)); // still known (its name), just not shipping
        QCOMPARE(net->reachablePincodeCount(), 0);
    }

    void malformedPincodes_data()
    {
        QTest::addColumn<QString>("pincode");
        QTest::addRow("empty") << "";
        QTest::addRow("short") << "10000";
        QTest::addRow("long") << "1000011";
        QTest::addRow("letters") << "10000a";
        QTest::addRow("arabic-indic digits") << QString::fromUtf8("١٠٠٠٠١");
    }
    void malformedPincodes()
    {
        QFETCH(QString, pincode);
        const auto net = DeliveryNetwork::build(smallNetwork(), pathsOnly());
        QVERIFY(!net->knowsPincode(pincode));
        QVERIFY(!net->best(7, pincode));
        QVERIFY(net->route(7, 1, pincode).isEmpty());
    }

    void emptyNetwork()
    {
        const auto net = DeliveryNetwork::build({});
        QVERIFY(!net->knowsPincode(QStringLiteral("110001")));
        QVERIFY(!net->best(1, QStringLiteral("110001")));
        QCOMPARE(net->pincodeCount(), 0);
    }

    // Orders before the cut-off (India time) leave that day; at or after it, the next day.
    void promiseAroundTheCutOff_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("cutoff");
        QTest::addColumn<int>("handling");
        QTest::addColumn<int>("tat");
        QTest::addColumn<QDate>("promise");
        QTest::addColumn<int>("etaDays");

        const QTimeZone india(IndiaUtcOffsetSeconds);
        const QDate day(2026, 11, 25);
        const auto ist = [&](int h, int m) {
            return QDateTime(day, QTime(h, m), india);
        };
        QTest::addRow("a minute before")
            << ist(13, 59) << 14 * 60 << 4 << 20 << day.addDays(1) << 1;
        QTest::addRow("at the cut-off") << ist(14, 0) << 14 * 60 << 4 << 20 << day.addDays(2) << 2;
        QTest::addRow("a minute after") << ist(14, 1) << 14 * 60 << 4 << 20 << day.addDays(2) << 2;
        QTest::addRow("same day delivery") << ist(9, 0) << 12 * 60 << 2 << 4 << day << 0;
        QTest::addRow("arrives after midnight")
            << ist(9, 0) << 14 * 60 << 4 << 10 << day.addDays(1) << 1;
        QTest::addRow("long haul") << ist(10, 0) << 15 * 60 << 6 << 75 << day.addDays(4) << 4;
        // 23:30 UTC is already the next morning in India: the India date counts.
        QTest::addRow("utc evening is india morning")
            << QDateTime(day.addDays(-1), QTime(23, 30), Qt::UTC) << 14 * 60 << 4 << 20
            << day.addDays(1) << 1;
        QTest::addRow("just before india midnight")
            << QDateTime(day, QTime(18, 29), Qt::UTC) << 14 * 60 << 4 << 20 << day.addDays(2) << 2;
    }
    void promiseAroundTheCutOff()
    {
        QFETCH(QDateTime, now);
        QFETCH(int, cutoff);
        QFETCH(int, handling);
        QFETCH(int, tat);
        QFETCH(QDate, promise);
        QFETCH(int, etaDays);
        Warehouse w;
        w.cutoffMinutes = cutoff;
        w.handlingHours = handling;
        const DeliveryPromise p = promiseFor(w, tat, now);
        QCOMPARE(p.promiseDate, promise);
        QCOMPARE(p.etaDays, etaDays);
        QCOMPARE(p.tatHours, tat);
    }

    // The demo network over the whole India Post directory, as the seed stores it.
    void realDirectory()
    {
        const auto directory = readPincodeDirectory();
        QVERIFY(directory);
        const DemoNetwork demo = generateDemoNetwork(*directory);
        QCOMPARE(demo.warehouses.size(), 12);
        QCOMPARE(demo.couriers.size(), 4);
        QVERIFY(demo.hubs.size() > 500);

        // Ids as storage would give them.
        NetworkData d;
        d.pincodes = *directory;
        for (int i = 0; i < demo.hubs.size(); ++i) {
            d.hubs << demo.hubs.at(i);
            d.hubs.last().id = i + 1;
        }
        for (int i = 0; i < demo.couriers.size(); ++i) {
            d.couriers << demo.couriers.at(i);
            d.couriers.last().id = i + 1;
        }
        for (int i = 0; i < demo.warehouses.size(); ++i) {
            d.warehouses << demo.warehouses.at(i);
            d.warehouses.last().id = i + 1;
        }
        for (int i = 0; i < demo.lanes.size(); ++i) {
            const DemoLane &l = demo.lanes.at(i);
            d.lanes << Lane{i + 1, l.courier + 1, l.fromHub + 1, l.toHub + 1, l.transitHours, true};
        }
        const auto net = DeliveryNetwork::build(d);

        // Every pincode classified: reachable from some warehouse, or not at all.
        int reachable = 0;
        int unreachable = 0;
        QMap<QString, int> unreachableByState;
        for (const PincodeEntry &p : *directory) {
            bool any = false;
            for (const Warehouse &w : std::as_const(d.warehouses))
                any = any || net->best(w.id, p.pincode).has_value();
            if (any) {
                ++reachable;
            } else {
                ++unreachable;
                ++unreachableByState[p.state];
            }
        }
        QCOMPARE(reachable + unreachable, int(directory->size()));
        QCOMPARE(reachable, net->reachablePincodeCount());
        qInfo().nospace() << directory->size() << " pincodes: " << reachable << " reachable, "
                          << unreachable << " unreachable " << unreachableByState << "; "
                          << d.hubs.size() << " hubs, " << d.lanes.size()
                          << " lanes; tables built in " << net->buildMs() << " ms";
        // Lakshadweep is served by no courier; most of the country is reachable.
        QVERIFY(unreachableByState.value(QStringLiteral("Lakshadweep")) > 0);
        QVERIFY(reachable > directory->size() * 95 / 100);

        // The couriers differ: Northstar does not serve the North-East, Bharat Parcel does.
        const qint64 delhi = 1;     // DEL-1, first in the demo list
        const qint64 bharat = 1;    // BHARAT
        const qint64 northstar = 2; // NORTHSTAR
        const qint64 swift = 3;     // SWIFT: metro districts only
        const QString guwahati = QStringLiteral("781001");
        QVERIFY(!net->tat(delhi, northstar, guwahati));
        QVERIFY(net->tat(delhi, bharat, guwahati));
        QVERIFY(
            net->tat(delhi, swift, QStringLiteral("400001"))); // Delhi to Mumbai, metro to metro
        QVERIFY(!net->tat(delhi, swift, QStringLiteral("176215"))); // a Himachal village: no metro
        // Within a city the promise is fast; across the country it takes days.
        const auto local = net->best(delhi, QStringLiteral("110001"));
        const auto far = net->best(delhi, QStringLiteral("695001")); // Thiruvananthapuram
        QVERIFY(local && far);
        QVERIFY2(local->tatHours < 24, qPrintable(QString::number(local->tatHours)));
        QVERIFY(far->tatHours > local->tatHours + 12);
        QVERIFY(net->route(delhi, far->courierId, QStringLiteral("695001")).size() >= 2);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryNetwork)
#include "tst_deliverynetwork.moc"

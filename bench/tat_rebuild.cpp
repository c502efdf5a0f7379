// tat_rebuild: how long a node takes to rebuild its TAT tables for the whole India Post directory
// and every warehouse, from a seeded database (the demo network: 12 warehouses, 4 couriers, ~600
// hubs, ~8k lanes). Run by bench/tat_rebuild.sh; see bench/README.md.
//
//   pincart-bench-tat --database sqlite:///path/pincart.db [--runs 7]
//
// Prints the median of each measure and its ratio to the baseline measured in the same run: reading
// the same rows from the database without building anything (the floor a rebuild cannot go under).

#include "connection.h"
#include "databaseurl.h"
#include "deliverynetwork.h"
#include "networkloader.h"
#include "networkrepository.h"
#include "pincoderepository.h"
#include "warehouserepository.h"

#include <algorithm>
#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>

using namespace pincart;
using namespace pincart::server;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

Result<NetworkData> readNetwork(Connection &db)
{
    NetworkData d;
    auto pincodes = PincodeRepository(db).all();
    auto warehouses = WarehouseRepository(db).list();
    NetworkRepository network(db);
    auto couriers = network.couriers();
    auto hubs = network.hubs();
    auto lanes = network.lanes();
    if (!pincodes || !warehouses || !couriers || !hubs || !lanes)
        return DomainError::unavailable(QStringLiteral("cannot read the network"));
    d.pincodes = *pincodes;
    d.warehouses = *warehouses;
    d.couriers = *couriers;
    d.hubs = *hubs;
    d.lanes = *lanes;
    return d;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"),
                      QStringLiteral("Database URL of a seeded database."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("runs"),
                      QStringLiteral("Repetitions of each measure (median)."), QStringLiteral("n"),
                      QStringLiteral("7")});
    parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("pincart.*.info=false"));
    const auto url = DatabaseUrl::parse(parser.value(QStringLiteral("database")));
    if (!url) {
        std::fprintf(stderr, "tat_rebuild: %s\n", qPrintable(url.error().toString()));
        return 2;
    }
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());
    Connection db(*url);
    if (Status s = db.open(); !s) {
        std::fprintf(stderr, "tat_rebuild: %s\n", qPrintable(s.error().toString()));
        return 1;
    }

    QList<double> readMs, buildMs, rebuildMs;
    NetworkData data;
    int reachable = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        auto d = readNetwork(db);
        readMs << t.nsecsElapsed() / 1e6;
        if (!d) {
            std::fprintf(stderr, "tat_rebuild: %s\n", qPrintable(d.error().toString()));
            return 1;
        }
        data = std::move(*d);

        t.restart();
        const auto built = DeliveryNetwork::build(data);
        buildMs << t.nsecsElapsed() / 1e6;
        reachable = built->reachablePincodeCount();

        t.restart();
        const auto rebuilt = loadDeliveryNetwork(db); // what a node does on network.changed
        rebuildMs << t.nsecsElapsed() / 1e6;
        if (!rebuilt)
            return 1;
    }
    const double baseline = median(readMs);
    std::printf("tat_rebuild: %lld pincodes (%d reachable), %lld warehouses, %lld couriers, %lld "
                "hubs, %lld lanes; "
                "median of %d runs\n",
                qint64(data.pincodes.size()), reachable, qint64(data.warehouses.size()),
                qint64(data.couriers.size()), qint64(data.hubs.size()), qint64(data.lanes.size()),
                runs);
    std::printf("%-34s %10s %10s  %s\n", "measure", "ms", "x read", "target");
    std::printf("%-34s %10.1f %10.2f  %s\n", "read the rows (baseline)", baseline, 1.0, "");
    std::printf("%-34s %10.1f %10.2f  %s\n", "build the tables (in memory)", median(buildMs),
                median(buildMs) / baseline, "");
    const double full = median(rebuildMs);
    std::printf("%-34s %10.1f %10.2f  %s\n", "full rebuild (read + build)", full, full / baseline,
                full < 2000 ? "< 2000 ms: met" : "< 2000 ms: MISSED");
    return 0;
}

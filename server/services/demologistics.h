#pragma once

#include "result.h"

#include <QHash>

namespace pincart::server {

class Connection;

struct LogisticsSeedReport
{
    int warehouses = 0;
    int hubs = 0;
    int couriers = 0;
    int lanes = 0;
    int stockRows = 0;
    int shipments = 0;
};

// Seeds the demo delivery network (see generateDemoNetwork) when there are no warehouses yet,
// assigns operators their warehouses (by warehouse code), stocks the catalogue (about nine items in
// ten held in one to three warehouses, some below their reorder level) and puts a few open
// shipments in every fulfilment queue. Needs the pincode directory; deterministic for a seed.
Result<LogisticsSeedReport> seedDemoLogistics(Connection &db,
                                              const QHash<qint64, QStringList> &operatorWarehouses,
                                              quint64 seed);

} // namespace pincart::server

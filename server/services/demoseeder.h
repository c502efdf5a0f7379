#pragma once

#include "demologistics.h"
#include "result.h"

namespace pincart::server {

class Connection;
class PasswordHasher;

struct SeedOptions
{
    int items = 2000;
    quint64 seed = 42;
    bool pincodes = true;
};

struct SeedReport
{
    int users = 0;
    int items = 0;
    int pincodes = 0;
    LogisticsSeedReport logistics;
};

// Fills a migrated database with demo data: the reference categories, demo accounts for every
// role (password "demo-password"), a deterministic catalogue of `items` items spread over the demo
// suppliers, the pincode directory, and the delivery network with stock (seedDemoLogistics).
// Idempotent: accounts that exist are kept, items are generated only into an empty catalogue and
// the network only where there are no warehouses. A bulk load for a database no server reads yet,
// so it writes no events (search, caches and TAT tables rebuild from the tables at start).
Result<SeedReport> seedDemoData(Connection &db, const PasswordHasher &hasher,
                                const SeedOptions &options);

} // namespace pincart::server

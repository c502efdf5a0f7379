#pragma once

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
};

// Fills a migrated database with demo data: the reference categories, demo accounts for every
// role (password "demo-password"), a deterministic catalogue of `items` items spread over the
// demo suppliers, and the pincode directory. Idempotent: accounts that exist are kept, and items
// are generated only into an empty catalogue. A bulk load for a database no server reads yet, so
// it writes no events (search and caches rebuild from the tables).
Result<SeedReport> seedDemoData(Connection &db, const PasswordHasher &hasher, const SeedOptions &options);

} // namespace pincart::server

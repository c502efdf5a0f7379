#pragma once

#include "connection.h"
#include "logistics.h"

#include <optional>

namespace pincart::server {

// The delivery network's tables: couriers and their coverage, hubs and lanes.
class NetworkRepository
{
public:
    explicit NetworkRepository(Connection &connection)
        : m_db(connection)
    {}

    Result<QList<Courier>> couriers(); // with coverage, by id
    Result<std::optional<Courier>> courier(qint64 id);
    Result<qint64> createCourier(const Courier &courier); // and its coverage
    Status updateCourier(const Courier &courier);         // and replaces its coverage

    Result<QList<Hub>> hubs(qint64 afterId = 0, int limit = -1);
    Result<qint64> createHub(const Hub &hub);
    Result<bool> hubExists(qint64 id);

    Result<QList<Lane>> lanes(qint64 courierId = 0, qint64 afterId = 0,
                              int limit = -1); // courier 0: all
    Result<std::optional<Lane>> lane(qint64 id);
    Result<qint64> createLane(const Lane &lane);
    Status updateLane(const Lane &lane);
    Result<bool> removeLane(qint64 id);

private:
    Status replaceCoverage(const Courier &courier);

    Connection &m_db;
};

} // namespace pincart::server

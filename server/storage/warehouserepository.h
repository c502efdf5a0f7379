#pragma once

#include "connection.h"
#include "logistics.h"

#include <optional>

namespace pincart::server {

// The warehouses and bins tables. District and state come from the pincode directory.
class WarehouseRepository
{
public:
    explicit WarehouseRepository(Connection &connection)
        : m_db(connection)
    {}

    Result<QList<Warehouse>> list(); // every warehouse, by id
    Result<std::optional<Warehouse>> find(qint64 id);
    Result<qint64> create(const Warehouse &warehouse);
    Status update(const Warehouse &warehouse);

    Status addBins(qint64 warehouseId, const QStringList &codes); // existing ones are kept
    Result<bool> hasBin(qint64 warehouseId, const QString &code);

private:
    Connection &m_db;
};

} // namespace pincart::server

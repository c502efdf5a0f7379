#include "networkloader.h"

#include "networkrepository.h"
#include "pincoderepository.h"
#include "stockrepository.h"
#include "warehouserepository.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNetwork, "pincart.network")

namespace pincart::server {

Result<std::shared_ptr<const DeliveryNetwork>> loadDeliveryNetwork(Connection &db)
{
    NetworkData data;
    auto pincodes = PincodeRepository(db).all();
    if (!pincodes)
        return pincodes.error();
    data.pincodes = std::move(*pincodes);
    auto warehouses = WarehouseRepository(db).list();
    if (!warehouses)
        return warehouses.error();
    data.warehouses = std::move(*warehouses);
    NetworkRepository network(db);
    auto couriers = network.couriers();
    if (!couriers)
        return couriers.error();
    data.couriers = std::move(*couriers);
    auto hubs = network.hubs();
    if (!hubs)
        return hubs.error();
    data.hubs = std::move(*hubs);
    auto lanes = network.lanes();
    if (!lanes)
        return lanes.error();
    data.lanes = std::move(*lanes);
    auto built = DeliveryNetwork::build(data);
    qCInfo(lcNetwork).nospace() << "TAT tables built in " << built->buildMs()
                                << " ms: " << data.warehouses.size() << " warehouses, "
                                << data.couriers.size() << " couriers, " << data.hubs.size()
                                << " hubs, " << data.lanes.size() << " lanes; "
                                << built->reachablePincodeCount() << " of " << built->pincodeCount()
                                << " pincodes reachable";
    return built;
}

Status warmStockIndex(Connection &db, LogisticsState &state)
{
    auto &index = state.stock();
    const auto tickets = index.tickets();
    return StockRepository(db).eachAvailability(
        [&](qint64 itemId, const QList<WarehouseStock> &levels) {
            index.insert(tickets[index.shardOf(itemId)], itemId,
                         std::make_shared<const StockLevels>(StockLevels{levels}));
        });
}

} // namespace pincart::server

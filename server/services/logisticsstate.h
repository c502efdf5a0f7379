#pragma once

#include "deliverynetwork.h"
#include "shardedcache.h"
#include "stockrepository.h"

#include <atomic>
#include <memory>

namespace pincart::server {

// An item's sellable stock per warehouse, as one node last read it.
struct StockLevels
{
    QList<WarehouseStock> warehouses; // by warehouse id; only those with rows
};

// Delivery state shared by all worker threads of one node: the TAT tables (an immutable snapshot,
// swapped whole when the network changes) and the stock index the serviceability answer reads
// (evicted by stock changes from any node). Thread-safe.
class LogisticsState
{
public:
    LogisticsState()
        : m_network(DeliveryNetwork::build({}))
        , m_stock(2'000'000)
    {}

    std::shared_ptr<const DeliveryNetwork> network() const { return m_network.load(); }
    void publishNetwork(std::shared_ptr<const DeliveryNetwork> network)
    {
        m_network.store(std::move(network));
    }
    ShardedCache<StockLevels> &stock() { return m_stock; }

    // Items whose levels the logistics consumer read back after their stock changed (/metrics).
    void countStockReadBack(qsizetype items)
    {
        m_stockReadBack.fetch_add(quint64(items), std::memory_order_relaxed);
    }
    quint64 stockReadBack() const { return m_stockReadBack.load(std::memory_order_relaxed); }

private:
    std::atomic<std::shared_ptr<const DeliveryNetwork>> m_network;
    ShardedCache<StockLevels> m_stock;
    std::atomic<quint64> m_stockReadBack{0};
};

} // namespace pincart::server

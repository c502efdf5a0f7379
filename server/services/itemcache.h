#pragma once

#include "item.h"

#include <QByteArray>

#include <array>
#include <tuple>
#include <atomic>
#include <memory>
#include <shared_mutex>
#include <unordered_map>

namespace pincart::server {

// A cached item with its JSON encoded once: GET /items/{id} writes these bytes as they are.
struct CachedItem
{
    Item item;
    QByteArray json;
};

// Items by id, shared by every worker thread: reads take one shard's shared lock, never a global
// one. Filled on read misses, emptied by writes on this node and by item events from other nodes.
//
// A reader that loaded an item from the database must not put back a copy older than an eviction
// that happened meanwhile: it takes a ticket (the shard's generation) before reading the database
// and the insert is dropped if the generation moved.
class ItemCache
{
public:
    explicit ItemCache(size_t capacity = 500'000);

    std::shared_ptr<const CachedItem> find(qint64 id) const;
    quint64 ticket(qint64 id) const;
    // Every shard's ticket at once, for a reader that loads many items in one query.
    using Tickets = std::array<quint64, 64>;
    Tickets tickets() const;
    bool contains(qint64 id) const;
    void insert(quint64 ticket, std::shared_ptr<const CachedItem> item);
    void evict(qint64 id);
    void clear();

    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    quint64 misses() const { return m_misses.load(std::memory_order_relaxed); }

private:
    static constexpr size_t ShardCount = std::tuple_size_v<Tickets>;
    struct Shard
    {
        mutable std::shared_mutex mutex;
        std::unordered_map<qint64, std::shared_ptr<const CachedItem>> items; // GUARDED_BY(mutex)
        std::atomic<quint64> generation{0};
    };
    Shard &shardFor(qint64 id) const { return m_shards[size_t(id) % ShardCount]; }

    size_t m_shardCapacity;
    mutable std::array<Shard, ShardCount> m_shards;
    mutable std::atomic<quint64> m_hits{0};
    mutable std::atomic<quint64> m_misses{0};
};

} // namespace pincart::server

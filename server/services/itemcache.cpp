#include "itemcache.h"

#include <mutex>

namespace pincart::server {

ItemCache::ItemCache(size_t capacity)
    : m_shardCapacity(qMax<size_t>(1, capacity / ShardCount))
{}

std::shared_ptr<const CachedItem> ItemCache::find(qint64 id) const
{
    const Shard &shard = shardFor(id);
    std::shared_lock lock(shard.mutex);
    const auto it = shard.items.find(id);
    if (it == shard.items.end()) {
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return nullptr;
    }
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return it->second;
}

quint64 ItemCache::ticket(qint64 id) const
{
    return shardFor(id).generation.load(std::memory_order_acquire);
}

ItemCache::Tickets ItemCache::tickets() const
{
    Tickets t{};
    for (size_t i = 0; i < ShardCount; ++i)
        t[i] = m_shards[i].generation.load(std::memory_order_acquire);
    return t;
}

bool ItemCache::contains(qint64 id) const
{
    const Shard &shard = shardFor(id);
    std::shared_lock lock(shard.mutex);
    return shard.items.count(id) > 0;
}

void ItemCache::insert(quint64 ticket, std::shared_ptr<const CachedItem> item)
{
    Shard &shard = shardFor(item->item.id);
    std::unique_lock lock(shard.mutex);
    if (shard.generation.load(std::memory_order_relaxed) != ticket)
        return; // evicted while the caller read the database: its copy may be stale
    // Bounded: a full shard drops an arbitrary entry (the cache holds the hot set, not the
    // catalogue).
    if (shard.items.size() >= m_shardCapacity && !shard.items.count(item->item.id))
        shard.items.erase(shard.items.begin());
    shard.items.insert_or_assign(item->item.id, std::move(item));
}

void ItemCache::evict(qint64 id)
{
    Shard &shard = shardFor(id);
    std::unique_lock lock(shard.mutex);
    shard.generation.fetch_add(1, std::memory_order_release);
    shard.items.erase(id);
}

void ItemCache::clear()
{
    for (Shard &shard : m_shards) {
        std::unique_lock lock(shard.mutex);
        shard.generation.fetch_add(1, std::memory_order_release);
        shard.items.clear();
    }
}

} // namespace pincart::server

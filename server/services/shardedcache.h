#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <QtGlobal>
#include <shared_mutex>
#include <tuple>
#include <unordered_map>

namespace pincart::server {

// Immutable values by id, shared by every worker thread: reads take one shard's shared lock, never
// a global one. Filled on read misses (and by warmers), emptied by writes on this node and by
// events from other nodes.
//
// A reader that loaded a value from the database must not put back a copy older than an eviction
// that happened meanwhile: it takes a ticket (the shard's generation) before reading the database
// and the insert is dropped if the generation moved.
template<typename Value>
class ShardedCache
{
public:
    using Tickets = std::array<quint64, 64>;
    static constexpr size_t ShardCount = std::tuple_size_v<Tickets>;
    static size_t shardOf(qint64 id) { return size_t(id) % ShardCount; }

    explicit ShardedCache(size_t capacity)
        : m_shardCapacity(qMax<size_t>(1, capacity / ShardCount))
    {}

    std::shared_ptr<const Value> find(qint64 id) const
    {
        const Shard &shard = m_shards[shardOf(id)];
        std::shared_lock lock(shard.mutex);
        const auto it = shard.values.find(id);
        if (it == shard.values.end()) {
            m_misses.fetch_add(1, std::memory_order_relaxed);
            return nullptr;
        }
        m_hits.fetch_add(1, std::memory_order_relaxed);
        return it->second;
    }

    quint64 ticket(qint64 id) const
    {
        return m_shards[shardOf(id)].generation.load(std::memory_order_acquire);
    }

    // Every shard's ticket at once, for a reader that loads many values in one query.
    Tickets tickets() const
    {
        Tickets t{};
        for (size_t i = 0; i < ShardCount; ++i)
            t[i] = m_shards[i].generation.load(std::memory_order_acquire);
        return t;
    }

    bool contains(qint64 id) const
    {
        const Shard &shard = m_shards[shardOf(id)];
        std::shared_lock lock(shard.mutex);
        return shard.values.count(id) > 0;
    }

    // False when dropped: something in the shard was evicted since the ticket was taken.
    bool insert(quint64 ticket, qint64 id, std::shared_ptr<const Value> value)
    {
        Shard &shard = m_shards[shardOf(id)];
        std::unique_lock lock(shard.mutex);
        if (shard.generation.load(std::memory_order_relaxed) != ticket)
            return false; // evicted while the caller read the database: its copy may be stale
        // Bounded: a full shard drops an arbitrary entry (the cache holds the hot set).
        if (shard.values.size() >= m_shardCapacity && !shard.values.count(id))
            shard.values.erase(shard.values.begin());
        shard.values.insert_or_assign(id, std::move(value));
        return true;
    }

    void evict(qint64 id)
    {
        Shard &shard = m_shards[shardOf(id)];
        std::unique_lock lock(shard.mutex);
        shard.generation.fetch_add(1, std::memory_order_release);
        shard.values.erase(id);
    }

    void clear()
    {
        for (Shard &shard : m_shards) {
            std::unique_lock lock(shard.mutex);
            shard.generation.fetch_add(1, std::memory_order_release);
            shard.values.clear();
        }
    }

    quint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    quint64 misses() const { return m_misses.load(std::memory_order_relaxed); }

private:
    struct Shard
    {
        mutable std::shared_mutex mutex;
        std::unordered_map<qint64, std::shared_ptr<const Value>> values; // GUARDED_BY(mutex)
        std::atomic<quint64> generation{0};
    };

    size_t m_shardCapacity;
    mutable std::array<Shard, ShardCount> m_shards;
    mutable std::atomic<quint64> m_hits{0};
    mutable std::atomic<quint64> m_misses{0};
};

} // namespace pincart::server

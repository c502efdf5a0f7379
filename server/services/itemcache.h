#pragma once

#include "item.h"
#include "shardedcache.h"

#include <QByteArray>

namespace pincart::server {

// A cached item with its JSON encoded once: GET /items/{id} writes these bytes as they are.
struct CachedItem
{
    Item item;
    QByteArray json;
};

// Items by id (see ShardedCache for the rules that keep it from going stale).
class ItemCache : public ShardedCache<CachedItem>
{
public:
    explicit ItemCache(size_t capacity = 500'000)
        : ShardedCache(capacity)
    {}

    using ShardedCache::insert;
    void insert(quint64 ticket, std::shared_ptr<const CachedItem> item)
    {
        const qint64 id = item->item.id;
        insert(ticket, id, std::move(item));
    }
};

} // namespace pincart::server

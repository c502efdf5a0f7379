#pragma once

#include "accountcache.h"
#include "catalogstate.h"
#include "eventconsumer.h"

namespace pincart::server {

// Evicts items changed on any node from this node's cache, and drops the request threads' copies
// of accounts when any account changed (AccountCache). Node-local: a fresh node has empty caches,
// so it starts at the log's end.
class ItemCacheInvalidator final : public EventConsumer
{
public:
    explicit ItemCacheInvalidator(CatalogState &state)
        : m_state(state)
    {}
    QString name() const override { return QStringLiteral("item-cache"); }
    bool durable() const override { return false; }
    QList<QLatin1StringView> topics() const override
    {
        return {topics::ItemUpserted, topics::ItemDeleted, topics::UserUpdated};
    }
    Status handle(const Event &event) override
    {
        if (event.topic == topics::ItemUpserted || event.topic == topics::ItemDeleted)
            m_state.items().evict(event.key.toLongLong());
        else if (event.topic == topics::UserUpdated)
            AccountCache::invalidateAll();
        return {};
    }

private:
    CatalogState &m_state;
};

} // namespace pincart::server

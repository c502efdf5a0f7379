#pragma once

#include "databaseurl.h"
#include "eventconsumer.h"

#include <memory>
#include <set>

namespace pincart::server {

class CatalogState;
class Connection;
class SearchIndex;
class SearchState;

// The design's search consumer: keeps one node's index current from `item.upserted`,
// `item.deleted` and `stock.changed`. Node-local, with its offset stored in the index itself, so a
// restart replays exactly what the index has not seen; a missing or unreadable index is rebuilt
// from the database first (on the tailer's thread: the node answers 503 to searches meanwhile).
class SearchIndexer final : public EventConsumer
{
public:
    SearchIndexer(DatabaseUrl url, SearchState &state, const CatalogState &catalog);
    ~SearchIndexer() override;

    QString name() const override { return QStringLiteral("search-indexer"); }
    bool durable() const override { return false; }
    QList<QLatin1StringView> topics() const override
    {
        return {topics::ItemUpserted, topics::ItemDeleted, topics::StockChanged};
    }
    Result<std::optional<qint64>> resumeAfter(Connection &db) override;
    Status handle(const Event &event) override;
    Status batchHandled(qint64 offset) override;
    void stopped() override;

private:
    DatabaseUrl m_url;
    std::unique_ptr<SearchIndex> m_index;
    std::unique_ptr<Connection> m_db; // opened on the tailer's thread, for stock levels
    // Items whose stock changed in the batch being handled: their levels are read together, once
    // each, when the batch ends (a burst of orders changes the same items many times).
    std::set<qint64> m_stockChanged;
};

} // namespace pincart::server

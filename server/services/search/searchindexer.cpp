#include "searchindexer.h"

#include "codecs.h"
#include "connection.h"
#include "searchindex.h"
#include "stockrepository.h"

namespace pincart::server {

SearchIndexer::SearchIndexer(DatabaseUrl url, SearchState &state, const CatalogState &catalog)
    : m_url(std::move(url))
    , m_index(std::make_unique<SearchIndex>(state, catalog))
{}

SearchIndexer::~SearchIndexer() = default;

Result<std::optional<qint64>> SearchIndexer::resumeAfter(Connection &db)
{
    const auto offset = m_index->open(db);
    if (!offset)
        return offset.error();
    return std::optional<qint64>(*offset);
}

Status SearchIndexer::handle(const Event &event)
{
    if (event.topic == topics::ItemUpserted) {
        const auto item = itemFromJson(event.payload);
        if (!item)
            return {}; // not an item this server can read: nothing to index, nothing to retry
        if (item->status != Item::Status::Active)
            m_stockChanged.erase(item->id); // removed below: as if its stock came first
        return m_index->upsert(*item);
    }
    if (event.topic == topics::ItemDeleted) {
        m_stockChanged.erase(event.key.toLongLong());
        return m_index->remove(event.key.toLongLong());
    }
    if (event.topic == topics::StockChanged)
        m_stockChanged.insert(event.key.toLongLong());
    return {};
}

Status SearchIndexer::batchHandled(qint64 offset)
{
    if (!m_stockChanged.empty()) {
        if (!m_db)
            m_db = std::make_unique<Connection>(m_url);
        const QList<qint64> ids(m_stockChanged.cbegin(), m_stockChanged.cend());
        const auto levels = StockRepository(*m_db).availabilityOf(ids);
        if (!levels)
            return levels.error(); // kept for the next batch; the index's offset does not move
        for (qint64 id : ids)
            m_index->setStock(id, levels->value(id));
        m_stockChanged.clear();
    }
    return m_index->commit(offset);
}

void SearchIndexer::stopped()
{
    m_db.reset();
}

} // namespace pincart::server

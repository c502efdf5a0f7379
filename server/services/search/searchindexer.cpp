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
        return m_index->upsert(*item);
    }
    if (event.topic == topics::ItemDeleted)
        return m_index->remove(event.key.toLongLong());
    if (event.topic == topics::StockChanged) {
        if (!m_db)
            m_db = std::make_unique<Connection>(m_url);
        const qint64 itemId = event.key.toLongLong();
        const auto levels = StockRepository(*m_db).availability(itemId);
        if (!levels)
            return levels.error();
        m_index->setStock(itemId, *levels);
    }
    return {};
}

Status SearchIndexer::batchHandled(qint64 offset)
{
    return m_index->commit(offset);
}

void SearchIndexer::stopped()
{
    m_db.reset();
}

} // namespace pincart::server

#include "catalogwarmer.h"

#include "codecs.h"
#include "connection.h"
#include "itemrepository.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcWarmer, "pincart.catalog")

namespace pincart::server {

CatalogWarmer::CatalogWarmer(DatabaseUrl url, CatalogState &state, qint64 maxItems)
    : m_url(std::move(url))
    , m_state(state)
    , m_maxItems(maxItems)
{
    setObjectName(QStringLiteral("catalog-warmer"));
}

CatalogWarmer::~CatalogWarmer()
{
    stop();
    wait();
}

void CatalogWarmer::run()
{
    QElapsedTimer timer;
    timer.start();
    Connection db(m_url);
    ItemRepository items(db);
    ItemRepository::ListFilter filter;
    filter.activeOnly = false; // inactive items are cached too; visibility is checked per read
    filter.limit = 2000;
    ItemCache &cache = m_state.items();
    while (!m_stop && m_loaded < m_maxItems) {
        // Tickets taken before the read: an item changed meanwhile is evicted, and its stale
        // copy from this batch is dropped (see ItemCache).
        const ItemCache::Tickets tickets = cache.tickets();
        const auto page = items.list(filter);
        if (!page) {
            qCWarning(lcWarmer) << "cache warm-up stopped:" << page.error().toString();
            break;
        }
        if (page->isEmpty())
            break;
        for (const Item &item : *page) {
 if (cache.contains(item.id))
                continue; // read through already, possibly newer than this batch
            cache.insert(tickets[size_t(item.id) % tickets.size()], std::make_shared<const CachedItem>(
                                     CachedItem{item, QJsonDocument(toJson(item)).toJson(QJsonDocument::Compact)}));
        }
        m_loaded += page->size();
        filter.afterId = page->last().id;
    }
    m_finished = true;
    qCInfo(lcWarmer) << "item cache warmed with" << m_loaded.load() << "items in" << timer.elapsed() << "ms";
}

} // namespace pincart::server

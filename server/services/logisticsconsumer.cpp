#include "logisticsconsumer.h"

#include "connection.h"
#include "networkloader.h"
#include "stockrepository.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLogisticsConsumer, "pincart.logistics")

namespace pincart::server {

LogisticsConsumer::LogisticsConsumer(DatabaseUrl url, LogisticsState &state)
    : m_url(std::move(url))
    , m_state(state)
{}

LogisticsConsumer::~LogisticsConsumer() = default;

Status LogisticsConsumer::handle(const Event &event)
{
    if (event.topic == topics::StockChanged) {
        const qint64 itemId = event.key.toLongLong();
        m_state.stock().evict(itemId);
        m_stockChanged.insert(itemId);
        return {};
    }
    if (event.topic != topics::NetworkChanged)
        return {};
    auto network = loadDeliveryNetwork(connection());
    if (!network)
        return network.error();
    m_state.publishNetwork(std::move(*network));
    return {};
}

Status LogisticsConsumer::batchHandled(qint64 /*offset*/)
{
    if (m_stockChanged.isEmpty())
        return {};
    const QList<qint64> ids(m_stockChanged.cbegin(), m_stockChanged.cend());
    m_stockChanged.clear();
    // The tickets are taken after the evictions and before the read: a change committed after
    // the read is evicted after it (by its writer on this node, by this consumer's next batch for
    // other nodes), and an eviction between the two drops the copy read here.
    auto &index = m_state.stock();
    const auto tickets = index.tickets();
    const auto levels = StockRepository(connection()).availabilityOf(ids);
    if (!levels) {
        // The items stay evicted, so nothing is wrong, only slower: requests read them again.
        qCWarning(lcLogisticsConsumer)
            << "stock levels not read back:" << levels.error().toString();
        return {};
    }
    qsizetype kept = 0;
    for (qint64 id : ids) {
        kept += index.insert(tickets[index.shardOf(id)], id,
                             std::make_shared<const StockLevels>(StockLevels{levels->value(id)}));
    }
    m_state.countStockReadBack(kept);
    return {};
}

Connection &LogisticsConsumer::connection()
{
    if (!m_db)
        m_db = std::make_unique<Connection>(m_url);
    return *m_db;
}

void LogisticsConsumer::stopped()
{
    m_db.reset();
}

} // namespace pincart::server

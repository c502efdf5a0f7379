#include "logisticsconsumer.h"

#include "connection.h"
#include "networkloader.h"

namespace pincart::server {

LogisticsConsumer::LogisticsConsumer(DatabaseUrl url, LogisticsState &state)
    : m_url(std::move(url))
    , m_state(state)
{}

LogisticsConsumer::~LogisticsConsumer() = default;

Status LogisticsConsumer::handle(const Event &event)
{
    if (event.topic == topics::StockChanged) {
        m_state.stock().evict(event.key.toLongLong());
        return {};
    }
    if (event.topic != topics::NetworkChanged)
        return {};
    if (!m_db)
        m_db = std::make_unique<Connection>(m_url);
    auto network = loadDeliveryNetwork(*m_db);
    if (!network)
        return network.error();
    m_state.publishNetwork(std::move(*network));
    return {};
}

void LogisticsConsumer::stopped()
{
    m_db.reset();
}

} // namespace pincart::server

#pragma once

#include "databaseurl.h"
#include "eventconsumer.h"
#include "logisticsstate.h"

#include <memory>

namespace pincart::server {

class Connection;

// Keeps one node's delivery state current: evicts an item's stock levels on `stock.changed` and
// rebuilds the TAT tables on `network.changed` (on the tailer's thread, never a request's), then
// publishes them. Node-local: a node builds its tables at start and follows from the log's end.
class LogisticsConsumer final : public EventConsumer
{
public:
    LogisticsConsumer(DatabaseUrl url, LogisticsState &state);
    ~LogisticsConsumer() override;

    QString name() const override { return QStringLiteral("logistics"); }
    bool durable() const override { return false; }
    Status handle(const Event &event) override;
    void stopped() override;

private:
    DatabaseUrl m_url;
    LogisticsState &m_state;
    std::unique_ptr<Connection> m_db; // opened on the tailer's thread, at the first rebuild
};

} // namespace pincart::server

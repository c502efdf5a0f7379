#pragma once

#include "databaseurl.h"
#include "eventconsumer.h"
#include "logisticsstate.h"

#include <memory>
#include <QSet>

namespace pincart::server {

class Connection;

// Keeps one node's delivery state current: on `stock.changed` evicts an item's stock levels and,
// after the batch, reads the changed items' levels back together (a few statements a batch instead
// of one per item in the requests that would miss them next, the cart answers after each order);
// on `network.changed` rebuilds the TAT tables (on the tailer's thread, never a request's) and
// publishes them. Node-local: a node builds its tables at start and follows from the log's end.
class LogisticsConsumer final : public EventConsumer
{
public:
    LogisticsConsumer(DatabaseUrl url, LogisticsState &state);
    ~LogisticsConsumer() override;

    QString name() const override { return QStringLiteral("logistics"); }
    bool durable() const override { return false; }
    QList<QLatin1StringView> topics() const override
    {
        return {topics::StockChanged, topics::NetworkChanged};
    }
    Status handle(const Event &event) override;
    Status batchHandled(qint64 offset) override;
    void stopped() override;

private:
    Connection &connection();

    DatabaseUrl m_url;
    LogisticsState &m_state;
    std::unique_ptr<Connection> m_db; // opened on the tailer's thread, at its first use
    QSet<qint64> m_stockChanged;      // items evicted in this batch, to read back after it
};

} // namespace pincart::server

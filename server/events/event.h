#pragma once

#include <functional>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace pincart::server {

// One row of the `events` outbox: the design's Kafka message.
struct Event
{
    qint64 id = 0;
    QString topic;
    QString key; // the aggregate's id, e.g. an item id
    QJsonObject payload;
    qint64 createdAtMs = 0;
};

// Runs after a commit with the topics of the events it appended: the server wakes the event
// tailers whose consumers handle one of them (the others look at their next interval).
using OnCommitted = std::function<void(const QList<QLatin1StringView> &topics)>;

namespace topics {
inline constexpr QLatin1StringView ItemUpserted{"item.upserted"};
inline constexpr QLatin1StringView ItemDeleted{"item.deleted"};
inline constexpr QLatin1StringView UserCreated{"user.created"};
inline constexpr QLatin1StringView UserUpdated{"user.updated"}; // roles, warehouses, disabled
inline constexpr QLatin1StringView SubmissionReceived{"submission.received"};
inline constexpr QLatin1StringView StockChanged{"stock.changed"};
inline constexpr QLatin1StringView ShipmentUpdated{"shipment.updated"};
inline constexpr QLatin1StringView NetworkChanged{"network.changed"};
inline constexpr QLatin1StringView OrderPlaced{"order.placed"};
inline constexpr QLatin1StringView OrderCancelled{"order.cancelled"};
inline constexpr QLatin1StringView PaymentUpdated{"payment.updated"};
inline constexpr QLatin1StringView SearchPerformed{"search.performed"};
} // namespace topics

} // namespace pincart::server

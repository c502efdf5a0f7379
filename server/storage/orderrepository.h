#pragma once

#include "connection.h"
#include "order.h"

#include <optional>

namespace pincart::server {

// An order as stored: its own status is only placed or cancelled (the rest follows from shipments).
struct StoredOrder
{
    Order order; // lines filled, shipments not
    bool cancelled = false;
    QString requestHash;
};

struct StockTake
{
    qint64 orderId = 0;
    qint64 stockId = 0;
    qint64 shipmentId = 0;
    qint64 itemId = 0;
    int quantity = 0;
};

struct OrderListFilter
{
    std::optional<qint64> userId;              // a customer's own
    std::optional<QList<qint64>> warehouseIds; // an operator's: orders with a shipment from these
    qint64 beforeId = 0;                       // keyset, newest first; 0: from the newest
    int limit = 20;
};

// An order to store with the request that placed it (its Idempotency-Key, empty for none, and
// the hash of its body, to tell a retry from another request under the same key).
struct OrderToCreate
{
    Order order; // lines filled; id set by createAll
    QString idempotencyKey;
    QString requestHash;
};

// The orders, order_lines and order_stock tables.
class OrderRepository
{
public:
    explicit OrderRepository(Connection &connection)
        : m_db(connection)
    {}

    // Orders of different customers with their lines (numbered from 1), in two statements
    // whatever their number; sets each order's id. Stamped with order.createdAt (now when
    // invalid). A Conflict when an Idempotency-Key was used before: then none is stored.
    Status createAll(QList<OrderToCreate> &orders);
    Status addStockTakes(const QList<StockTake> &takes); // one statement
    Result<QList<StockTake>> stockTakes(qint64 orderId);

    Result<std::optional<StoredOrder>> find(qint64 id);
    Result<std::optional<StoredOrder>> findByKey(qint64 userId, const QString &idempotencyKey);
    Result<QList<StoredOrder>> list(const OrderListFilter &filter);

    // Conditional moves: false when the order was not in `from` any more.
    Result<bool> cancel(qint64 id);
    Result<bool> setPaymentStatus(qint64 id, PaymentStatus from, PaymentStatus to);

private:
    Status loadLines(QList<StoredOrder> &orders);

    Connection &m_db;
};

} // namespace pincart::server

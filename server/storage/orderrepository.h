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

// The orders, order_lines and order_stock tables.
class OrderRepository
{
public:
    explicit OrderRepository(Connection &connection)
        : m_db(connection)
    {}

    // Stamped with order.createdAt (now when invalid).
    Result<qint64> create(const Order &order, const QString &idempotencyKey,
                          const QString &requestHash);
    Status addLines(qint64 orderId,
                    const QList<OrderLine> &lines); // numbered from 1, one statement
    Status addStockTakes(qint64 orderId, const QList<StockTake> &takes);
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

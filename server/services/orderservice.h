#pragma once

#include "clock.h"
#include "logisticsstate.h"
#include "order.h"
#include "page.h"
#include "principal.h"
#include "result.h"

#include <functional>

namespace pincart::server {

class CatalogService;
class Connection;

struct PlacedOrder
{
    Order order;
    bool replayed = false; // an Idempotency-Key retry: the first order, placed earlier
};

// The design's Order taking service: an order touches the cart, items, stock, orders and shipments
// in one transaction or not at all. Each line is served from the warehouses that reach the pincode
// soonest (split across warehouses when one cannot cover it, each part a shipment); stock is taken
// by conditional updates in stock-row order, and their affected-row counts decide. A plan made
// stale by another buyer is re-planned (at most three times), so the answer is an order or a
// precise 409.
class OrderService
{
public:
    static constexpr int MaxPageSize = 100;
    static constexpr int Attempts = 3;

    OrderService(Connection &db, CatalogService &catalog, LogisticsState &logistics,
                 const Clock &clock, std::function<void()> onCommitted = {});

    Result<PlacedOrder> place(const Principal &who, const Checkout &checkout,
                              const QString &idempotencyKey);
    // Newest first. A customer's own; an operator's warehouses'; an admin's all.
    Result<Page<Order>> orders(const Principal &who, const QString &after, int limit);
    Result<Order> order(const Principal &who, qint64 id);
    // Before any shipment shipped: shipments cancelled, exactly the units taken put back.
    Result<Order> cancel(const Principal &who, qint64 id);
    // The simulated gateway for prepaid orders: test card 4000 0000 0000 0002 is declined, any
    // other number passing the Luhn check pays.
    Result<Order> pay(const Principal &who, qint64 id, const QString &cardNumber);

private:
    Result<PlacedOrder> placeOnce(const Principal &who, const Checkout &checkout,
                                  const QString &key, const QString &hash, bool *retry);
    Result<std::optional<PlacedOrder>> replay(const Principal &who, const QString &key,
                                              const QString &hash);
    Result<Order> withShipments(Order order, bool cancelled);
    bool maySee(const Principal &who, const Order &order) const;

    Connection &m_db;
    CatalogService &m_catalog;
    LogisticsState &m_logistics;
    const Clock &m_clock;
    std::function<void()> m_onCommitted;
};

} // namespace pincart::server

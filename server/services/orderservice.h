#pragma once

#include "batchqueue.h"
#include "clock.h"
#include "event.h"
#include "logisticsstate.h"
#include "order.h"
#include "page.h"
#include "principal.h"
#include "result.h"

#include <functional>
#include <optional>

namespace pincart::server {

class CatalogService;
class Connection;

struct PlacedOrder
{
    Order order;
    bool replayed = false; // an Idempotency-Key retry: the first order, placed earlier
};

// One customer's checkout (its owner), from its request until it is placed or refused.
struct PendingCheckout : BatchEntry
{
    Principal who;
    Checkout checkout;
    QString idempotencyKey; // empty: none
    QString requestHash;
    std::optional<Result<PlacedOrder>> outcome; // set by the thread that places it
};

// The design's Order taking service: an order touches the cart, items, stock, orders and shipments
// in one transaction or not at all. Each line is served from the warehouses that reach the pincode
// soonest (split across warehouses when one cannot cover it, each part a shipment); stock is taken
// by conditional updates in stock-row order, and their affected-row counts decide. A plan made
// stale by another buyer is re-planned (at most three times), so the answer is an order or a
// precise 409. With a BatchQueue, concurrent checkouts are placed in batches (group checkout):
// each order is still whole or absent and answers for itself, but they share one transaction.
class OrderService
{
public:
    static constexpr int MaxPageSize = 100;
    static constexpr int Attempts = 3;

    // `queue` (shared by every thread's OrderService) may be null: each checkout alone.
    OrderService(Connection &db, CatalogService &catalog, LogisticsState &logistics,
                 const Clock &clock, BatchQueue *queue, OnCommitted onCommitted = {});

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
    // Places a batch of checkouts of different customers, setting each one's outcome: together
    // while they can be, again without the refused, and one by one when the batch as a whole fails.
    void placeAll(const QList<PendingCheckout *> &batch);
    // One transaction for the batch. Success: every checkout answered, or some refused (their
    // outcomes set) and everything rolled back for the rest to go again. `retry`: worth another go.
    Status placeTogether(const QList<PendingCheckout *> &batch, bool *retry);
    Result<std::optional<PlacedOrder>> replay(const Principal &who, const QString &key,
                                              const QString &hash);
    Result<Order> withShipments(Order order, bool cancelled);
    bool maySee(const Principal &who, const Order &order) const;

    Connection &m_db;
    CatalogService &m_catalog;
    LogisticsState &m_logistics;
    const Clock &m_clock;
    BatchQueue *m_queue;
    OnCommitted m_onCommitted;
};

} // namespace pincart::server

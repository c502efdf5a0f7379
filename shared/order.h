#pragma once

#include "logistics.h"
#include "money.h"

#include <optional>
#include <QDateTime>
#include <QList>
#include <QString>

// Carts, wishlists and orders: the types server and client share.
namespace pincart {

struct CartLimits
{
    static constexpr int MaxQuantityPerLine = 10;
    static constexpr int MaxLines = 50;
    static constexpr int MaxWishlistItems = 200;
    static constexpr int AddressMax = 500;
    static constexpr int IdempotencyKeyMax = 100;
};

struct CartLine
{
    qint64 itemId = 0;
    QString title;
    int quantity = 0;
    Money unitPrice;  // today's price
    Money addedPrice; // the price when it was added: the client shows a change
    Money lineTotal;
    bool available = true;    // the item is still sold
    bool deliverable = false; // to the cart's pincode, from stock
    std::optional<DeliveryPromise> promise;

    bool priceChanged() const { return unitPrice.amount != addedPrice.amount; }
};

struct Cart
{
    QString pincode; // the one deliverability was computed for; empty when none is known
    QList<CartLine> lines;
    Money total;
};

struct WishlistItem
{
    qint64 itemId = 0;
    QString title;
    Money price;
    Money addedPrice;
    bool available = true;
};

enum class PaymentMethod { CashOnDelivery, Prepaid };
QString paymentMethodName(PaymentMethod method); // "cod", "prepaid"
std::optional<PaymentMethod> paymentMethodFromName(QStringView name);

// cod: pending until delivered. prepaid: pending until the (simulated) gateway answers paid or
// failed.
enum class PaymentStatus { Pending, Paid, Failed };
QString paymentStatusName(PaymentStatus status);
std::optional<PaymentStatus> paymentStatusFromName(QStringView name);

// What the customer sees: cancelled, or the least advanced of the order's shipments.
enum class OrderStatus { Placed, Packed, Shipped, Delivered, Cancelled };
QString orderStatusName(OrderStatus status);
std::optional<OrderStatus> orderStatusFromName(QStringView name);
OrderStatus orderStatusFromShipments(bool cancelled, const QList<Shipment> &shipments);

struct Checkout
{
    QString pincode;
    QString address;
    PaymentMethod payment = PaymentMethod::CashOnDelivery;
};

struct OrderLine
{
    qint64 itemId = 0;
    QString sku;
    QString title;
    int quantity = 0;
    Money unitPrice;
    Money lineTotal;
};

struct Order
{
    qint64 id = 0;
    qint64 userId = 0;
    OrderStatus status = OrderStatus::Placed;
    QString pincode;
    QString address;
    PaymentMethod payment = PaymentMethod::CashOnDelivery;
    PaymentStatus paymentStatus = PaymentStatus::Pending;
    QList<OrderLine> lines;
    Money total;
    QList<Shipment> shipments;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// A line a checkout could not take: why, and how many units it could have had.
struct Shortage
{
    qint64 itemId = 0;
    int requested = 0;
    int available = 0;
    QString reason; // "out_of_stock", "undeliverable", "unavailable"
};

} // namespace pincart

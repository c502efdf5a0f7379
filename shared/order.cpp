#include "order.h"

namespace pincart {

namespace {

template<typename E, size_t N>
std::optional<E> fromName(QStringView name, const E (&all)[N], QString (*nameOf)(E))
{
    for (E e : all) {
        if (name == nameOf(e))
            return e;
    }
    return std::nullopt;
}

} // namespace

QString paymentMethodName(PaymentMethod method)
{
    return method == PaymentMethod::Prepaid ? QStringLiteral("prepaid") : QStringLiteral("cod");
}

std::optional<PaymentMethod> paymentMethodFromName(QStringView name)
{
    static constexpr PaymentMethod all[] = {PaymentMethod::CashOnDelivery, PaymentMethod::Prepaid};
    return fromName(name, all, paymentMethodName);
}

QString paymentStatusName(PaymentStatus status)
{
    switch (status) {
    case PaymentStatus::Pending:
        return QStringLiteral("pending");
    case PaymentStatus::Paid:
        return QStringLiteral("paid");
    case PaymentStatus::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

std::optional<PaymentStatus> paymentStatusFromName(QStringView name)
{
    static constexpr PaymentStatus all[]
        = {PaymentStatus::Pending, PaymentStatus::Paid, PaymentStatus::Failed};
    return fromName(name, all, paymentStatusName);
}

QString orderStatusName(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Placed:
        return QStringLiteral("placed");
    case OrderStatus::Packed:
        return QStringLiteral("packed");
    case OrderStatus::Shipped:
        return QStringLiteral("shipped");
    case OrderStatus::Delivered:
        return QStringLiteral("delivered");
    case OrderStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<OrderStatus> orderStatusFromName(QStringView name)
{
    static constexpr OrderStatus all[]
        = {OrderStatus::Placed, OrderStatus::Packed, OrderStatus::Shipped, OrderStatus::Delivered,
           OrderStatus::Cancelled};
    return fromName(name, all, orderStatusName);
}

OrderStatus orderStatusFromShipments(bool cancelled, const QList<Shipment> &shipments)
{
    if (cancelled)
        return OrderStatus::Cancelled;
    if (shipments.isEmpty())
        return OrderStatus::Placed;
    // The least advanced shipment says where the order as a whole is.
    const auto rank = [](ShipmentStatus s) {
        switch (s) {
        case ShipmentStatus::Placed:
        case ShipmentStatus::Picked:
        case ShipmentStatus::Cancelled:
            return 0;
        case ShipmentStatus::Packed:
            return 1;
        case ShipmentStatus::Shipped:
            return 2;
        case ShipmentStatus::Delivered:
            return 3;
        }
        return 0;
    };
    int least = 3;
    for (const Shipment &s : shipments)
        least = qMin(least, rank(s.status));
    static constexpr OrderStatus byRank[]
        = {OrderStatus::Placed, OrderStatus::Packed, OrderStatus::Shipped, OrderStatus::Delivered};
    return byRank[least];
}

} // namespace pincart

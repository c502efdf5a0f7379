#pragma once

#include "order.h"

#include <QString>

// How the storefront words carts and orders.
namespace pincart {

// "by 27 Nov": when a promise says the parcel arrives.
QString byDateText(const QDate &date);
// A cart line's delivery: "by 27 Nov", "not deliverable to 560034", "no longer sold".
QString cartDeliveryText(const CartLine &line, const QString &pincode);
// A cart line's unit price, with "(price changed from ₹1,199.00)" when it moved since it was added.
QString cartPriceText(const CartLine &line);
QString orderStatusText(OrderStatus status);                     // "Placed", "Cancelled"...
QString paymentText(PaymentMethod method, PaymentStatus status); // "Prepaid, paid"
// "Shipment 12 from warehouse 3: packed, by 27 Nov" per shipment, one a line.
QStringList shipmentSummaries(const Order &order);
// The earliest and latest promise dates of an order's open shipments: "by 27 Nov" or
// "27 Nov – 29 Nov"; "—" when none.
QString orderPromiseText(const Order &order);
// True while no shipment of a not yet cancelled order has left its warehouse.
bool canCancelOrder(const Order &order);
// A checkout conflict's message ("out_of_stock: only 2 of 3 can be delivered") in words.
QString shortageText(const QString &message);

} // namespace pincart

#pragma once

#include "codecs.h"
#include "order.h"

// JSON codecs of carts, wishlists and orders (see codecs.h for the rules).
namespace pincart {

QJsonObject toJson(const Cart &cart);
void writeJson(JsonWriter &w, const Cart &cart);
Result<Cart> cartFromJson(const QJsonObject &object);
// `{quantity}` of PUT /cart/items/{id}: 1 to CartLimits::MaxQuantityPerLine.
Result<int> cartQuantityFromJson(const QJsonObject &object);
// `{lines: [{item_id, quantity}]}` of POST /cart/merge (a cart built before login).
Result<QList<QPair<qint64, int>>> cartMergeFromJson(const QJsonObject &object);
QJsonObject cartMergeToJson(const QList<QPair<qint64, int>> &lines);

QJsonObject toJson(const WishlistItem &item);
Result<QList<WishlistItem>> wishlistFromJson(const QJsonObject &object); // {items: [...]}

Result<Checkout> checkoutFromJson(const QJsonObject &object);
QJsonObject toJson(const Checkout &checkout);

QJsonObject toJson(const Order &order);
void writeJson(JsonWriter &w, const Order &order);
Result<Order> orderFromJson(const QJsonObject &object);
Result<Page<Order>> orderPageFromJson(const QJsonObject &object);

// `{card_number}` of POST /orders/{id}/payment, the simulated gateway's one input.
Result<QString> paymentCardFromJson(const QJsonObject &object);

} // namespace pincart

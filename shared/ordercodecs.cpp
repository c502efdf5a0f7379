#include "ordercodecs.h"

#include "jsonkeys.h"
#include "logisticscodecs.h"
#include "validation.h"

namespace pincart {

namespace k = keys;

namespace {

void writeDelivery(JsonWriter &w, const std::optional<DeliveryPromise> &promise)
{
    if (!promise) {
        w.nullField(k::Delivery);
        return;
    }
    w.key(k::Delivery)
        .beginObject()
        .field(k::EtaDays, promise->etaDays)
        .field(k::PromiseDate, isoDate(promise->promiseDate))
        .endObject();
}

std::optional<DeliveryPromise> deliveryFrom(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    DeliveryPromise p;
    p.etaDays = int(o.value(k::EtaDays).toInteger());
    p.promiseDate = QDate::fromString(o.value(k::PromiseDate).toString(), Qt::ISODate);
    return p;
}

} // namespace

QJsonObject toJson(const Cart &cart)
{
    return jsonObject(jsonBytes(cart));
}

void writeJson(JsonWriter &w, const Cart &cart)
{
    w.beginObject();
    if (cart.pincode.isEmpty())
        w.nullField(k::Pincode);
    else
        w.field(k::Pincode, cart.pincode);
    w.key(k::Lines).beginArray();
    for (const CartLine &l : cart.lines) {
        w.beginObject()
            .field(k::ItemId, l.itemId)
            .field(k::Title, l.title)
            .field(k::Quantity, l.quantity);
        writeJson(w.key(k::UnitPrice), l.unitPrice);
        writeJson(w.key(k::AddedPrice), l.addedPrice);
        w.field(k::PriceChanged, l.priceChanged());
        writeJson(w.key(k::LineTotal), l.lineTotal);
        w.field(k::Available, l.available).field(k::Deliverable, l.deliverable);
        writeDelivery(w, l.promise);
        w.endObject();
    }
    w.endArray();
    writeJson(w.key(k::Total), cart.total);
    w.endObject();
}

Result<Cart> cartFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Cart cart;
    cart.pincode = object.value(k::Pincode).toString();
    cart.total = readMoney(r, k::Total).value_or(Money{});
    int index = 0;
    for (const QJsonValue &v : r.array(k::Lines).value_or(QJsonArray())) {
        JsonReader lr(v.toObject(), QStringLiteral("lines[%1]").arg(index++));
        CartLine l;
        l.itemId = lr.integer(k::ItemId).value_or(0);
        l.title = lr.string(k::Title).value_or(QString());
        l.quantity = int(lr.integer(k::Quantity).value_or(0));
        l.unitPrice = readMoney(lr, k::UnitPrice).value_or(Money{});
        l.addedPrice = readMoney(lr, k::AddedPrice, JsonReader::Optional).value_or(l.unitPrice);
        l.lineTotal = readMoney(lr, k::LineTotal).value_or(Money{});
        l.available = lr.boolean(k::Available, JsonReader::Optional).value_or(true);
        l.deliverable = lr.boolean(k::Deliverable).value_or(false);
        l.promise = deliveryFrom(v.toObject().value(k::Delivery));
        for (const FieldError &e : lr.errors())
            r.addError(e.field, e.message);
        cart.lines << l;
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed cart"));
    return cart;
}

Result<int> cartQuantityFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    r.rejectUnknown({k::Quantity});
    const auto quantity
        = r.integer(k::Quantity, JsonReader::Required, 1, CartLimits::MaxQuantityPerLine);
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid quantity"));
    return int(*quantity);
}

Result<QList<QPair<qint64, int>>> cartMergeFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    r.rejectUnknown({k::Lines});
    QList<QPair<qint64, int>> lines;
    const auto array = r.array(k::Lines);
    if (array && array->size() > CartLimits::MaxLines)
        r.addError(QString(k::Lines), QStringLiteral("at most %1 lines").arg(CartLimits::MaxLines));
    else if (array) {
        int index = 0;
        for (const QJsonValue &v : *array) {
            JsonReader lr(v.toObject(), QStringLiteral("lines[%1]").arg(index++));
            if (!v.isObject()) {
                r.addError(lr.path(k::ItemId), QStringLiteral("must be an object"));
                continue;
            }
            lr.rejectUnknown({k::ItemId, k::Quantity});
            const auto item = lr.integer(k::ItemId, JsonReader::Required, 1);
            const auto quantity
                = lr.integer(k::Quantity, JsonReader::Required, 1, CartLimits::MaxQuantityPerLine);
            for (const FieldError &e : lr.errors())
                r.addError(e.field, e.message);
            if (item && quantity)
                lines.append({*item, int(*quantity)});
        }
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid cart"));
    return lines;
}

QJsonObject cartMergeToJson(const QList<QPair<qint64, int>> &lines)
{
    QJsonArray array;
    for (const auto &[item, quantity] : lines)
        array.append(QJsonObject{{k::ItemId, item}, {k::Quantity, quantity}});
    return {{k::Lines, array}};
}

QJsonObject toJson(const WishlistItem &item)
{
    return {{k::ItemId, item.itemId},
            {k::Title, item.title},
            {k::Price, toJson(item.price)},
            {k::AddedPrice, toJson(item.addedPrice)},
            {k::PriceChanged, item.price.amount != item.addedPrice.amount},
            {k::Available, item.available}};
}

static Result<WishlistItem> wishlistItemFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    WishlistItem w;
    w.itemId = r.integer(k::ItemId).value_or(0);
    w.title = r.string(k::Title).value_or(QString());
    w.price = readMoney(r, k::Price).value_or(Money{});
    w.addedPrice = readMoney(r, k::AddedPrice, JsonReader::Optional).value_or(w.price);
    w.available = r.boolean(k::Available, JsonReader::Optional).value_or(true);
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed wishlist item"));
    return w;
}

Result<QList<WishlistItem>> wishlistFromJson(const QJsonObject &object)
{
    auto page = pageFromJson<WishlistItem>(object, wishlistItemFromJson);
    if (!page)
        return page.error();
    return page->items;
}

Result<Checkout> checkoutFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    r.rejectUnknown({k::Pincode, k::Address, k::Payment});
    Checkout c;
    c.pincode = r.string(k::Pincode).value_or(QString());
    c.address = r.string(k::Address).value_or(QString()).trimmed();
    const auto payment = r.string(k::Payment);
    if (payment) {
        const auto method = paymentMethodFromName(*payment);
        if (!method)
            r.addError(QString(k::Payment), QStringLiteral("must be cod or prepaid"));
        c.payment = method.value_or(PaymentMethod::CashOnDelivery);
    }
    if (r.has(k::Pincode))
        for (const FieldError &e : validation::checkPincode(c.pincode))
            r.addError(e.field, e.message);
    if (r.has(k::Address) && (c.address.isEmpty() || c.address.size() > CartLimits::AddressMax))
        r.addError(QString(k::Address),
                   QStringLiteral("must be 1-%1 characters").arg(CartLimits::AddressMax));
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid checkout"));
    return c;
}

QJsonObject toJson(const Checkout &c)
{
    return {{k::Pincode, c.pincode},
            {k::Address, c.address},
            {k::Payment, paymentMethodName(c.payment)}};
}

QJsonObject toJson(const Order &o)
{
    return jsonObject(jsonBytes(o));
}

void writeJson(JsonWriter &w, const Order &o)
{
    w.beginObject()
        .field(k::Id, o.id)
        .field(k::UserId, o.userId)
        .field(k::Status, orderStatusName(o.status))
        .field(k::Pincode, o.pincode)
        .field(k::Address, o.address)
        .field(k::Payment, paymentMethodName(o.payment))
        .field(k::PaymentStatus, paymentStatusName(o.paymentStatus));
    w.key(k::Lines).beginArray();
    for (const OrderLine &l : o.lines) {
        w.beginObject()
            .field(k::ItemId, l.itemId)
            .field(k::Sku, l.sku)
            .field(k::Title, l.title)
            .field(k::Quantity, l.quantity);
        writeJson(w.key(k::UnitPrice), l.unitPrice);
        writeJson(w.key(k::LineTotal), l.lineTotal);
        w.endObject();
    }
    w.endArray();
    writeJson(w.key(k::Total), o.total);
    w.key(k::Shipments).beginArray();
    for (const Shipment &s : o.shipments)
        writeJson(w, s);
    w.endArray()
        .field(k::CreatedAt, toIsoUtc(o.createdAt))
        .field(k::UpdatedAt, toIsoUtc(o.updatedAt))
        .endObject();
}

Result<Order> orderFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Order o;
    o.id = r.integer(k::Id).value_or(0);
    o.userId = r.integer(k::UserId, JsonReader::Optional).value_or(0);
    const auto status = orderStatusFromName(r.string(k::Status).value_or(QString()));
    if (!status)
        r.addError(QString(k::Status), QStringLiteral("unknown order status"));
    o.status = status.value_or(OrderStatus::Placed);
    o.pincode = r.string(k::Pincode, JsonReader::Optional).value_or(QString());
    o.address = r.string(k::Address, JsonReader::Optional).value_or(QString());
    o.payment
        = paymentMethodFromName(r.string(k::Payment, JsonReader::Optional).value_or(QString()))
              .value_or(PaymentMethod::CashOnDelivery);
    o.paymentStatus = paymentStatusFromName(
                          r.string(k::PaymentStatus, JsonReader::Optional).value_or(QString()))
                          .value_or(PaymentStatus::Pending);
    o.total = readMoney(r, k::Total).value_or(Money{});
    o.createdAt = fromIsoUtc(r.string(k::CreatedAt, JsonReader::Optional).value_or(QString()));
    o.updatedAt = fromIsoUtc(r.string(k::UpdatedAt, JsonReader::Optional).value_or(QString()));
    for (const QJsonValue &v : r.array(k::Lines).value_or(QJsonArray())) {
        JsonReader lr(v.toObject());
        OrderLine l;
        l.itemId = lr.integer(k::ItemId).value_or(0);
        l.sku = lr.string(k::Sku, JsonReader::Optional).value_or(QString());
        l.title = lr.string(k::Title, JsonReader::Optional).value_or(QString());
        l.quantity = int(lr.integer(k::Quantity).value_or(0));
        l.unitPrice = readMoney(lr, k::UnitPrice).value_or(Money{});
        l.lineTotal = readMoney(lr, k::LineTotal).value_or(Money{});
        o.lines << l;
    }
    for (const QJsonValue &v : r.array(k::Shipments, JsonReader::Optional).value_or(QJsonArray())) {
        auto s = shipmentFromJson(v.toObject());
        if (!s)
            return s.error();
        o.shipments << *s;
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed order"));
    return o;
}

Result<Page<Order>> orderPageFromJson(const QJsonObject &object)
{
    return pageFromJson<Order>(object, orderFromJson);
}

Result<QString> paymentCardFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    r.rejectUnknown({k::CardNumber});
    const QString card = r.string(k::CardNumber).value_or(QString()).remove(u' ');
    if (r.has(k::CardNumber)) {
        bool digits = card.size() >= 12 && card.size() <= 19;
        for (QChar ch : card)
            digits = digits && ch >= u'0' && ch <= u'9';
        if (!digits)
            r.addError(QString(k::CardNumber), QStringLiteral("must be 12-19 digits"));
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid payment"));
    return card;
}

} // namespace pincart

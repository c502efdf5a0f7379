#include "ordertext.h"

#include "logisticstext.h"

#include <algorithm>
#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace pincart {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pincart::Orders", text);
}

QString shortDate(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMM"));
}

} // namespace

QString byDateText(const QDate &date)
{
    if (!date.isValid())
        return QStringLiteral("—");
    return tr("by %1").arg(shortDate(date));
}

QString cartDeliveryText(const CartLine &line, const QString &pincode)
{
    if (!line.available)
        return tr("no longer sold");
    if (pincode.isEmpty())
        return tr("enter a pincode");
    if (!line.deliverable)
        return tr("not deliverable to %1").arg(pincode);
    if (!line.promise)
        return tr("deliverable");
    return byDateText(line.promise->promiseDate);
}

QString cartPriceText(const CartLine &line)
{
    const QString now = line.unitPrice.toDisplayString();
    if (!line.priceChanged())
        return now;
    return tr("%1 (price changed from %2)").arg(now, line.addedPrice.toDisplayString());
}

QString orderStatusText(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Placed:
        return tr("Placed");
    case OrderStatus::Packed:
        return tr("Packed");
    case OrderStatus::Shipped:
        return tr("Shipped");
    case OrderStatus::Delivered:
        return tr("Delivered");
    case OrderStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString paymentText(PaymentMethod method, PaymentStatus status)
{
    if (method == PaymentMethod::CashOnDelivery)
        return status == PaymentStatus::Paid ? tr("Cash on delivery, paid")
                                             : tr("Cash on delivery");
    switch (status) {
    case PaymentStatus::Pending:
        return tr("Prepaid, awaiting payment");
    case PaymentStatus::Paid:
        return tr("Prepaid, paid");
    case PaymentStatus::Failed:
        return tr("Prepaid, payment failed");
    }
    return {};
}

QStringList shipmentSummaries(const Order &order)
{
    QStringList out;
    for (const Shipment &s : order.shipments) {
        QString line = tr("Shipment %1 from warehouse %2: %3")
                           .arg(s.id)
                           .arg(s.warehouseId)
                           .arg(shipmentStatusText(s.status).toLower());
        if (isOpenShipment(s.status) || s.status == ShipmentStatus::Shipped)
            line += QStringLiteral(", ") + byDateText(s.promiseDate);
        if (!s.lines.isEmpty())
            line += QStringLiteral(" (") + shipmentLinesText(s.lines) + QLatin1Char(')');
        out << line;
    }
    return out;
}

QString orderPromiseText(const Order &order)
{
    if (order.status == OrderStatus::Cancelled || order.status == OrderStatus::Delivered)
        return QStringLiteral("—");
    QList<QDate> dates;
    for (const Shipment &s : order.shipments) {
        if (s.promiseDate.isValid() && s.status != ShipmentStatus::Cancelled
            && s.status != ShipmentStatus::Delivered)
            dates << s.promiseDate;
    }
    if (dates.isEmpty())
        return QStringLiteral("—");
    const auto [first, last] = std::minmax_element(dates.cbegin(), dates.cend());
    if (*first == *last)
        return byDateText(*first);
    return QStringLiteral("%1 – %2").arg(shortDate(*first), shortDate(*last));
}

bool canCancelOrder(const Order &order)
{
    if (order.status == OrderStatus::Cancelled)
        return false;
    return std::all_of(order.shipments.cbegin(), order.shipments.cend(),
                       [](const Shipment &s) { return isOpenShipment(s.status); });
}

QString shortageText(const QString &message)
{
    const qsizetype colon = message.indexOf(QLatin1Char(':'));
    const QString reason = colon < 0 ? message : message.left(colon);
    const QString detail = colon < 0 ? QString() : message.mid(colon + 1).trimmed();
    QString words;
    if (reason == QLatin1String("out_of_stock"))
        words = tr("not enough in stock");
    else if (reason == QLatin1String("undeliverable"))
        words = tr("cannot be delivered to this pincode");
    else if (reason == QLatin1String("unavailable"))
        words = tr("no longer sold");
    else
        return message;
    return detail.isEmpty() ? words : QStringLiteral("%1 (%2)").arg(words, detail);
}

} // namespace pincart

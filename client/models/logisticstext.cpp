#include "logisticstext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace pincart {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pincart::Logistics", text);
}

} // namespace

QString shipmentStatusText(ShipmentStatus status)
{
    switch (status) {
    case ShipmentStatus::Placed:
        return tr("Placed");
    case ShipmentStatus::Picked:
        return tr("Picked");
    case ShipmentStatus::Packed:
        return tr("Packed");
    case ShipmentStatus::Shipped:
        return tr("Shipped");
    case ShipmentStatus::Delivered:
        return tr("Delivered");
    case ShipmentStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString shipmentLinesText(const QList<ShipmentLine> &lines)
{
    QStringList parts;
    for (const ShipmentLine &line : lines)
        parts << QStringLiteral("%1 × %2").arg(line.quantity).arg(line.sku);
    return parts.join(QStringLiteral(", "));
}

QString routeText(const QList<RouteStop> &route)
{
    if (route.isEmpty())
        return QStringLiteral("—");
    QStringList names;
    for (const RouteStop &stop : route)
        names << stop.name;
    return names.join(QStringLiteral(" → "));
}

QString promiseText(const DeliveryPromise &promise)
{
    const QString date = QLocale().toString(promise.promiseDate, QLocale::ShortFormat);
    if (promise.etaDays <= 0)
        return tr("today (%1)").arg(date);
    if (promise.etaDays == 1)
        return tr("tomorrow (%1)").arg(date);
    return tr("in %1 days (%2)").arg(promise.etaDays).arg(date);
}

QString undeliverableText(const QString &reason)
{
    if (reason == QLatin1String("out_of_stock"))
        return tr("no warehouse that reaches this pincode has it in stock");
    if (reason == QLatin1String("unreachable"))
        return tr("no courier reaches this pincode from a warehouse that has it");
    return reason.isEmpty() ? tr("not deliverable") : reason;
}

} // namespace pincart

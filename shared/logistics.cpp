#include "logistics.h"

#include <QTimeZone>

namespace pincart {

QDateTime toIndiaTime(const QDateTime &time)
{
    return time.toTimeZone(QTimeZone(IndiaUtcOffsetSeconds));
}

QString minutesToClock(int minutes)
{
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

std::optional<int> clockToMinutes(QStringView text)
{
    // Exactly HH:MM, 00:00 to 23:59.
    if (text.size() != 5 || text[2] != u':')
        return std::nullopt;
    for (int i : {0, 1, 3, 4}) {
        if (!text[i].isDigit() || text[i].unicode() > '9')
            return std::nullopt;
    }
    const int hours = text.left(2).toInt();
    const int minutes = text.mid(3).toInt();
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    return hours * 60 + minutes;
}

QString serviceLevelName(ServiceLevel level)
{
    return level == ServiceLevel::Express ? QStringLiteral("express") : QStringLiteral("standard");
}

std::optional<ServiceLevel> serviceLevelFromName(QStringView name)
{
    if (name == u"express")
        return ServiceLevel::Express;
    if (name == u"standard")
        return ServiceLevel::Standard;
    return std::nullopt;
}

QString shipmentStatusName(ShipmentStatus status)
{
    switch (status) {
    case ShipmentStatus::Placed:
        return QStringLiteral("placed");
    case ShipmentStatus::Picked:
        return QStringLiteral("picked");
    case ShipmentStatus::Packed:
        return QStringLiteral("packed");
    case ShipmentStatus::Shipped:
        return QStringLiteral("shipped");
    case ShipmentStatus::Delivered:
        return QStringLiteral("delivered");
    case ShipmentStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<ShipmentStatus> shipmentStatusFromName(QStringView name)
{
    for (auto s : {ShipmentStatus::Placed, ShipmentStatus::Picked, ShipmentStatus::Packed,
                   ShipmentStatus::Shipped, ShipmentStatus::Delivered, ShipmentStatus::Cancelled}) {
        if (name == shipmentStatusName(s))
            return s;
    }
    return std::nullopt;
}

std::optional<ShipmentStatus> nextShipmentStatus(ShipmentStatus status)
{
    switch (status) {
    case ShipmentStatus::Placed:
        return ShipmentStatus::Picked;
    case ShipmentStatus::Picked:
        return ShipmentStatus::Packed;
    case ShipmentStatus::Packed:
        return ShipmentStatus::Shipped;
    case ShipmentStatus::Shipped:
        return ShipmentStatus::Delivered;
    case ShipmentStatus::Delivered:
    case ShipmentStatus::Cancelled:
        return std::nullopt;
    }
    return std::nullopt;
}

bool canAdvanceShipment(ShipmentStatus from, ShipmentStatus to)
{
    return nextShipmentStatus(from) == to
           || (from == ShipmentStatus::Placed && to == ShipmentStatus::Packed);
}

bool isOpenShipment(ShipmentStatus status)
{
    return status == ShipmentStatus::Placed || status == ShipmentStatus::Picked
           || status == ShipmentStatus::Packed;
}

} // namespace pincart

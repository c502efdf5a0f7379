#pragma once

#include "logistics.h"

#include <QString>

// How the warehouse workspace words shipments and delivery promises.
namespace pincart {

QString shipmentStatusText(ShipmentStatus status); // "Placed", "Picked"...
// "2 × TV-55, 1 × TEE-XL": what a shipment carries, in one line.
QString shipmentLinesText(const QList<ShipmentLine> &lines);
// The hubs a parcel passes, "Chennai hub → Bangalore hub"; "—" for none.
QString routeText(const QList<RouteStop> &route);
// "in 3 days (Fri 14 Jun 2024)", "today (...)".
QString promiseText(const DeliveryPromise &promise);
// Why an item cannot be delivered ("out_of_stock", "unreachable"), in words.
QString undeliverableText(const QString &reason);

} // namespace pincart

#pragma once

#include "logistics.h"

namespace pincart::server {

// The date a customer is promised. An order placed before the warehouse's cut-off (India time) is
// handled that day: picked and packed in `handlingHours` after the cut-off, then carried for
// `tatHours`; one placed at or after the cut-off waits for the next day's. The promise is the
// India date of arrival; eta_days counts calendar days from today.
DeliveryPromise promiseFor(const Warehouse &warehouse, int tatHours, const QDateTime &now);

} // namespace pincart::server

#include "deliverypromise.h"

#include <QTimeZone>

namespace pincart::server {

DeliveryPromise promiseFor(const Warehouse &warehouse, int tatHours, const QDateTime &now)
{
    const QTimeZone india(IndiaUtcOffsetSeconds);
    const QDateTime local = now.toTimeZone(india);
    const QDate today = local.date();
    const int minuteOfDay = local.time().msecsSinceStartOfDay() / 60'000;
    const QDate dispatchDay = minuteOfDay < warehouse.cutoffMinutes ? today : today.addDays(1);
    const QDateTime arrival = QDateTime(dispatchDay, QTime(0, 0), india)
                                  .addSecs(qint64(warehouse.cutoffMinutes) * 60
                                           + qint64(warehouse.handlingHours + tatHours) * 3600);
    DeliveryPromise promise;
    promise.tatHours = tatHours;
    promise.promiseDate = arrival.toTimeZone(india).date();
    promise.etaDays = int(today.daysTo(promise.promiseDate));
    return promise;
}

} // namespace pincart::server

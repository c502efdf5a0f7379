#include "deliverypromise.h"

namespace pincart::server {

namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 DayMinutes = 24 * 60;

// Whole minutes since 1970-01-01 00:00 India time. India has one fixed offset, so this is plain
// arithmetic (no time zone lookups on the serviceability path).
qint64 indiaMinutes(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch() + qint64(IndiaUtcOffsetSeconds) * 1000;
    return ms >= 0 ? ms / MinuteMs : (ms - MinuteMs + 1) / MinuteMs;
}

QDate dateOfMinute(qint64 minutes)
{
    const qint64 day
        = minutes >= 0 ? minutes / DayMinutes : (minutes - DayMinutes + 1) / DayMinutes;
    return QDate(1970, 1, 1).addDays(day);
}

} // namespace

DeliveryPromise promiseFor(const Warehouse &warehouse, int tatHours, const QDateTime &now)
{
    const qint64 nowMinutes = indiaMinutes(now);
    const qint64 todayStart = nowMinutes - (((nowMinutes % DayMinutes) + DayMinutes) % DayMinutes);
    const bool beforeCutoff = nowMinutes - todayStart < warehouse.cutoffMinutes;
    const qint64 dispatchDayStart = beforeCutoff ? todayStart : todayStart + DayMinutes;
    const qint64 arrival = dispatchDayStart + warehouse.cutoffMinutes
                           + qint64(warehouse.handlingHours + tatHours) * 60;
    DeliveryPromise promise;
    promise.tatHours = tatHours;
    promise.promiseDate = dateOfMinute(arrival);
    promise.etaDays = int(
        (arrival - (((arrival % DayMinutes) + DayMinutes) % DayMinutes) - todayStart) / DayMinutes);
    return promise;
}

} // namespace pincart::server

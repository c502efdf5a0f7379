#pragma once

#include <QDateTime>

#include <atomic>

namespace pincart::server {

// Where services get the time from, so expiry, cut-offs and windows are testable.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock tests set by hand. Thread-safe.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start)
        : m_ms(start.toMSecsSinceEpoch())
    {}
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_ms.load(), Qt::UTC); }
    void advance(qint64 ms) { m_ms += ms; }
    void set(const QDateTime &t) { m_ms = t.toMSecsSinceEpoch(); }

private:
    std::atomic<qint64> m_ms;
};

} // namespace pincart::server

#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <array>
#include <atomic>
#include <deque>
#include <functional>

namespace pincart::server {

// Prometheus metrics shared by every worker: counters and latency histograms per route, updated
// with relaxed atomics (no lock on the request path), rendered in the text exposition format.
class Metrics
{
public:
    static constexpr std::array<double, 12> BucketsMs{0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000, 5000};

    // Registers a route label (idempotent) before serving starts; returns its index.
    int routeIndex(const QByteArray &name);
    void observe(int routeIndex, int status, double elapsedMs);
    void connectionOpened() { m_openConnections.fetch_add(1, std::memory_order_relaxed); }
    void connectionClosed() { m_openConnections.fetch_sub(1, std::memory_order_relaxed); }
    void connectionRejected() { m_rejectedConnections.fetch_add(1, std::memory_order_relaxed); }
    void databaseError() { m_databaseErrors.fetch_add(1, std::memory_order_relaxed); }

    // Extra lines computed at scrape time (consumer lag, cache hit counts).
    void addGaugeSource(std::function<QByteArray()> source);

    QByteArray render() const;

private:
    struct RouteStats
    {
        QByteArray name;
        std::array<std::atomic<quint64>, 6> byStatusClass{}; // 1xx..5xx, index 1..5
        std::array<std::atomic<quint64>, BucketsMs.size() + 1> buckets{};
        std::atomic<quint64> count{0};
        std::atomic<quint64> sumMicros{0};
    };

    mutable QMutex m_mutex; // guards registration and m_sources; stats themselves are atomic
    std::deque<RouteStats> m_routes; // deque: stable addresses while registering
    QList<std::function<QByteArray()>> m_sources;
    std::atomic<qint64> m_openConnections{0};
    std::atomic<quint64> m_rejectedConnections{0};
    std::atomic<quint64> m_databaseErrors{0};
};

} // namespace pincart::server

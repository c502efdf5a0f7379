#include "metrics.h"

namespace pincart::server {

int Metrics::routeIndex(const QByteArray &name)
{
    QMutexLocker lock(&m_mutex);
    for (size_t i = 0; i < m_routes.size(); ++i) {
        if (m_routes[i].name == name)
            return int(i);
    }
    m_routes.emplace_back();
    m_routes.back().name = name;
    return int(m_routes.size() - 1);
}

void Metrics::observe(int routeIndex, int status, double elapsedMs)
{
    RouteStats &r = m_routes[size_t(routeIndex)];
    const int cls = qBound(1, status / 100, 5);
    r.byStatusClass[size_t(cls)].fetch_add(1, std::memory_order_relaxed);
    size_t b = 0;
    while (b < BucketsMs.size() && elapsedMs > BucketsMs[b])
        ++b;
    r.buckets[b].fetch_add(1, std::memory_order_relaxed);
    r.count.fetch_add(1, std::memory_order_relaxed);
    r.sumMicros.fetch_add(quint64(elapsedMs * 1000.0), std::memory_order_relaxed);
    if (status >= 500 && status != 503)
        databaseError();
}

void Metrics::addGaugeSource(std::function<QByteArray()> source)
{
    QMutexLocker lock(&m_mutex);
    m_sources.append(std::move(source));
}

QByteArray Metrics::render() const
{
    QMutexLocker lock(&m_mutex);
    QByteArray out;
    out.reserve(16384);
    out += "# HELP pincart_http_requests_total HTTP requests by route and status class.\n"
           "# TYPE pincart_http_requests_total counter\n";
    for (const RouteStats &r : m_routes) {
        for (int cls = 1; cls <= 5; ++cls) {
            const quint64 n = r.byStatusClass[size_t(cls)].load(std::memory_order_relaxed);
            if (n)
                out += "pincart_http_requests_total{route=\"" + r.name + "\",code=\"" + QByteArray::number(cls) + "xx\"} "
                       + QByteArray::number(n) + '\n';
        }
    }
    out += "# HELP pincart_http_request_duration_seconds Time from parsed request to written answer.\n"
           "# TYPE pincart_http_request_duration_seconds histogram\n";
    for (const RouteStats &r : m_routes) {
        const quint64 count = r.count.load(std::memory_order_relaxed);
        if (!count)
            continue;
        const QByteArray label = "route=\"" + r.name + "\"";
        quint64 cumulative = 0;
        for (size_t b = 0; b < BucketsMs.size(); ++b) {
            cumulative += r.buckets[b].load(std::memory_order_relaxed);
            out += "pincart_http_request_duration_seconds_bucket{" + label + ",le=\""
                   + QByteArray::number(BucketsMs[b] / 1000.0) + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        cumulative += r.buckets[BucketsMs.size()].load(std::memory_order_relaxed);
        out += "pincart_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} "
               + QByteArray::number(cumulative) + '\n';
        out += "pincart_http_request_duration_seconds_sum{" + label + "} "
               + QByteArray::number(double(r.sumMicros.load(std::memory_order_relaxed)) / 1e6) + '\n';
        out += "pincart_http_request_duration_seconds_count{" + label + "} " + QByteArray::number(count) + '\n';
    }
    out += "# HELP pincart_open_connections Client connections open now.\n"
           "# TYPE pincart_open_connections gauge\n"
           "pincart_open_connections " + QByteArray::number(m_openConnections.load()) + '\n';
    out += "# HELP pincart_rejected_connections_total Connections refused at the connection cap.\n"
           "# TYPE pincart_rejected_connections_total counter\n"
           "pincart_rejected_connections_total " + QByteArray::number(m_rejectedConnections.load()) + '\n';
    out += "# HELP pincart_server_errors_total Answers with a 5xx status other than 503 (storage failures, bugs).\n"
           "# TYPE pincart_server_errors_total counter\n"
           "pincart_server_errors_total " + QByteArray::number(m_databaseErrors.load()) + '\n';
    for (const auto &source : m_sources)
        out += source();
    return out;
}

} // namespace pincart::server

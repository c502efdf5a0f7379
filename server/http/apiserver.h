#pragma once

#include "accesslog.h"
#include "httpresponse.h"

#include <map>
#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>

class QTcpSocket;

namespace pincart::server {

class HandlerPool;
class Listener;
class Metrics;
class RouteHandlers;

// One I/O thread's HTTP front. QAbstractHttpServer parses; this class routes through the Router,
// answers inline routes at once and hands the others to the HandlerPool, then writes each whole
// answer in one socket write (compact JSON, explicit Content-Length).
//
// QtHttpServer 6.4 crashes when its own responders answer after the client left, and sends
// pipelined answers out of order (ARCHITECTURE.md). Neither applies here: answers are our bytes,
// written on this thread only while the socket still exists (a QPointer), and a socket's answers
// go out in the order its requests came, whichever thread finished first.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    // `pool` null: every route runs inline (tools and tests that want one thread).
    ApiServer(const RouteHandlers &handlers, HandlerPool *pool, Metrics &metrics, AccessLog &log,
              qint64 maxBodyBytes, QObject *parent = nullptr);

    void setListener(Listener *listener) { m_listener = listener; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // What is known about a request when its answer is written: for the socket and the metrics.
    struct Exchange
    {
        QByteArrayView method;
        int routeIndex = -1;
        bool closeConnection = false;
        QElapsedTimer timer;
        QByteArray target; // path and query, for the access log only
    };
    // The order of one socket's answers, once it has had a request on the pool.
    struct Pipeline
    {
        quint64 next = 0;    // sequence number of the next request
        quint64 written = 0; // sequence number of the next answer to write
        std::map<quint64, std::pair<Exchange, HttpResponse>> waiting;
    };

    HttpResponse route(const QHttpServerRequest &request, Exchange &exchange, QTcpSocket *socket);
    void answer(QTcpSocket *socket, quint64 sequence, Exchange exchange, HttpResponse response);
    void write(QTcpSocket *socket, const Exchange &exchange, const HttpResponse &response);
    Pipeline &pipeline(QTcpSocket *socket);

    const RouteHandlers &m_handlers;
    HandlerPool *m_pool;
    Metrics &m_metrics;
    AccessLog &m_log;
    qint64 m_maxBodyBytes;
    Listener *m_listener = nullptr;
    QHash<QTcpSocket *, Pipeline> m_pipelines;
    QList<int> m_metricIndex; // router index -> metrics index
    int m_unmatchedMetric;
};

} // namespace pincart::server

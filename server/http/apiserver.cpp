#include "apiserver.h"

#include "handlerpool.h"
#include "listener.h"
#include "metrics.h"
#include "routehandlers.h"
#include "router.h"

#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "pincart.http")

namespace pincart::server {

namespace {

// route()'s answer for a request it queued on the pool: answer() writes the real one later.
constexpr int QueuedStatus = 0;

QByteArrayView methodName(QHttpServerRequest::Method m)
{
    using M = QHttpServerRequest::Method;
    switch (m) {
    case M::Get: return "GET";
    case M::Put: return "PUT";
    case M::Delete: return "DELETE";
    case M::Post: return "POST";
    case M::Head: return "HEAD";
    case M::Options: return "OPTIONS";
    case M::Patch: return "PATCH";
    default: return "OTHER";
    }
}

} // namespace

ApiServer::ApiServer(const RouteHandlers &handlers, HandlerPool *pool, Metrics &metrics,
                     AccessLog &log, qint64 maxBodyBytes, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handlers(handlers)
    , m_pool(pool)
    , m_metrics(metrics)
    , m_log(log)
    , m_maxBodyBytes(maxBodyBytes)
{
    const Router &router = m_handlers.router();
    for (int i = 0; i < router.size(); ++i)
        m_metricIndex << m_metrics.routeIndex(router.name(i));
    m_unmatchedMetric = m_metrics.routeIndex("unmatched");
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Exchange exchange;
    exchange.timer.start();
    exchange.method = methodName(request.method());
    // QtHttpServer 6.4 ignores "Connection: close"; honour it here.
    exchange.closeConnection
        = request.value("connection").compare("close", Qt::CaseInsensitive) == 0;
    if (m_log.enabled())
        exchange.target = request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);

    HttpResponse response = route(request, exchange, socket);
    if (response.status == QueuedStatus)
        return true; // on the pool; answer() writes it
    // An earlier request of this socket is still on the pool: this answer waits for it.
    if (auto it = m_pipelines.find(socket); it != m_pipelines.end() && it->written != it->next)
        answer(socket, it->next++, std::move(exchange), std::move(response));
    else
        write(socket, exchange, response);
    return true;
}

// The answer, or QueuedStatus when the request went to the pool.
HttpResponse ApiServer::route(const QHttpServerRequest &request, Exchange &exchange,
                              QTcpSocket *socket)
{
    const Router &router = m_handlers.router();
    const QString path = request.url().path();
    Router::Match match = router.match(exchange.method, path);
    if (match.routeIndex < 0) {
        if (!match.allow.isEmpty()) {
            HttpResponse r = HttpResponse::problem(
                DomainError::badRequest(QStringLiteral("This resource does not take %1")
                                            .arg(QString::fromLatin1(exchange.method))),
                405);
            r.addHeader("Allow", match.allow);
            return r;
        }
        return HttpResponse::problem(
            DomainError::notFound(QStringLiteral("No such resource: ") + path.left(200)));
    }
    const int index = match.routeIndex;
    exchange.routeIndex = index;
    const qint64 limit = router.maxBody(index) ? router.maxBody(index) : m_maxBodyBytes;
    if (request.body().size() > limit)
        return HttpResponse::problem(
            DomainError::tooLarge(QStringLiteral("The body exceeds %1 bytes").arg(limit)));

    RequestData data(request, exchange.method, std::move(match.params));
    if (!m_pool || router.runsInline(index)) {
        data.onIoThread = m_pool != nullptr;
        Request req(data, m_handlers.tokens(), m_handlers.principalCheck());
        HttpResponse response = router.handler(index)(req);
        if (!response.isHandOff())
            return response;
        data.onIoThread = false; // a cache miss: the pool reads through
    }

    data.detach(); // the pool runs it after QtHttpServer has reused `request`
    const quint64 sequence = pipeline(socket).next++;
    QPointer<QTcpSocket> guard(socket);
    const bool queued = m_pool->submit(
        [this, guard, sequence, index, data, exchange](const RouteHandlers &handlers) {
            Request req(data, handlers.tokens(), handlers.principalCheck());
            HttpResponse response = handlers.router().handler(index)(req);
            // Back to this server's thread, which owns the socket.
            QMetaObject::invokeMethod(
                this,
                [this, guard, sequence, exchange, response] {
                    if (!guard) // the client may have gone meanwhile
                        return;
                    answer(guard, sequence, exchange, response);
                    // A buffered QTcpSocket only queues what write() gives it and arms its
                    // write notifier, so the bytes would wait for one more pass of the event
                    // loop (a poll over every socket) that this wake-up exists to avoid.
                    // Inline answers are not flushed: written while the loop works through a
                    // batch of readable sockets, they leave together after it, which measured
                    // less CPU and a lower p99 per request (bench/README.md).
                    guard->flush();
                },
                Qt::QueuedConnection);
        });
    if (!queued)
        answer(socket, sequence, exchange,
               HttpResponse::problem(
                   DomainError::unavailable(QStringLiteral("The server is busy; try again"))));
    return HttpResponse{QueuedStatus, {}, {}, {}};
}

ApiServer::Pipeline &ApiServer::pipeline(QTcpSocket *socket)
{
    auto it = m_pipelines.find(socket);
    if (it == m_pipelines.end()) {
        it = m_pipelines.insert(socket, Pipeline{});
        connect(socket, &QObject::destroyed, this, [this, socket] { m_pipelines.remove(socket); });
    }
    return *it;
}

void ApiServer::answer(QTcpSocket *socket, quint64 sequence, Exchange exchange,
                       HttpResponse response)
{
    Pipeline &p = pipeline(socket);
    if (sequence != p.written) {
        p.waiting.emplace(sequence, std::make_pair(std::move(exchange), std::move(response)));
        return;
    }
    write(socket, exchange, response);
    ++p.written;
    for (auto w = p.waiting.begin(); w != p.waiting.end() && w->first == p.written;
         w = p.waiting.erase(w)) {
        write(socket, w->second.first, w->second.second);
        ++p.written;
    }
}

void ApiServer::write(QTcpSocket *socket, const Exchange &exchange, const HttpResponse &response)
{
    socket->write(response.toBytes(exchange.method != "HEAD", exchange.closeConnection));
    if (exchange.closeConnection)
        socket->disconnectFromHost();
    if (m_listener)
        m_listener->requestAnswered(socket);

    const double ms = double(exchange.timer.nsecsElapsed()) / 1e6;
    const int route = exchange.routeIndex;
    m_metrics.observe(route >= 0 ? m_metricIndex.at(route) : m_unmatchedMetric, response.status,
                      ms);
    if (m_log.enabled())
        m_log.record(socket->peerAddress().toString().toLatin1(), exchange.method, exchange.target,
                     response.status, response.body.size(), ms);
    if (response.status >= 500 && response.status != 503)
        qCWarning(lcHttp) << (route >= 0 ? m_handlers.router().name(route) : QByteArray())
                          << "answered" << response.status;
}

void ApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest answers everything, unknown paths included.
}

} // namespace pincart::server

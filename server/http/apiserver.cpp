#include "apiserver.h"

#include "listener.h"
#include "metrics.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "pincart.http")

namespace pincart::server {

namespace {

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

ApiServer::ApiServer(Router &router, Metrics &metrics, const TokenService &tokens, AccessLog &log,
                     qint64 maxBodyBytes, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_metrics(metrics)
    , m_tokens(tokens)
    , m_log(log)
    , m_maxBodyBytes(maxBodyBytes)
{
    for (int i = 0; i < m_router.size(); ++i)
        m_metricIndex << m_metrics.routeIndex(m_router.name(i));
    m_unmatchedMetric = m_metrics.routeIndex("unmatched");
}

HttpResponse ApiServer::dispatch(const QHttpServerRequest &request, QByteArrayView method, int &routeIndex)
{
    const QString path = request.url().path();
    Router::Match match = m_router.match(method, path);
    if (match.routeIndex < 0) {
        if (!match.allow.isEmpty()) {
            HttpResponse r = HttpResponse::problem(
                DomainError::badRequest(QStringLiteral("This resource does not take %1").arg(QString::fromLatin1(method))), 405);
            r.addHeader("Allow", match.allow);
            return r;
        }
        return HttpResponse::problem(DomainError::notFound(QStringLiteral("No such resource: ") + path.left(200)));
    }
    routeIndex = match.routeIndex;
    const qint64 limit = m_router.maxBody(match.routeIndex) ? m_router.maxBody(match.routeIndex) : m_maxBodyBytes;
    if (request.body().size() > limit)
        return HttpResponse::problem(DomainError::tooLarge(QStringLiteral("The body exceeds %1 bytes").arg(limit)));
    Request req(request, method, std::move(match.params), m_tokens, m_check);
    return m_router.handler(match.routeIndex)(req);
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    const QByteArrayView method = methodName(request.method());
    int routeIndex = -1;
    HttpResponse r = dispatch(request, method, routeIndex);

    QByteArray out;
    out.reserve(160 + r.body.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(r.status);
    out += ' ';
    out += reasonPhrase(r.status);
    out += "\r\n";
    if (!r.contentType.isEmpty()) {
        out += "Content-Type: ";
        out += r.contentType;
        out += "\r\n";
    }
    for (const auto &[name, value] : r.headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += "Content-Length: ";
    out += QByteArray::number(r.body.size());
    // QtHttpServer 6.4 ignores "Connection: close"; honour it here.
    const bool close = request.value("connection").compare("close", Qt::CaseInsensitive) == 0;
    out += close ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n";
    if (method != "HEAD")
        out += r.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
    if (m_listener)
        m_listener->requestAnswered(socket);

    const double ms = double(timer.nsecsElapsed()) / 1e6;
    m_metrics.observe(routeIndex >= 0 ? m_metricIndex.at(routeIndex) : m_unmatchedMetric, r.status, ms);
    if (m_log.enabled())
        m_log.record(socket->peerAddress().toString().toLatin1(), method,
                     request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority), r.status,
                     r.body.size(), ms);
    if (r.status >= 500 && r.status != 503)
        qCWarning(lcHttp) << method << request.url().path() << "answered" << r.status;
    return true;
}

void ApiServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest answers everything, unknown paths included.
}

} // namespace pincart::server

#pragma once

#include "accesslog.h"
#include "router.h"

#include <QAbstractHttpServer>

namespace pincart::server {

class Listener;
class Metrics;
class TokenService;

// One worker's HTTP front: QAbstractHttpServer parses, this class routes through Router, runs the
// handler synchronously (QtHttpServer 6.4 crashes on deferred answers, see ARCHITECTURE.md) and
// writes the whole answer in one socket write, compact JSON and all.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    ApiServer(Router &router, Metrics &metrics, const TokenService &tokens, AccessLog &log,
              qint64 maxBodyBytes, QObject *parent = nullptr);

    void setListener(Listener *listener) { m_listener = listener; }
    void setPrincipalCheck(PrincipalCheck check) { m_check = std::move(check); }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpResponse dispatch(const QHttpServerRequest &request, QByteArrayView method, int &routeIndex);

    Router &m_router;
    Metrics &m_metrics;
    const TokenService &m_tokens;
    AccessLog &m_log;
    qint64 m_maxBodyBytes;
    Listener *m_listener = nullptr;
    PrincipalCheck m_check;
    QList<int> m_metricIndex; // router index -> metrics index
    int m_unmatchedMetric;
};

} // namespace pincart::server

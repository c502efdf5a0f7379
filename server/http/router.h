#pragma once

#include "httpresponse.h"
#include "request.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace pincart::server {

// Method + path routing over segments ("/api/v1/items/{id}"; `{id}` matches a positive integer).
// Unlike QHttpServer's regex scan, a miss costs a few segment compares, and a known path with the
// wrong method answers 405 with Allow.
class Router
{
public:
    using Handler = std::function<HttpResponse(Request &)>;

    struct Match
    {
        int routeIndex = -1; // -1: no route
        QList<qint64> params;
        QByteArray allow;    // when the path exists for other methods
    };

    // `maxBodyBytes` 0: the server's default limit.
    void add(QByteArray method, const QString &pattern, Handler handler, qint64 maxBodyBytes = 0);
    qint64 maxBody(int index) const { return m_routes.at(index).maxBody; }
    Match match(QByteArrayView method, QStringView path) const;
    const Handler &handler(int index) const { return m_routes.at(index).handler; }
    // "GET /api/v1/items/{id}": the label of the route in metrics and logs.
    const QByteArray &name(int index) const { return m_routes.at(index).name; }
    int size() const { return int(m_routes.size()); }

private:
    struct Route
    {
        QByteArray method;
        QStringList segments; // "{}" for a parameter
        QByteArray name;
        Handler handler;
        qint64 maxBody = 0;
    };
    QList<Route> m_routes;
};

} // namespace pincart::server

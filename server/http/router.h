#pragma once

#include "httpresponse.h"
#include "request.h"

#include <functional>
#include <QByteArray>
#include <QList>
#include <QString>

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
        QByteArray allow; // when the path exists for other methods
    };

    // A route run on the handler pool (HandlerPool): it may wait on the database.
    // `maxBodyBytes` 0: the server's default limit.
    void add(QByteArray method, const QString &pattern, Handler handler, qint64 maxBodyBytes = 0);
    // A route answered on the I/O thread that parsed it: from memory, in microseconds, so handing
    // it to another thread would cost more than it saves. It may touch the database on a cache
    // miss (the I/O thread has its own connection), never for long.
    void addInline(QByteArray method, const QString &pattern, Handler handler);
    bool runsInline(int index) const { return m_routes.at(index).runsInline; }
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
        bool runsInline = false;
    };
    QList<Route> m_routes;
};

} // namespace pincart::server

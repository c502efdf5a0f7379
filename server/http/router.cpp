#include "router.h"

namespace pincart::server {

void Router::add(QByteArray method, const QString &pattern, Handler handler, qint64 maxBodyBytes)
{
    Route r;
    r.maxBody = maxBodyBytes;
    r.name = method + ' ' + pattern.toUtf8();
    r.method = std::move(method);
    const QStringList parts = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts)
        r.segments << (part.startsWith(QLatin1Char('{')) ? QStringLiteral("{}") : part);
    r.handler = std::move(handler);
    m_routes.append(std::move(r));
}

void Router::addInline(QByteArray method, const QString &pattern, Handler handler)
{
    add(std::move(method), pattern, std::move(handler));
    m_routes.last().runsInline = true;
}

Router::Match Router::match(QByteArrayView method, QStringView path) const
{
    Match result;
    const auto parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (int i = 0; i < m_routes.size(); ++i) {
        const Route &r = m_routes.at(i);
        if (r.segments.size() != parts.size())
            continue;
        QList<qint64> params;
        bool matched = true;
        for (qsizetype s = 0; s < parts.size() && matched; ++s) {
            if (r.segments.at(s) == QLatin1String("{}")) {
                bool ok = false;
                const qint64 v = parts.at(s).size() <= 18 ? parts.at(s).toLongLong(&ok) : 0;
                matched = ok && v > 0;
                params << v;
            } else {
                matched = r.segments.at(s) == parts.at(s);
            }
        }
        if (!matched)
            continue;
        if (r.method == method) {
            result.routeIndex = i;
            result.params = std::move(params);
            return result;
        }
        result.allow += (result.allow.isEmpty() ? "" : ", ") + r.method;
    }
    return result;
}

} // namespace pincart::server

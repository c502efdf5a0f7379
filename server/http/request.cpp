#include "request.h"

#include "jsonreader.h"
#include "tokenservice.h"

#include <QHttpServerRequest>

namespace pincart::server {

RequestData::RequestData(const QHttpServerRequest &raw, QByteArrayView methodName,
                         QList<qint64> pathParams)
    : method(methodName)
    , params(std::move(pathParams))
    , body(raw.body())
    , query(raw.query())
    , m_raw(&raw)
{}

void RequestData::detach()
{
    if (m_raw)
        m_headers = m_raw->headers();
    m_raw = nullptr;
}

QByteArray RequestData::header(const QByteArray &lowerCaseName) const
{
    if (m_raw)
        return m_raw->value(lowerCaseName);
    for (const auto &[name, value] : m_headers) {
        if (name.compare(lowerCaseName, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Request::Request(const RequestData &data, const TokenService &tokens, const PrincipalCheck &check)
    : m_data(data)
    , m_tokens(tokens)
    , m_check(check)
{}

QString Request::query(const QString &name) const
{
    return m_data.query.queryItemValue(name, QUrl::FullyDecoded);
}

bool Request::hasQuery(const QString &name) const
{
    return m_data.query.hasQueryItem(name);
}

Result<std::optional<qint64>> Request::queryInteger(const QString &name, qint64 min,
                                                    qint64 max) const
{
    if (!hasQuery(name))
        return std::optional<qint64>();
    bool ok = false;
    const qint64 v = query(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        return DomainError::validation(
            name, QStringLiteral("must be an integer from %1 to %2").arg(min).arg(max));
    return std::optional<qint64>(v);
}

Result<Principal> Request::principal() const
{
    if (!m_principal) {
        const QByteArray auth = header("authorization");
        if (auth.isEmpty()) {
            m_principal = Principal{};
        } else if (!auth.startsWith("Bearer ")) {
            m_principal = DomainError::unauthorized(QStringLiteral("Use a Bearer token"));
        } else {
            auto verified = m_tokens.verify(QByteArrayView(auth).sliced(7).trimmed());
            m_principal = verified && m_check ? m_check(*verified) : verified;
        }
    }
    return *m_principal;
}

Result<Principal> Request::require(Roles anyOf) const
{
    auto p = principal();
    if (!p)
        return p;
    if (!p->isAuthenticated())
        return DomainError::unauthorized();
    if (anyOf && !(p->roles & anyOf))
        return DomainError::forbidden(QStringLiteral("This needs the role: %1")
                                          .arg(roleNames(anyOf).join(QStringLiteral(" or "))));
    return p;
}

Result<QJsonObject> Request::jsonBody() const
{
    const QByteArray type = header("content-type");
    if (!type.isEmpty() && !type.startsWith("application/json"))
        return DomainError::badRequest(QStringLiteral("Send the body as application/json"));
    return parseJsonObject(m_data.body);
}

} // namespace pincart::server

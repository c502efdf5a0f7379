#pragma once

#include "principal.h"
#include "result.h"

#include <functional>
#include <optional>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrlQuery>

class QHttpServerRequest;

namespace pincart::server {

class TokenService;

// Confirms a verified token's principal against the account as it is now: a disabled account is
// refused and roles come from the account, so a demotion takes effect at once, not at expiry.
using PrincipalCheck = std::function<Result<Principal>(const Principal &)>;

// What a request carries. Parsed on the thread that owns its socket; detach() copies what it
// still borrows from QtHttpServer (the headers) so a handler thread can run it later.
struct RequestData
{
    QByteArrayView method; // a string literal ("GET", ...)
    bool onIoThread
        = false;          // an inline route's first try: it must not wait (HttpResponse::handOff)
    QList<qint64> params; // the route's {id} segments
    QByteArray body;
    QUrlQuery query;

    RequestData(const QHttpServerRequest &raw, QByteArrayView methodName, QList<qint64> pathParams);
    void detach();
    QByteArray header(const QByteArray &lowerCaseName) const;

private:
    const QHttpServerRequest *m_raw; // null once detached
    QList<QPair<QByteArray, QByteArray>> m_headers;
};

// One request as handlers see it: path parameters, query, body and the caller, verified lazily
// through the token service and account check of the thread that runs the handler.
class Request
{
public:
    Request(const RequestData &data, const TokenService &tokens, const PrincipalCheck &check);

    QByteArrayView method() const { return m_data.method; }
    // True while an inline route runs on the I/O thread: it answers from memory or hands off.
    bool mustNotWait() const { return m_data.onIoThread; }
    qint64 param(int index = 0) const { return m_data.params.value(index); }
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return m_data.header(lowerCaseName);
    }
    const QByteArray &body() const { return m_data.body; }

    // Query parameter access with parsing and field errors named after the parameter.
    QString query(const QString &name) const;
    bool hasQuery(const QString &name) const;
    const QUrlQuery &queryItems() const { return m_data.query; }
    // nullopt + error when present but not an integer within [min, max].
    Result<std::optional<qint64>> queryInteger(const QString &name, qint64 min, qint64 max) const;

    // The caller: anonymous (id 0) without an Authorization header; Unauthorized for a bad one.
    Result<Principal> principal() const;
    // The caller, who must be authenticated and hold one of `anyOf` (any role when empty).
    Result<Principal> require(Roles anyOf = {}) const;
    // The body as a JSON object (Content-Type application/json).
    Result<QJsonObject> jsonBody() const;

private:
    const RequestData &m_data;
    const TokenService &m_tokens;
    const PrincipalCheck &m_check;
    mutable std::optional<Result<Principal>> m_principal;
};

} // namespace pincart::server

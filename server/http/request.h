#pragma once

#include "principal.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QHttpServerRequest;

namespace pincart::server {

class TokenService;

// Confirms a verified token's principal against the account as it is now: a disabled account is
// refused and roles come from the account, so a demotion takes effect at once, not at expiry.
using PrincipalCheck = std::function<Result<Principal>(const Principal &)>;

// One request as handlers see it: path parameters, query, body and the caller, verified lazily.
class Request
{
public:
    Request(const QHttpServerRequest &raw, QByteArrayView method, QList<qint64> params,
            const TokenService &tokens, const PrincipalCheck &check);

    QByteArrayView method() const { return m_method; }
    qint64 param(int index = 0) const { return m_params.value(index); }
    QByteArray header(const QByteArray &lowerCaseName) const;
    const QByteArray &body() const { return m_body; }

    // Query parameter access with parsing and field errors named after the parameter.
    QString query(const QString &name) const;
    bool hasQuery(const QString &name) const;
    const QUrlQuery &queryItems() const { return m_query; }
    // nullopt + error when present but not an integer within [min, max].
    Result<std::optional<qint64>> queryInteger(const QString &name, qint64 min, qint64 max) const;

    // The caller: anonymous (id 0) without an Authorization header; Unauthorized for a bad one.
    Result<Principal> principal() const;
    // The caller, who must be authenticated and hold one of `anyOf` (any role when empty).
    Result<Principal> require(Roles anyOf = {}) const;
    // The body as a JSON object (Content-Type application/json).
    Result<QJsonObject> jsonBody() const;

private:
    const QHttpServerRequest &m_raw;
    QByteArrayView m_method;
    QList<qint64> m_params;
    const TokenService &m_tokens;
    const PrincipalCheck &m_check;
    QByteArray m_body;
    QUrlQuery m_query;
    mutable std::optional<Result<Principal>> m_principal;
};

} // namespace pincart::server

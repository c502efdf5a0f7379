#pragma once

#include "domainerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace pincart::server {

// What a handler answers; the HTTP layer serialises it once, in one socket write.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    HttpResponse &addHeader(QByteArray name, QByteArray value)
    {
        headers.append(qMakePair(std::move(name), std::move(value)));
        return *this;
    }

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse rawJson(QByteArray body, int status = 200);
    static HttpResponse text(QByteArray body, QByteArray contentType, int status = 200);
    static HttpResponse noContent();
    // The one mapping from DomainError to status and application/problem+json.
    // `status` overrides the kind's status for the few HTTP-only cases (405).
    static HttpResponse problem(const DomainError &error, int status = 0);
    // From an inline route that would have to wait on the database (a cache miss): run me on
    // the handler pool instead (Router::addInline).
    static HttpResponse handOff() { return {HandOffStatus, {}, {}, {}}; }
    bool isHandOff() const { return status == HandOffStatus; }
    static constexpr int HandOffStatus = -1;

    // The whole HTTP/1.1 answer as written to the socket. HEAD answers leave the body out.
    QByteArray toBytes(bool withBody, bool closeConnection) const;
};

int httpStatusFor(DomainError::Kind kind);
QByteArray reasonPhrase(int status);

} // namespace pincart::server

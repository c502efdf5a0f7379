#include "httpresponse.h"

#include "jsonkeys.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pincart::server {

namespace k = keys;

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return rawJson(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

HttpResponse HttpResponse::rawJson(QByteArray body, int status)
{
    return {status, "application/json", std::move(body), {}};
}

HttpResponse HttpResponse::text(QByteArray body, QByteArray contentType, int status)
{
    return {status, std::move(contentType), std::move(body), {}};
}

HttpResponse HttpResponse::noContent()
{
    return {204, QByteArray(), QByteArray(), {}};
}

QByteArray HttpResponse::toBytes(bool withBody, bool closeConnection) const
{
    QByteArray out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";
    if (!contentType.isEmpty()) {
        out += "Content-Type: ";
        out += contentType;
        out += "\r\n";
    }
    for (const auto &[name, value] : headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += "Content-Length: ";
    out += QByteArray::number(body.size());
    out += closeConnection ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n";
    if (withBody)
        out += body;
    return out;
}

int httpStatusFor(DomainError::Kind kind)
{
    using K = DomainError::Kind;
    switch (kind) {
    case K::BadRequest:
        return 400;
    case K::Unauthorized:
        return 401;
    case K::Forbidden:
        return 403;
    case K::NotFound:
        return 404;
    case K::Conflict:
        return 409;
    case K::Validation:
        return 422;
    case K::PayloadTooLarge:
        return 413;
    case K::RateLimited:
        return 429;
    case K::Unavailable:
        return 503;
    case K::Internal:
    case K::Network:
        return 500;
    }
    return 500;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status < 400 ? "OK" : "Error";
    }
}

HttpResponse HttpResponse::problem(const DomainError &error, int statusOverride)
{
    const int status = statusOverride ? statusOverride : httpStatusFor(error.kind());
    // Internal errors keep their detail in the log: a client learns nothing about our storage.
    const QString detail = status >= 500 && status != 503
        ? QStringLiteral("An internal error occurred; it has been logged")
        : error.message();
    QJsonObject body{{k::ProblemType, QStringLiteral("about:blank")},
                     {k::ProblemTitle, QString::fromLatin1(reasonPhrase(status))},
                     {k::ProblemStatus, status},
                     {k::ProblemDetail, detail}};
    if (!error.fields().isEmpty()) {
        QJsonArray errors;
        for (const FieldError &f : error.fields())
            errors.append(QJsonObject{{k::Field, f.field}, {k::Message, f.message}});
        body.insert(k::ProblemErrors, errors);
    }
    HttpResponse r = json(body, status);
    r.contentType = "application/problem+json";
    if (status == 401)
        r.addHeader("WWW-Authenticate", "Bearer realm=\"pincart\"");
    if (status == 503)
        r.addHeader("Retry-After", "1");
    return r;
}

} // namespace pincart::server

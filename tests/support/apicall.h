#pragma once

#include "apiclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pincart::test {

// Synchronous calls for tests: each sends one real HTTP request through ApiClient and waits for
// its answer (tests may spin an event loop; the client application never does).
class ApiCall
{
public:
    explicit ApiCall(const QUrl &baseUrl);

    ApiClient &client() { return m_client; }
    void setToken(const QByteArray &token) { m_client.setToken(token); }

    ApiResponse send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                     const QByteArray &contentType = "application/json", const HeaderList &headers = {},
                     const QUrlQuery &query = {});
    ApiResponse get(const QString &path, const QUrlQuery &query = {});
    ApiResponse postJson(const QString &path, const QJsonObject &body);
    ApiResponse sendJson(const QByteArray &method, const QString &path, const QJsonObject &body);

    // Logs in and keeps the token; returns it (empty on failure).
    QByteArray login(const QString &email, const QString &password);

private:
    ApiClient m_client;
};

} // namespace pincart::test

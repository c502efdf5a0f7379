#include "apicall.h"

#include "apipaths.h"

#include <QEventLoop>
#include <QTimer>

namespace pincart::test {

ApiCall::ApiCall(const QUrl &baseUrl)
{
    m_client.setBaseUrl(baseUrl);
}

ApiResponse ApiCall::send(const QByteArray &method, const QString &path, const QByteArray &body,
                          const QByteArray &contentType, const HeaderList &headers, const QUrlQuery &query)
{
    ApiResponse result;
    bool done = false;
    QEventLoop loop;
    m_client.send(method, path, query, body, body.isEmpty() ? QByteArray() : contentType, &loop,
                  [&](const ApiResponse &r) {
                      result = r;
                      done = true;
                      loop.quit();
                  },
                  headers);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    if (!done)
        result.networkError = QStringLiteral("no answer within 30 s");
    return result;
}

ApiResponse ApiCall::get(const QString &path, const QUrlQuery &query)
{
    return send("GET", path, {}, {}, {}, query);
}

ApiResponse ApiCall::postJson(const QString &path, const QJsonObject &body)
{
    return sendJson("POST", path, body);
}

ApiResponse ApiCall::sendJson(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QByteArray ApiCall::login(const QString &email, const QString &password)
{
    const ApiResponse r = postJson(paths::login(), {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    const QByteArray token = r.json().value(QStringLiteral("token")).toString().toLatin1();
    m_client.setToken(token);
    return token;
}

} // namespace pincart::test

#include "tokenservice.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace pincart::server {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

TokenService::TokenService(QByteArray key, const Clock &clock, std::chrono::seconds lifetime)
    : m_key(std::move(key))
    , m_clock(clock)
    , m_lifetime(lifetime)
{
    Q_ASSERT(m_key.size() == KeyBytes);
    [[maybe_unused]] const int sodiumReady = sodium_init();
}

QByteArray TokenService::generateKey()
{
    [[maybe_unused]] const int sodiumReady = sodium_init();
    QByteArray key(KeyBytes, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));
    return key;
}

QByteArray TokenService::sign(QByteArrayView payload) const
{
    QByteArray mac(crypto_auth_hmacsha256_BYTES, Qt::Uninitialized);
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_key.constData()),
                                size_t(m_key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(payload.data()),
                                  size_t(payload.size()));
    crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char *>(mac.data()));
    return mac;
}

Session TokenService::issue(const User &user) const
{
    const QDateTime expires = m_clock.now().addSecs(m_lifetime.count());
    const QJsonObject claims{{QStringLiteral("sub"), user.id},
                             {QStringLiteral("roles"), int(user.roles.toInt())},
                             {QStringLiteral("exp"), expires.toSecsSinceEpoch()}};
    const QByteArray payload = QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(Base64Url);
    Session s;
    s.token = payload + '.' + sign(payload).toBase64(Base64Url);
    s.expiresAt = QDateTime::fromSecsSinceEpoch(expires.toSecsSinceEpoch(), Qt::UTC);
    s.user = user;
    return s;
}

Result<Principal> TokenService::verify(QByteArrayView token) const
{
    const auto bad = [] { return DomainError::unauthorized(QStringLiteral("Invalid token")); };
    if (token.size() > 1024)
        return bad();
    const qsizetype dot = token.indexOf('.');
    if (dot <= 0 || dot == token.size() - 1)
        return bad();
    const QByteArrayView payload = token.first(dot);
    const auto mac = QByteArray::fromBase64Encoding(token.sliced(dot + 1).toByteArray(),
                                                    Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!mac || mac.decoded.size() != crypto_auth_hmacsha256_BYTES)
        return bad();
    const QByteArray expected = sign(payload);
    // Constant time: a byte-by-byte early exit would leak how much of a forged MAC is right.
    if (sodium_memcmp(expected.constData(), mac.decoded.constData(), size_t(expected.size())) != 0)
        return bad();
    const auto json = QByteArray::fromBase64Encoding(payload.toByteArray(),
                                                     Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!json)
        return bad();
    const QJsonObject claims = QJsonDocument::fromJson(json.decoded).object();
    const qint64 sub = claims.value(QStringLiteral("sub")).toInteger();
    const qint64 exp = claims.value(QStringLiteral("exp")).toInteger();
    if (sub <= 0 || exp <= 0)
        return bad();
    if (m_clock.now().toSecsSinceEpoch() >= exp)
        return DomainError::unauthorized(QStringLiteral("The token has expired; log in again"));
    return Principal{sub, Roles::fromInt(claims.value(QStringLiteral("roles")).toInt()),
                     QDateTime::fromSecsSinceEpoch(exp, Qt::UTC)};
}

} // namespace pincart::server

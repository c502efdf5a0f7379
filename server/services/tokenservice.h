#pragma once

#include "clock.h"
#include "principal.h"
#include "result.h"
#include "user.h"

#include <QByteArray>

#include <chrono>

namespace pincart::server {

// Bearer tokens: `base64url(payload).base64url(HMAC-SHA256(key, payload))`, the payload a compact
// JSON object {sub, roles, exp}. Stateless, so any server node verifies any token given the shared
// key (kept in the settings table). Immutable after construction: safe to share across threads.
class TokenService
{
public:
    static constexpr int KeyBytes = 32;

    TokenService(QByteArray key, const Clock &clock,
                 std::chrono::seconds lifetime = std::chrono::hours(8));

    Session issue(const User &user) const;
    // Unauthorized when malformed, tampered with or expired.
    Result<Principal> verify(QByteArrayView token) const;

    static QByteArray generateKey();

private:
    QByteArray sign(QByteArrayView payload) const;

    QByteArray m_key;
    const Clock &m_clock;
    std::chrono::seconds m_lifetime;
};

} // namespace pincart::server

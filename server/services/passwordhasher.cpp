#include "passwordhasher.h"

#include <sodium.h>

namespace pincart::server {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

PasswordHasher::PasswordHasher(Cost cost)
    : m_opsLimit(cost == Cost::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                           : crypto_pwhash_OPSLIMIT_MODERATE)
    , m_memLimit(cost == Cost::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                           : crypto_pwhash_MEMLIMIT_MODERATE)
{
    if (auto h = hash(QStringLiteral("pincart-timing-equaliser")))
        m_dummyHash = *h;
}

Result<QString> PasswordHasher::hash(const QString &password) const
{
    if (!sodiumReady())
        return DomainError::internal(QStringLiteral("libsodium failed to initialise"));
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), size_t(utf8.size()), m_opsLimit, m_memLimit,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return DomainError::unavailable(QStringLiteral("Out of memory while hashing a password"));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &encodedHash, const QString &password) const
{
    if (!sodiumReady())
        return false;
    const QByteArray h = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), size_t(utf8.size())) == 0;
}

void PasswordHasher::burnVerification(const QString &password) const
{
    (void)verify(m_dummyHash, password);
}

} // namespace pincart::server

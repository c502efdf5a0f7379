#pragma once

#include "result.h"

#include <QString>

namespace pincart::server {

// Argon2id password hashes through libsodium (crypto_pwhash_str: the encoded string carries its
// own salt and cost parameters, so costs can rise later without breaking old hashes).
class PasswordHasher
{
public:
    enum class Cost { Interactive, Moderate };

    explicit PasswordHasher(Cost cost = Cost::Interactive);

    Result<QString> hash(const QString &password) const;
    bool verify(const QString &encodedHash, const QString &password) const;
    // Spends the time a verification takes, so an unknown e-mail cannot be told from a wrong
    // password by timing.
    void burnVerification(const QString &password) const;

private:
    unsigned long long m_opsLimit;
    size_t m_memLimit;
    QString m_dummyHash;
};

} // namespace pincart::server

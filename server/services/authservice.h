#pragma once

#include "passwordhasher.h"
#include "principal.h"
#include "result.h"
#include "tokenservice.h"
#include "user.h"

#include <QJsonObject>

namespace pincart::server {

class Connection;

struct Registration
{
    QString email;
    QString password;
    QString name;
    QString pincode;
};

// Changes an admin may make to an account; absent fields stay as they are.
struct AccountChange
{
    std::optional<QString> name;
    std::optional<Roles> roles;
    std::optional<QString> pincode;
    std::optional<bool> disabled;
    std::optional<QList<qint64>> warehouseIds;
};

// Users, roles and sessions. One instance per worker thread (it uses that thread's connection).
class AuthService
{
public:
    AuthService(Connection &db, const TokenService &tokens, const PasswordHasher &hasher);

    // A new customer account.
    Result<User> registerCustomer(const Registration &registration);
    Result<Session> login(const QString &email, const QString &password);
    Result<User> currentUser(const Principal &principal);
    // The token's principal checked against the account now (one indexed read): Unauthorized when
    // it was disabled or deleted; the roles are the account's current ones.
    Result<Principal> confirm(const Principal &principal);

    // Admin: create an account of any roles; list; change.
    Result<User> createAccount(const Principal &admin, const Registration &account, Roles roles,
                               const QList<qint64> &warehouseIds);
    Result<QList<User>> listAccounts(const Principal &admin, qint64 afterId, int limit);
    Result<User> changeAccount(const Principal &admin, qint64 userId, const AccountChange &change);

    // Start-up: when no admin exists, creates one from `email`/`password`, or with a generated
    // password that is returned (to be printed once). Returns nullopt when an admin exists.
    Result<std::optional<QString>> ensureAdmin(const QString &email, const QString &password);

    // Decoders for the routes' bodies (shape only; rules are checked by the calls above).
    static Result<Registration> registrationFromJson(const QJsonObject &body);
    static Result<AccountChange> accountChangeFromJson(const QJsonObject &body);

private:
    Result<User> createWithRoles(const Registration &account, Roles roles,
                                 const QList<qint64> &warehouseIds);

    Connection &m_db;
    const TokenService &m_tokens;
    const PasswordHasher &m_hasher;
};

} // namespace pincart::server

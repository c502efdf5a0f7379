#include "authservice.h"

#include "accountcache.h"
#include "codecs.h"
#include "connection.h"
#include "eventlog.h"
#include "jsonkeys.h"
#include "pincoderepository.h"
#include "userrepository.h"
#include "validation.h"

#include <QJsonArray>
#include <sodium.h>

namespace pincart::server {

namespace k = keys;

AuthService::AuthService(Connection &db, const TokenService &tokens, const PasswordHasher &hasher)
    : m_db(db)
    , m_tokens(tokens)
    , m_hasher(hasher)
{}

Result<Registration> AuthService::registrationFromJson(const QJsonObject &body)
{
    JsonReader r(body);
    Registration reg;
    reg.email = r.string(k::Email).value_or(QString()).trimmed();
    reg.password = r.string(k::Password).value_or(QString());
    reg.name = r.string(k::Name).value_or(QString()).trimmed();
    reg.pincode = r.string(k::Pincode, JsonReader::Optional).value_or(QString()).trimmed();
    if (!r.ok())
        return DomainError::validation(r.errors());
    return reg;
}

Result<AccountChange> AuthService::accountChangeFromJson(const QJsonObject &body)
{
    JsonReader r(body);
    AccountChange c;
    c.name = r.string(k::Name, JsonReader::Optional);
    c.pincode = r.string(k::Pincode, JsonReader::Optional);
    c.disabled = r.boolean(k::Disabled, JsonReader::Optional);
    if (const auto roles = r.array(k::Roles, JsonReader::Optional)) {
        QStringList names;
        for (const QJsonValue &v : *roles)
            names << v.toString();
        c.roles = rolesFromNames(names);
        if (!c.roles || names.isEmpty())
            r.addError(
                QString(k::Roles),
                QStringLiteral("must list one or more of customer, supplier, operator, admin"));
    }
    if (const auto ids = r.array(k::WarehouseIds, JsonReader::Optional)) {
        QList<qint64> list;
        for (const QJsonValue &v : *ids) {
            if (!v.isDouble() || v.toDouble() < 1 || v.toDouble() != double(qint64(v.toDouble())))
                r.addError(QString(k::WarehouseIds), QStringLiteral("must be a list of ids"));
            // A repeat would hit user_warehouses' primary key and come back as a bare 409.
            else if (list.contains(qint64(v.toDouble())))
                r.addError(QString(k::WarehouseIds), QStringLiteral("must not list an id twice"));
            else
                list << qint64(v.toDouble());
        }
        c.warehouseIds = list;
    }
    r.rejectUnknown({k::Name, k::Pincode, k::Disabled, k::Roles, k::WarehouseIds});
    if (!r.ok())
        return DomainError::validation(r.errors());
    return c;
}

Result<User> AuthService::createWithRoles(const Registration &reg, Roles roles,
                                          const QList<qint64> &warehouseIds)
{
    QList<FieldError> errors;
    errors << validation::checkEmail(reg.email) << validation::checkPassword(reg.password)
           << validation::checkName(reg.name);
    if (!reg.pincode.isEmpty() || roles == Roles(Role::Customer))
        errors << validation::checkPincode(reg.pincode);
    if (!warehouseIds.isEmpty() && !roles.testFlag(Role::Operator))
        errors.append({QString(k::WarehouseIds), QStringLiteral("only operators have warehouses")});
    if (!errors.isEmpty())
        return DomainError::validation(errors);

    // A well-formed pincode must also exist, when the directory is loaded.
    if (!reg.pincode.isEmpty()) {
        PincodeRepository pincodes(m_db);
        const auto known = pincodes.count();
        if (!known)
            return known.error();
        if (*known > 0) {
            const auto entry = pincodes.find(reg.pincode);
            if (!entry)
                return entry.error();
            if (!*entry)
                return DomainError::validation(
                    QString(k::Pincode), QStringLiteral("is not in the India Post directory"));
        }
    }

    // Hash before the transaction: Argon2id is deliberately slow and must not hold a lock.
    const auto hash = m_hasher.hash(reg.password);
    if (!hash)
        return hash.error();
    User user;
    user.email = reg.email;
    user.name = reg.name;
    user.roles = roles;
    user.pincode = reg.pincode;
    user.warehouseIds = warehouseIds;

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    UserRepository users(m_db);
    auto created = users.create(user, *hash);
    if (!created)
        return created.error();
    // Other parts (recommendations, reports) learn of accounts from the log, never the password.
    if (Status s = EventLog(m_db).append(
            topics::UserCreated, QString::number(created->id),
            {{k::Id, created->id}, {k::Roles, QJsonArray::fromStringList(roleNames(roles))}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return created;
}

Result<User> AuthService::registerCustomer(const Registration &registration)
{
    return createWithRoles(registration, Role::Customer, {});
}

Result<Session> AuthService::login(const QString &email, const QString &password)
{
    const auto wrong = [] {
        return DomainError::unauthorized(QStringLiteral("Wrong e-mail or password"));
    };
    if (email.size() > validation::EmailMax || password.size() > validation::PasswordMax)
        return wrong();
    UserRepository users(m_db);
    const auto stored = users.findByEmail(email.trimmed());
    if (!stored)
        return stored.error();
    if (!*stored) {
        m_hasher.burnVerification(password);
        return wrong();
    }
    if (!m_hasher.verify((*stored)->passwordHash, password))
        return wrong();
    if ((*stored)->user.disabled)
        return DomainError::forbidden(QStringLiteral("This account is disabled"));
    return m_tokens.issue((*stored)->user);
}

Result<User> AuthService::currentUser(const Principal &principal)
{
    UserRepository users(m_db);
    const auto user = users.findById(principal.userId);
    if (!user)
        return user.error();
    if (!*user || (*user)->disabled)
        return DomainError::unauthorized(
            QStringLiteral("The account no longer exists or is disabled"));
    return **user;
}

Result<Principal> AuthService::confirm(const Principal &principal)
{
    // Every authenticated request comes here: this thread's copy of the account when it has a
    // fresh one (see AccountCache), else a read that refreshes it.
    const auto account = AccountCache::lookUp(m_db, principal.userId);
    if (!account)
        return account.error();
    const std::optional<User> &user = *account;
    if (!user || user->disabled)
        return DomainError::unauthorized(
            QStringLiteral("The account no longer exists or is disabled"));
    Principal confirmed = principal;
    confirmed.roles = user->roles;
    confirmed.warehouseIds = user->warehouseIds;
    return confirmed;
}

Result<User> AuthService::createAccount(const Principal &admin, const Registration &account,
                                        Roles roles, const QList<qint64> &warehouseIds)
{
    if (!admin.isAdmin())
        return DomainError::forbidden();
    if (!roles)
        return DomainError::validation(QString(k::Roles),
                                       QStringLiteral("must list at least one role"));
    return createWithRoles(account, roles, warehouseIds);
}

Result<QList<User>> AuthService::listAccounts(const Principal &admin, qint64 afterId, int limit)
{
    if (!admin.isAdmin())
        return DomainError::forbidden();
    return UserRepository(m_db).list(afterId, limit);
}

Result<User> AuthService::changeAccount(const Principal &admin, qint64 userId,
                                        const AccountChange &change)
{
    if (!admin.isAdmin())
        return DomainError::forbidden();
    QList<FieldError> errors;
    if (change.name)
        errors << validation::checkName(*change.name);
    if (change.pincode && !change.pincode->isEmpty())
        errors << validation::checkPincode(*change.pincode);
    // An admin cannot lock themself out: another admin has to do that.
    if (userId == admin.userId
        && ((change.roles && !change.roles->testFlag(Role::Admin))
            || change.disabled.value_or(false)))
        errors.append(
            {QString(k::Roles), QStringLiteral("you cannot remove your own admin access")});
    if (!errors.isEmpty())
        return DomainError::validation(errors);

    Transaction tx(m_db);
    if (!tx.started())
        return tx.started().error();
    UserRepository users(m_db);
    auto found = users.findById(userId);
    if (!found)
        return found.error();
    if (!*found)
        return DomainError::notFound(QStringLiteral("No such account"));
    User user = **found;
    if (change.name)
        user.name = *change.name;
    if (change.roles)
        user.roles = *change.roles;
    if (change.pincode)
        user.pincode = *change.pincode;
    if (change.disabled)
        user.disabled = *change.disabled;
    if (change.warehouseIds)
        user.warehouseIds = *change.warehouseIds;
    if (!user.roles.testFlag(Role::Operator) && !user.warehouseIds.isEmpty()) {
        if (change.warehouseIds)
            return DomainError::validation(QString(k::WarehouseIds),
                                           QStringLiteral("only operators have warehouses"));
        user.warehouseIds.clear();
    }
    if (Status s = users.update(user); !s)
        return s.error();
    // Other nodes drop their copies of accounts when they read this (AccountCache).
    if (Status s
        = EventLog(m_db).append(topics::UserUpdated, QString::number(user.id), {{k::Id, user.id}});
        !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    AccountCache::invalidateAll(); // this node's threads: at once
    return user;
}

Result<std::optional<QString>> AuthService::ensureAdmin(const QString &email,
                                                        const QString &password)
{
    UserRepository users(m_db);
    const auto exists = users.anyWithRole(Role::Admin);
    if (!exists)
        return exists.error();
    if (*exists)
        return std::optional<QString>();
    QString pass = password;
    std::optional<QString> generated;
    if (pass.isEmpty()) {
        QByteArray random(12, Qt::Uninitialized);
        randombytes_buf(random.data(), size_t(random.size()));
        pass = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding));
        generated = pass;
    }
    Registration reg{email.isEmpty() ? QStringLiteral("admin@pincart.local") : email,
                     pass,
                     QStringLiteral("Administrator"),
                     {}};
    const auto created = createWithRoles(reg, Role::Admin, {});
    if (!created)
        return created.error();
    return generated ? generated : std::optional<QString>(QString());
}

} // namespace pincart::server

#pragma once

#include "connection.h"
#include "user.h"

#include <optional>

namespace pincart::server {

// The users table (and user_warehouses): accounts, password hashes and roles.
class UserRepository
{
public:
    struct Stored
    {
        User user;
        QString passwordHash;
    };

    explicit UserRepository(Connection &connection)
        : m_db(connection)
    {}

    // Conflict when the e-mail is taken (case-insensitively).
    Result<User> create(const User &user, const QString &passwordHash);
    Result<std::optional<Stored>> findByEmail(const QString &email);
    Result<std::optional<User>> findById(qint64 id);
    Result<QList<User>> list(qint64 afterId, int limit);
    // Name, roles, pincode, disabled and warehouse assignments.
    Status update(const User &user);
    Result<bool> anyWithRole(Role role);

private:
    Status loadWarehouses(User &user);
    Status replaceWarehouses(const User &user);

    Connection &m_db;
};

} // namespace pincart::server

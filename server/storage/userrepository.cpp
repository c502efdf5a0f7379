#include "userrepository.h"

#include "statement.h"

#include <QDateTime>

namespace pincart::server {

namespace {

const QString Columns = QStringLiteral("id, email, name, roles, pincode, disabled, created_at");

User userFrom(const Statement &q, int offset = 0)
{
    User u;
    u.id = q.value(offset + 0).toLongLong();
    u.email = q.value(offset + 1).toString();
    u.name = q.value(offset + 2).toString();
    u.roles = Roles::fromInt(q.value(offset + 3).toInt());
    u.pincode = q.value(offset + 4).toString();
    u.disabled = q.value(offset + 5).toBool();
    u.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(offset + 6).toLongLong(), Qt::UTC);
    return u;
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

Result<User> UserRepository::create(const User &user, const QString &passwordHash)
{
    User created = user;
    created.createdAt = QDateTime::fromMSecsSinceEpoch(Connection::nowMs(), Qt::UTC);
    Statement q(m_db, QStringLiteral("INSERT INTO users (email, password_hash, name, roles, pincode, "
                                     "disabled, created_at) VALUES (:email, :hash, :name, :roles, "
                                     ":pincode, :disabled, :created)"));
    q.bind(QStringLiteral(":email"), user.email.toLower())
        .bind(QStringLiteral(":hash"), passwordHash)
        .bind(QStringLiteral(":name"), user.name)
        .bind(QStringLiteral(":roles"), int(user.roles.toInt()))
        .bind(QStringLiteral(":pincode"), nullableText(user.pincode))
        .bind(QStringLiteral(":disabled"), user.disabled ? 1 : 0)
        .bind(QStringLiteral(":created"), created.createdAt.toMSecsSinceEpoch());
    if (Status s = q.exec("create user"); !s) {
        if (s.error().kind() == DomainError::Kind::Conflict)
            return DomainError::conflict(QStringLiteral("An account with this e-mail exists"),
                                         {{QStringLiteral("email"), QStringLiteral("is taken")}});
        return s.error();
    }
    created.id = q.lastInsertId();
    created.email = user.email.toLower();
    if (Status s = replaceWarehouses(created); !s)
        return s.error();
    return created;
}

Result<std::optional<UserRepository::Stored>> UserRepository::findByEmail(const QString &email)
{
    Statement q(m_db, QStringLiteral("SELECT ") + Columns
                          + QStringLiteral(", password_hash FROM users WHERE email = :email"));
    q.bind(QStringLiteral(":email"), email.toLower());
    if (Status s = q.exec("find user by email"); !s)
        return s.error();
    if (!q.next())
        return std::optional<Stored>();
    Stored stored{userFrom(q), q.value(7).toString()};
    q.finish();
    if (Status s = loadWarehouses(stored.user); !s)
        return s.error();
    return std::optional<Stored>(std::move(stored));
}

Result<std::optional<User>> UserRepository::findById(qint64 id)
{
    Statement q(m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("find user"); !s)
        return s.error();
    if (!q.next())
        return std::optional<User>();
    User u = userFrom(q);
    q.finish();
    if (Status s = loadWarehouses(u); !s)
        return s.error();
    return std::optional<User>(std::move(u));
}

Result<QList<User>> UserRepository::list(qint64 afterId, int limit)
{
    Statement q(m_db, QStringLiteral("SELECT ") + Columns
                          + QStringLiteral(" FROM users WHERE id > :after ORDER BY id LIMIT :limit"));
    q.bind(QStringLiteral(":after"), afterId).bind(QStringLiteral(":limit"), limit);
    if (Status s = q.exec("list users"); !s)
        return s.error();
    QList<User> users;
    while (q.next())
        users << userFrom(q);
    q.finish();
    for (User &u : users) {
        if (Status s = loadWarehouses(u); !s)
            return s.error();
    }
    return users;
}

Status UserRepository::update(const User &user)
{
    Statement q(m_db, QStringLiteral("UPDATE users SET name = :name, roles = :roles, pincode = "
                                     ":pincode, disabled = :disabled WHERE id = :id"));
    q.bind(QStringLiteral(":name"), user.name)
        .bind(QStringLiteral(":roles"), int(user.roles.toInt()))
        .bind(QStringLiteral(":pincode"), nullableText(user.pincode))
        .bind(QStringLiteral(":disabled"), user.disabled ? 1 : 0)
        .bind(QStringLiteral(":id"), user.id);
    if (Status s = q.exec("update user"); !s)
        return s;
    return replaceWarehouses(user);
}

Result<bool> UserRepository::anyWithRole(Role role)
{
    // roles is a small bit set; both dialects have the & operator on integers.
    Statement q(m_db, QStringLiteral("SELECT id FROM users WHERE (roles & :role) <> 0 LIMIT 1"));
    q.bind(QStringLiteral(":role"), int(role));
    if (Status s = q.exec("any user with role"); !s)
        return s.error();
    return q.next();
}

Status UserRepository::loadWarehouses(User &user)
{
    user.warehouseIds.clear();
    if (!user.roles.testFlag(Role::Operator))
        return {};
    Statement q(m_db, QStringLiteral("SELECT warehouse_id FROM user_warehouses WHERE user_id = :id "
                                     "ORDER BY warehouse_id"));
    q.bind(QStringLiteral(":id"), user.id);
    if (Status s = q.exec("load warehouses"); !s)
        return s;
    while (q.next())
        user.warehouseIds << q.value(0).toLongLong();
    return {};
}

Status UserRepository::replaceWarehouses(const User &user)
{
    Statement del(m_db, QStringLiteral("DELETE FROM user_warehouses WHERE user_id = :id"));
    del.bind(QStringLiteral(":id"), user.id);
    if (Status s = del.exec("clear warehouses"); !s)
        return s;
    for (qint64 warehouse : user.warehouseIds) {
        Statement ins(m_db, QStringLiteral("INSERT INTO user_warehouses (user_id, warehouse_id) "
                                           "VALUES (:u, :w)"));
        ins.bind(QStringLiteral(":u"), user.id).bind(QStringLiteral(":w"), warehouse);
        if (Status s = ins.exec("assign warehouse"); !s)
            return s;
    }
    return {};
}

} // namespace pincart::server

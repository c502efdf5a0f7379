#include "roles.h"

namespace pincart {

QString roleName(Role role)
{
    switch (role) {
    case Role::Customer:
        return QStringLiteral("customer");
    case Role::Supplier:
        return QStringLiteral("supplier");
    case Role::Operator:
        return QStringLiteral("operator");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    for (Role r : AllRoles) {
        if (name == roleName(r))
            return r;
    }
    return std::nullopt;
}

QStringList roleNames(Roles roles)
{
    QStringList names;
    for (Role r : AllRoles) {
        if (roles.testFlag(r))
            names << roleName(r);
    }
    return names;
}

std::optional<Roles> rolesFromNames(const QStringList &names)
{
    Roles roles;
    for (const QString &n : names) {
        const auto r = roleFromName(n);
        if (!r)
            return std::nullopt;
        roles |= *r;
    }
    return roles;
}

} // namespace pincart

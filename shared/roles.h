#pragma once

#include <QFlags>
#include <QString>
#include <QStringList>

#include <optional>

namespace pincart {

enum class Role {
    Customer = 0x1,
    Supplier = 0x2,
    Operator = 0x4,
    Admin = 0x8,
};
Q_DECLARE_FLAGS(Roles, Role)
Q_DECLARE_OPERATORS_FOR_FLAGS(Roles)

QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);
QStringList roleNames(Roles roles);
// nullopt when any name is unknown.
std::optional<Roles> rolesFromNames(const QStringList &names);
inline constexpr Role AllRoles[] = {Role::Customer, Role::Supplier, Role::Operator, Role::Admin};

} // namespace pincart

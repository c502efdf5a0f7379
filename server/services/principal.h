#pragma once

#include "roles.h"

#include <QDateTime>
#include <QList>

namespace pincart::server {

// Who is asking: the verified content of a bearer token. Anonymous callers have id 0.
struct Principal
{
    qint64 userId = 0;
    Roles roles;
    QDateTime expiresAt;
    QList<qint64> warehouseIds; // an operator's, as the account has them now (set when confirmed)

    bool isAuthenticated() const { return userId != 0; }
    bool has(Role role) const { return roles.testFlag(role); }
    bool isAdmin() const { return has(Role::Admin); }
    // Admins run every warehouse; an operator the ones assigned to it.
    bool runsWarehouse(qint64 id) const
    {
        return isAdmin() || (has(Role::Operator) && warehouseIds.contains(id));
    }
};

} // namespace pincart::server

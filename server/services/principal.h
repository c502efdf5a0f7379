#pragma once

#include "roles.h"

#include <QDateTime>

namespace pincart::server {

// Who is asking: the verified content of a bearer token. Anonymous callers have id 0.
struct Principal
{
    qint64 userId = 0;
    Roles roles;
    QDateTime expiresAt;

    bool isAuthenticated() const { return userId != 0; }
    bool has(Role role) const { return roles.testFlag(role); }
    bool isAdmin() const { return has(Role::Admin); }
};

} // namespace pincart::server

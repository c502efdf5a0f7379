#include "accountcache.h"

#include "connection.h"
#include "userrepository.h"

namespace pincart::server {

Result<std::optional<User>> AccountCache::lookUp(Connection &db, qint64 userId)
{
    if (auto cached = find(db.connectionName(), userId))
        return cached;
    const quint64 epochBeforeLoad = epoch();
    auto user = UserRepository(db).findById(userId);
    if (!user)
        return user.error();
    if (*user)
        insert(db.connectionName(), **user, epochBeforeLoad);
    return std::move(*user);
}

} // namespace pincart::server

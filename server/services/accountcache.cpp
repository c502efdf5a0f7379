#include "accountcache.h"

#include "connection.h"
#include "userrepository.h"

namespace pincart::server {

Result<std::optional<User>> AccountCache::lookUp(Connection &db, qint64 userId)
{
    const QString &database = db.database();
    if (auto cached = find(database, userId))
        return cached;
    const quint64 epochBeforeLoad = epoch();
    auto user = UserRepository(db).findById(userId);
    if (!user)
        return user.error();
    if (*user)
        insert(database, **user, epochBeforeLoad);
    return std::move(*user);
}

} // namespace pincart::server

#pragma once

#include "result.h"
#include "user.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <QHash>
#include <QString>
#include <mutex>
#include <shared_mutex>

namespace pincart::server {

class Connection;

// Accounts as this node last read them, for the check every authenticated request makes (and the
// cart's default pincode), shared by every thread: a look-up takes a shared lock, and a customer's
// requests on different threads read the account once per MaxAge, not once per thread. Keyed by
// the database (its URL without the password) and the user id, so two databases in one process
// never mix.
//
// An entry is used for at most MaxAge, and never after invalidateAll(), which bumps an epoch every
// thread sees: AuthService calls it after committing a change to any account on this node, and
// the item-cache invalidator calls it for user.updated events from other nodes. So a disabled
// account is refused at once on the node that disabled it, and on others within their event lag
// (MaxAge if an event were missed).
class AccountCache
{
public:
    static constexpr std::chrono::milliseconds MaxAge{5000};
    static constexpr int MaxEntries = 100000; // full: start again

    // Read before loading an account from the database, passed to insert(): an invalidation
    // while loading makes the loaded copy unusable.
    static quint64 epoch() { return s_epoch.load(std::memory_order_acquire); }

    static std::optional<User> find(const QString &database, qint64 userId)
    {
        Entries &e = entries();
        std::shared_lock lock(e.mutex);
        const auto it = e.byKey.constFind(Key{database, userId});
        if (it == e.byKey.cend() || it->epoch != epoch() || Clock::now() - it->loadedAt > MaxAge)
            return std::nullopt; // a stale entry is replaced by the next insert
        return it->user;
    }

    static void insert(const QString &database, const User &user, quint64 epochBeforeLoad)
    {
        if (epochBeforeLoad != epoch())
            return;
        Entries &e = entries();
        std::unique_lock lock(e.mutex);
        if (e.byKey.size() >= MaxEntries)
            e.byKey.clear();
        e.byKey.insert(Key{database, user.id}, Entry{user, epochBeforeLoad, Clock::now()});
    }

    // Every entry becomes stale (accounts change rarely: a coarse bump is enough).
    static void invalidateAll() { s_epoch.fetch_add(1, std::memory_order_acq_rel); }

    // The account from the node's fresh copy, else read from `db` (and kept). nullopt: no such
    // account.
    static Result<std::optional<User>> lookUp(Connection &db, qint64 userId);

private:
    using Clock = std::chrono::steady_clock;
    using Key = QPair<QString, qint64>;
    struct Entry
    {
        User user;
        quint64 epoch = 0;
        Clock::time_point loadedAt;
    };
    struct Entries
    {
        std::shared_mutex mutex;
        QHash<Key, Entry> byKey;
    };
    static Entries &entries()
    {
        static Entries all;
        return all;
    }
    static inline std::atomic<quint64> s_epoch{0};
};

} // namespace pincart::server

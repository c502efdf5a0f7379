#pragma once

#include "result.h"
#include "user.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <QHash>
#include <QString>

namespace pincart::server {

class Connection;

// Accounts as this thread last read them, for the check every authenticated request makes (and the
// cart's default pincode): each worker thread keeps its own copy, so a look-up takes no lock.
// Keyed by the connection's name and the user id, so two databases in one process never mix.
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
    static constexpr int MaxEntries = 20000; // per thread; full: start again

    // Read before loading an account from the database, passed to insert(): an invalidation
    // while loading makes the loaded copy unusable.
    static quint64 epoch() { return s_epoch.load(std::memory_order_acquire); }

    static std::optional<User> find(const QString &connection, qint64 userId)
    {
        auto &entries = local();
        const auto it = entries.constFind(Key{connection, userId});
        if (it == entries.cend())
            return std::nullopt;
        if (it->epoch != epoch() || Clock::now() - it->loadedAt > MaxAge) {
            entries.erase(it);
            return std::nullopt;
        }
        return it->user;
    }

    static void insert(const QString &connection, const User &user, quint64 epochBeforeLoad)
    {
        if (epochBeforeLoad != epoch())
            return;
        auto &entries = local();
        if (entries.size() >= MaxEntries)
            entries.clear();
        entries.insert(Key{connection, user.id}, Entry{user, epochBeforeLoad, Clock::now()});
    }

    // Every thread's entries become stale (accounts change rarely: a coarse bump is enough).
    static void invalidateAll() { s_epoch.fetch_add(1, std::memory_order_acq_rel); }

    // The account from this thread's fresh copy, else read from `db` (and kept). nullopt: no
    // such account.
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
    static QHash<Key, Entry> &local()
    {
        thread_local QHash<Key, Entry> entries;
        return entries;
    }
    static inline std::atomic<quint64> s_epoch{0};
};

} // namespace pincart::server

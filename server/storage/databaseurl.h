#pragma once

#include "result.h"

#include <QString>

namespace pincart::server {

// Where the data lives: `sqlite:///abs/path.db` (or `sqlite://relative.db`, `sqlite::memory:`)
// or `mysql://user:password@host:port/database?unix_socket=/path`.
struct DatabaseUrl
{
    enum class Kind { Sqlite, MySql };

    Kind kind = Kind::Sqlite;
    QString path; // SQLite file
    QString host;
    int port = 3306;
    QString user;
    QString password;
    QString database;
    QString unixSocket;

    static Result<DatabaseUrl> parse(const QString &url);
    // The URL without its password, for logs.
    QString redacted() const;
    // Same server, another database (tests create one database per run).
    DatabaseUrl withDatabase(const QString &name) const;
};

} // namespace pincart::server

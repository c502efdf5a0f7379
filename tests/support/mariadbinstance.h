#pragma once

#include <QString>

namespace pincart::test {

// The MariaDB server the tests use: the one PINCART_TEST_MYSQL_URL names (scripts/test starts
// one for the whole run), or else a throwaway mariadbd this process starts in a temporary
// directory on first use and stops and removes at exit. Tests create one database each on it.
class MariaDbInstance
{
public:
    // Starts the server when needed; empty string on failure (see error()).
    static QString serverUrl();
    static QString error();
    // Creates a fresh, uniquely named database and returns its URL.
    static QString createDatabase(QString *error);
};

} // namespace pincart::test

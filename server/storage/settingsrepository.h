#pragma once

#include "connection.h"

#include <optional>

namespace pincart::server {

// Cluster-wide settings shared by every server node (the token signing key, for one).
class SettingsRepository
{
public:
    explicit SettingsRepository(Connection &connection)
        : m_db(connection)
    {}

    Result<std::optional<QString>> get(const QString &name);
    // Stores `value` unless the setting exists, then returns the stored value: the first node to
    // start decides, and every other node reads the same.
    Result<QString> getOrInsert(const QString &name, const QString &value);

private:
    Connection &m_db;
};

} // namespace pincart::server

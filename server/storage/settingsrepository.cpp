#include "settingsrepository.h"

#include "statement.h"

namespace pincart::server {

Result<std::optional<QString>> SettingsRepository::get(const QString &name)
{
    Statement q(m_db, QStringLiteral("SELECT value FROM settings WHERE name = :name"));
    q.bind(QStringLiteral(":name"), name);
    if (Status s = q.exec("read setting"); !s)
        return s.error();
    if (!q.next())
        return std::optional<QString>();
    return std::optional<QString>(q.value(0).toString());
}

Result<QString> SettingsRepository::getOrInsert(const QString &name, const QString &value)
{
    {
        Statement q(m_db, m_db.insertIgnore()
                              + QStringLiteral(" INTO settings (name, value) VALUES (:name, :value)"));
        q.bind(QStringLiteral(":name"), name).bind(QStringLiteral(":value"), value);
        if (Status s = q.exec("insert setting"); !s)
            return s.error();
    }
    auto stored = get(name);
    if (!stored)
        return stored.error();
    if (!*stored)
        return DomainError::internal(QStringLiteral("Setting %1 vanished").arg(name));
    return **stored;
}

} // namespace pincart::server

#include "databaseurl.h"

#include <QUrl>
#include <QUrlQuery>

namespace pincart::server {

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl d;
    if (text.startsWith(QLatin1String("sqlite:"))) {
        d.kind = Kind::Sqlite;
        QString rest = text.mid(7);
        if (rest.startsWith(QLatin1String("//")))
            rest = rest.mid(2);
        if (rest.isEmpty())
            return DomainError::badRequest(QStringLiteral("sqlite URL without a file path"));
        d.path = rest;
        return d;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("mysql") && url.scheme() != QLatin1String("mariadb")))
        return DomainError::badRequest(
            QStringLiteral("database URL must start with sqlite:// or mysql://"));
    d.kind = Kind::MySql;
    d.host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
    d.port = url.port(3306);
    d.user = url.userName();
    d.password = url.password();
    d.database = url.path().mid(1);
    d.unixSocket = QUrlQuery(url).queryItemValue(QStringLiteral("unix_socket"), QUrl::FullyDecoded);
    return d;
}

QString DatabaseUrl::redacted() const
{
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite://") + path;
    return QStringLiteral("mysql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

DatabaseUrl DatabaseUrl::withDatabase(const QString &name) const
{
    DatabaseUrl copy = *this;
    copy.database = name;
    return copy;
}

} // namespace pincart::server

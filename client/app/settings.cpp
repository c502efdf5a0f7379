#include "settings.h"

namespace pincart {

namespace {
const QString ServerUrlKey = QStringLiteral("login/serverUrl");
const QString EmailKey = QStringLiteral("login/email");
const QString GuestCartKey = QStringLiteral("guestCart/lines"); // "12:2,40:1"
} // namespace

Settings::Settings()
    : m_settings(QStringLiteral("Pincart"), QStringLiteral("pincart"))
{}

Settings::Settings(const QString &fileName)
    : m_settings(fileName, QSettings::IniFormat)
{}

QUrl Settings::serverUrl() const
{
    const auto url = parseServerUrl(m_settings.value(ServerUrlKey).toString());
    return url ? *url : defaultServerUrl();
}

void Settings::setServerUrl(const QUrl &url)
{
    m_settings.setValue(ServerUrlKey, url.toString());
}

QString Settings::lastEmail() const
{
    return m_settings.value(EmailKey).toString();
}

void Settings::setLastEmail(const QString &email)
{
    m_settings.setValue(EmailKey, email);
}

QList<QPair<qint64, int>> Settings::guestCartLines() const
{
    QList<QPair<qint64, int>> lines;
    const QStringList entries
        = m_settings.value(GuestCartKey).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        bool idOk = false;
        bool quantityOk = false;
        const qint64 id = entry.left(colon).toLongLong(&idOk);
        const int quantity = colon < 0 ? 0 : entry.mid(colon + 1).toInt(&quantityOk);
        if (idOk && quantityOk && id > 0 && quantity > 0)
            lines.append({id, quantity});
    }
    return lines;
}

void Settings::setGuestCartLines(const QList<QPair<qint64, int>> &lines)
{
    if (lines.isEmpty()) {
        m_settings.remove(GuestCartKey);
        return;
    }
    QStringList entries;
    for (const auto &[id, quantity] : lines)
        entries << QStringLiteral("%1:%2").arg(id).arg(quantity);
    m_settings.setValue(GuestCartKey, entries.join(QLatin1Char(',')));
}

std::optional<QUrl> parseServerUrl(const QString &text)
{
    QString typed = text.trimmed();
    if (!typed.isEmpty() && !typed.contains(QLatin1String("://")))
        typed.prepend(QLatin1String("http://")); // "127.0.0.1:8080" means what it says
    const QUrl url(typed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment()
        || !url.userInfo().isEmpty())
        return std::nullopt;
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return std::nullopt;
    if (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        return std::nullopt; // the API lives at the root: a path would be silently dropped
    QUrl clean = url.adjusted(QUrl::StripTrailingSlash);
    clean.setPath(QString());
    return clean;
}

} // namespace pincart

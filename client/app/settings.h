#pragma once

#include <optional>
#include <QList>
#include <QPair>
#include <QSettings>
#include <QString>
#include <QUrl>

namespace pincart {

// What the client remembers between runs (QSettings, organisation "Pincart", application
// "pincart"): the server it last signed in to, the e-mail it signed in with and a cart filled
// before signing in (see GuestCart). Never a password or a token.
class Settings
{
public:
    Settings();
    // For tests: keep the settings in `fileName` (INI) instead of the user's configuration.
    explicit Settings(const QString &fileName);

    static QUrl defaultServerUrl() { return QUrl(QStringLiteral("http://127.0.0.1:8080")); }

    QUrl serverUrl() const; // defaultServerUrl() until one was saved
    void setServerUrl(const QUrl &url);
    QString lastEmail() const;
    void setLastEmail(const QString &email);
    // (item id, quantity) pairs; malformed entries are skipped.
    QList<QPair<qint64, int>> guestCartLines() const;
    void setGuestCartLines(const QList<QPair<qint64, int>> &lines);

private:
    QSettings m_settings;
};

// A server address as typed ("http://host:port", an optional trailing slash; "host:port" means
// http); nullopt unless an http or https URL with a host and no path, query, user info or fragment.
std::optional<QUrl> parseServerUrl(const QString &text);

} // namespace pincart

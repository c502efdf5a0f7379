#pragma once

#include "user.h"

#include <optional>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace pincart {

class ApiClient;
class LoginDialog;
class MainWindow;
class Settings;

// The client's life cycle: the login dialog, then a main window for the signed-in user, and back
// to the login dialog on Log out or when the server says the session expired. Owns the one
// ApiClient every window uses. When a customer signs in, a cart filled before signing in
// (GuestCart) is merged into the account's cart and forgotten.
class AppController : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::optional<QUrl> serverUrl; // overrides the remembered server (--server)
        QString email;                 // overrides the remembered e-mail (--email)
    };

    AppController(Settings *settings, const Options &options, QObject *parent = nullptr);
    ~AppController() override;

    // Shows the login dialog.
    void start();

    ApiClient *api() const { return m_api; }
    LoginDialog *loginDialog() const { return m_login; }
    MainWindow *mainWindow() const; // null while signed out

    // Closes the main window and shows the login dialog, with `notice` in it if not empty.
    void logout(const QString &notice = {});

Q_SIGNALS:
    // The user closed the login dialog without signing in.
    void quitRequested();

private:
    void onLoggedIn(const Session &session);
    void onSessionExpired();
    void mergeGuestCart(const User &user);

    Settings *m_settings;
    ApiClient *m_api;
    LoginDialog *m_login;
    QPointer<MainWindow> m_main;
};

} // namespace pincart

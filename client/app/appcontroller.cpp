#include "appcontroller.h"

#include "apiclient.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/settings.h"

namespace pincart {

AppController::AppController(Settings *settings, const Options &options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_api(new ApiClient(this))
    , m_login(new LoginDialog(m_api, settings))
{
    if (options.serverUrl)
        m_login->setServerUrl(*options.serverUrl);
    if (!options.email.isEmpty())
        m_login->setEmail(options.email);
    connect(m_login, &LoginDialog::loggedIn, this, &AppController::onLoggedIn);
    connect(m_login, &QDialog::rejected, this, &AppController::quitRequested);
    connect(m_api, &ApiClient::sessionExpired, this, &AppController::onSessionExpired);
}

AppController::~AppController()
{
    delete m_main.data();
    delete m_login;
}

MainWindow *AppController::mainWindow() const
{
    return m_main;
}

void AppController::start()
{
    m_login->prepare();
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void AppController::onLoggedIn(const Session &session)
{
    delete m_main.data(); // cannot normally exist; never two sessions' windows at once
    m_main = new MainWindow(m_api, session.user);
    m_main->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_main, &MainWindow::logoutRequested, this, [this] { logout(); });
    m_main->show();
    m_login->hide();
}

void AppController::logout(const QString &notice)
{
    m_api->setToken({});
    m_login->prepare();
    m_login->setNotice(notice);
    m_login->show();
    if (m_main) {
        // Later, not now: this may run inside a callback of a request whose context lives in
        // the window (sessionExpired is emitted just before that callback).
        m_main->hide();
        m_main->deleteLater();
        m_main = nullptr;
    }
}

void AppController::onSessionExpired()
{
    if (!m_main)
        return; // a refused sign-in, or a second 401 from the same expired session
    logout(tr("Your session has expired or was revoked. Please sign in again."));
}

} // namespace pincart

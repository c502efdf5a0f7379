#include "appcontroller.h"

#include "apiclient.h"
#include "app/guestcart.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/settings.h"
#include "models/cartmodel.h"
#include "storefront/storefrontwidget.h"

#include <QStatusBar>

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
    mergeGuestCart(session.user);
}

void AppController::mergeGuestCart(const User &user)
{
    GuestCart guest(m_settings);
    const auto lines = guest.lines();
    if (lines.isEmpty() || !user.roles.testFlag(Role::Customer))
        return;
    MainWindow *window = m_main;
    m_api->mergeCart(lines, window, [this, window](Result<Cart> result) {
        if (!result) {
            const DomainError &error = result.error();
            // Only a server that could not be asked leaves the lines for the next sign-in; what
            // it refused it would refuse again.
            const bool later = error.kind() == DomainError::Kind::Network
                               || error.kind() == DomainError::Kind::Unavailable
                               || error.kind() == DomainError::Kind::Internal;
            if (!later)
                GuestCart(m_settings).clear();
            window->statusBar()->showMessage(
                tr("Could not add the items you chose before signing in to your cart: %1")
                    .arg(error.toString()));
            return;
        }
        GuestCart(m_settings).clear();
        if (StorefrontWidget *store = window->storefront(); store && store->cartModel())
            store->cartModel()->setCart(*result);
        window->statusBar()->showMessage(
            tr("The items you chose before signing in are in your cart."), 10000);
    });
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

#pragma once

#include "app/workspaces.h"
#include "user.h"

#include <QMainWindow>

class QTabWidget;

namespace pincart {

class ApiClient;
class StorefrontWidget;

// The signed-in window: one tab per workspace the user's roles allow (see workspacesFor), the
// user's name and roles in the status bar, and Log out. It does not log out by itself: it asks,
// and the AppController tears it down.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(ApiClient *api, const User &user, QWidget *parent = nullptr);

    const User &user() const { return m_user; }
    QTabWidget *workspaces() const { return m_tabs; }
    StorefrontWidget *storefront() const { return m_storefront; } // null without that workspace

Q_SIGNALS:
    void logoutRequested();

private:
    QWidget *createWorkspace(Workspace workspace);

    ApiClient *m_api;
    User m_user;
    QTabWidget *m_tabs;
    StorefrontWidget *m_storefront = nullptr;
};

} // namespace pincart

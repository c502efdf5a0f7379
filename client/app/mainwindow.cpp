#include "mainwindow.h"

#include "admin/adminwidget.h"
#include "app/workspaces.h"
#include "storefront/storefrontwidget.h"
#include "supplier/supplierwidget.h"
#include "warehouse/warehousewidget.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

namespace pincart {

MainWindow::MainWindow(ApiClient *api, const User &user, QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_user(user)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Pincart — %1").arg(user.name));
    resize(1100, 700);

    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    for (Workspace w : workspacesFor(user.roles))
        m_tabs->addTab(createWorkspace(w), workspaceTitle(w));
    if (m_tabs->count() == 0) {
        auto *none = new QLabel(tr("Your account has no role that this client has a workspace "
                                   "for. Ask an administrator."));
        none->setObjectName(QStringLiteral("noWorkspaceLabel"));
        none->setAlignment(Qt::AlignCenter);
        none->setWordWrap(true);
        m_tabs->addTab(none, tr("Pincart"));
    }
    setCentralWidget(m_tabs);

    QMenu *session = menuBar()->addMenu(tr("&Session"));
    QAction *logout = session->addAction(tr("&Log out"));
    logout->setObjectName(QStringLiteral("logoutAction"));
    logout->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    connect(logout, &QAction::triggered, this, &MainWindow::logoutRequested);
    session->addSeparator();
    QAction *quit = session->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    auto *who = new QLabel(
        tr("Signed in as %1 <%2> — %3")
            .arg(user.name, user.email, roleNames(user.roles).join(QStringLiteral(", "))));
    who->setObjectName(QStringLiteral("sessionLabel"));
    who->setTextFormat(Qt::PlainText); // "<email>" is not a tag
    statusBar()->addPermanentWidget(who);
}

QWidget *MainWindow::createWorkspace(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Storefront:
        m_storefront = new StorefrontWidget(m_api, m_user);
        return m_storefront;
    case Workspace::Supplier:
        return new SupplierWidget(m_api, m_user);
    case Workspace::Warehouse:
        return new WarehouseWidget(m_api);
    case Workspace::Admin:
        return new AdminWidget(m_api);
    }
    return new QWidget;
}

} // namespace pincart

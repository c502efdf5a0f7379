#include "adminwidget.h"

#include "admin/newaccountdialog.h"
#include "app/loadstatuswidget.h"
#include "models/userlistmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

AdminWidget::AdminWidget(ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_users(new UserListModel(api, this))
    , m_view(new QTableView)
    , m_newAccount(new QPushButton(tr("New account…")))
    , m_refresh(new QPushButton(tr("Refresh")))
    , m_status(new LoadStatusWidget)
    , m_action(new QLabel)
{
    setObjectName(QStringLiteral("adminWorkspace"));

    auto *heading = new QLabel(tr("Accounts"));
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);

    m_view->setObjectName(QStringLiteral("usersView"));
    m_view->setModel(m_users);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(UserListModel::EmailColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(UserListModel::NameColumn,
                                                     QHeaderView::Stretch);
    m_newAccount->setObjectName(QStringLiteral("newAccountButton"));
    m_refresh->setObjectName(QStringLiteral("refreshUsersButton"));
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->track(m_users, tr("accounts"));
    m_action->setObjectName(QStringLiteral("adminActionLabel"));
    m_action->setTextFormat(Qt::PlainText);
    m_action->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch();
    top->addWidget(m_refresh);
    top->addWidget(m_newAccount);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_action);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, m_users, &UserListModel::reload);
    connect(m_newAccount, &QPushButton::clicked, this, &AdminWidget::openNewAccountDialog);

    m_users->reload();
}

NewAccountDialog *AdminWidget::newAccountDialog() const
{
    return m_dialog;
}

void AdminWidget::openNewAccountDialog()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new NewAccountDialog(m_api, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &NewAccountDialog::accountCreated, this, [this](const User &user) {
        m_action->setText(tr("Created %1 (%2).")
                              .arg(user.email, roleNames(user.roles).join(QStringLiteral(", "))));
        m_action->setVisible(true);
        m_users->reload(); // the new account's place in the list is the server's to say
    });
    m_dialog->open(); // window-modal, without a nested event loop
}

} // namespace pincart

#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pincart {

class ApiClient;
class LoadStatusWidget;
class NewAccountDialog;
class UserListModel;

// The admin's accounts: every user (email, name, roles), paged, and New account for suppliers,
// operators and admins.
class AdminWidget : public QWidget
{
    Q_OBJECT

public:
    explicit AdminWidget(ApiClient *api, QWidget *parent = nullptr);

    UserListModel *userModel() const { return m_users; }
    NewAccountDialog *newAccountDialog() const; // null unless open

    void openNewAccountDialog();

private:
    ApiClient *m_api;
    UserListModel *m_users;
    QTableView *m_view;
    QPushButton *m_newAccount;
    QPushButton *m_refresh;
    LoadStatusWidget *m_status;
    QLabel *m_action;
    QPointer<NewAccountDialog> m_dialog;
};

} // namespace pincart

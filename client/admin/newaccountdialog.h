#pragma once

#include "user.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace pincart {

class ApiClient;
class FormValidator;

// Creates a supplier, operator or admin account (POST /admin/users). The form is checked with
// the shared validation rules before sending; the server's refusal (a taken e-mail, say) is
// shown in the dialog, which stays open until the account exists.
class NewAccountDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewAccountDialog(ApiClient *api, QWidget *parent = nullptr);

    bool isBusy() const { return m_request != nullptr; }
    QString errorText() const;
    void reject() override; // cancels a request in flight first

Q_SIGNALS:
    void accountCreated(const pincart::User &user);

private:
    void submit();
    void setBusy(bool busy);
    void setError(const QString &text);
    std::optional<QList<qint64>> warehouseIds() const;

    ApiClient *m_api;
    FormValidator *m_form;
    QLineEdit *m_email;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QComboBox *m_role;
    QLineEdit *m_warehouses;
    QLabel *m_error;
    QPushButton *m_create;
    QPushButton *m_cancel;
    QPointer<QObject> m_request;
};

} // namespace pincart

#pragma once

#include "user.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace pincart {

class ApiClient;
class FormValidator;
class Settings;
class DomainError;

// Sign in, or create a customer account and sign in with it. Non-modal and never blocking: a
// request in flight shows a busy state (with Cancel), and every failure is shown as text inside
// the dialog. Remembers the server and the e-mail in Settings after a successful sign-in.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(ApiClient *api, Settings *settings, QWidget *parent = nullptr);

    void setServerUrl(const QUrl &url);
    void setEmail(const QString &email);
    // An information line above the form ("Your session expired..."); empty hides it.
    void setNotice(const QString &text);
    // Back to the sign-in page, password and errors cleared, ready for a new sign-in.
    void prepare();

    bool isBusy() const { return m_request != nullptr; }
    QString errorText() const;

    // Escape or closing the window: cancels a request in flight, or else closes the dialog.
    void reject() override;

Q_SIGNALS:
    void loggedIn(const pincart::Session &session);

private:
    void buildSignInPage(QWidget *page);
    void buildRegisterPage(QWidget *page);
    void showSignIn();
    void showRegister();
    void submitSignIn();
    void submitRegistration();
    void signIn(const QUrl &server, const QString &email, const QString &password);
    void cancelRequest();
    QObject *beginRequest(const QString &busyText);
    void endRequest();
    void setError(const QString &text);
    void showFailure(const DomainError &error, const QUrl &server);

    ApiClient *m_api;
    Settings *m_settings;
    QPointer<QObject> m_request; // context of the request in flight; deleting it cancels it

    QLineEdit *m_serverUrl;
    QLabel *m_serverHint;
    QStackedWidget *m_pages;
    QLabel *m_notice;
    QLabel *m_error;
    QLabel *m_busyText;
    QProgressBar *m_busy;
    QPushButton *m_cancel;

    FormValidator *m_signInForm;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QPushButton *m_loginButton;
    QPushButton *m_showRegister;

    FormValidator *m_registerForm;
    QLineEdit *m_registerName;
    QLineEdit *m_registerEmail;
    QLineEdit *m_registerPassword;
    QLineEdit *m_registerPincode;
    QPushButton *m_registerButton;
    QPushButton *m_backToSignIn;
};

} // namespace pincart

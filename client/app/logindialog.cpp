#include "logindialog.h"

#include "apiclient.h"
#include "app/formvalidator.h"
#include "app/settings.h"
#include "validation.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pincart {

namespace {

enum Page { SignInPage, RegisterPage };

QList<FieldError> checkServerUrl(const QString &text)
{
    if (parseServerUrl(text))
        return {};
    return {{QStringLiteral("server"),
             LoginDialog::tr("must be an http:// or https:// address such as %1")
                 .arg(Settings::defaultServerUrl().toString())}};
}

QList<FieldError> checkNotEmpty(const QString &field, const QString &text)
{
    if (!text.isEmpty())
        return {};
    return {{field, LoginDialog::tr("must not be empty")}};
}

QLabel *errorStyled(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
    return label;
}

} // namespace

LoginDialog::LoginDialog(ApiClient *api, Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_settings(settings)
    , m_serverUrl(new QLineEdit)
    , m_serverHint(new QLabel)
    , m_pages(new QStackedWidget)
    , m_notice(new QLabel)
    , m_error(new QLabel)
    , m_busyText(new QLabel)
    , m_busy(new QProgressBar)
    , m_cancel(new QPushButton(tr("Cancel")))
    , m_signInForm(new FormValidator(this))
    , m_registerForm(new FormValidator(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in to Pincart"));

    m_notice->setObjectName(QStringLiteral("noticeLabel"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setVisible(false);

    m_serverUrl->setObjectName(QStringLiteral("serverUrlEdit"));
    m_serverUrl->setPlaceholderText(Settings::defaultServerUrl().toString());
    m_serverHint->setObjectName(QStringLiteral("serverUrlEditHint"));
    auto *serverCell = new QVBoxLayout;
    serverCell->setSpacing(2);
    serverCell->addWidget(m_serverUrl);
    serverCell->addWidget(m_serverHint);
    auto *serverForm = new QFormLayout;
    auto *serverCaption = new QLabel(tr("&Server:"));
    serverCaption->setBuddy(m_serverUrl);
    serverForm->addRow(serverCaption, serverCell);
    // Both pages send to the server: both forms check its address.
    m_signInForm->addField(m_serverUrl, m_serverHint, checkServerUrl);
    m_registerForm->addField(m_serverUrl, m_serverHint, checkServerUrl);

    m_pages->setObjectName(QStringLiteral("loginPages"));
    auto *signInPage = new QWidget;
    auto *registerPage = new QWidget;
    buildSignInPage(signInPage);
    buildRegisterPage(registerPage);
    m_pages->insertWidget(SignInPage, signInPage);
    m_pages->insertWidget(RegisterPage, registerPage);

    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(12);
    m_busyText->setObjectName(QStringLiteral("busyLabel"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    auto *busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busy, 1);
    busyRow->addWidget(m_busyText);
    busyRow->addWidget(m_cancel);
    for (QWidget *w : {static_cast<QWidget *>(m_busy), static_cast<QWidget *>(m_busyText),
                       static_cast<QWidget *>(m_cancel)})
        w->setVisible(false);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText); // server messages are never markup
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorStyled(m_error)->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(serverForm);
    layout->addWidget(m_pages);
    layout->addLayout(busyRow);
    layout->addWidget(m_error);
    setMinimumWidth(420);

    connect(m_cancel, &QPushButton::clicked, this, &LoginDialog::cancelRequest);

    setServerUrl(settings->serverUrl());
    setEmail(settings->lastEmail());
}

void LoginDialog::buildSignInPage(QWidget *page)
{
    auto *form = new QFormLayout;
    m_email = m_signInForm->addRow(form, tr("&Email:"), QStringLiteral("emailEdit"),
                                   validation::checkEmail);
    m_email->setPlaceholderText(tr("you@example.com"));
    // Existing accounts may predate today's password rules: only ask for something.
    m_password = m_signInForm->addRow(
        form, tr("&Password:"), QStringLiteral("passwordEdit"),
        [](const QString &text) { return checkNotEmpty(QStringLiteral("password"), text); });
    m_password->setEchoMode(QLineEdit::Password);

    m_loginButton = new QPushButton(tr("Sign in"));
    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setDefault(true);
    m_showRegister = new QPushButton(tr("Create account…"));
    m_showRegister->setObjectName(QStringLiteral("showRegisterButton"));
    m_showRegister->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_showRegister);
    buttons->addStretch();
    buttons->addWidget(m_loginButton);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::submitSignIn);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginDialog::submitSignIn);
    connect(m_showRegister, &QPushButton::clicked, this, &LoginDialog::showRegister);
}

void LoginDialog::buildRegisterPage(QWidget *page)
{
    auto *intro = new QLabel(tr("Create a customer account. Supplier, operator and admin accounts "
                                "are created by an administrator."));
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    m_registerName = m_registerForm->addRow(form, tr("&Name:"), QStringLiteral("registerNameEdit"),
                                            validation::checkName);
    m_registerEmail = m_registerForm->addRow(
        form, tr("&Email:"), QStringLiteral("registerEmailEdit"), validation::checkEmail);
    m_registerPassword = m_registerForm->addRow(
        form, tr("&Password:"), QStringLiteral("registerPasswordEdit"), validation::checkPassword);
    m_registerPassword->setEchoMode(QLineEdit::Password);
    m_registerPincode = m_registerForm->addRow(
        form, tr("Pin&code:"), QStringLiteral("registerPincodeEdit"), validation::checkPincode);
    m_registerPincode->setPlaceholderText(tr("6 digits, e.g. 560001"));
    m_registerPincode->setMaxLength(6);

    m_registerButton = new QPushButton(tr("Create account"));
    m_registerButton->setObjectName(QStringLiteral("registerButton"));
    m_backToSignIn = new QPushButton(tr("Back to sign in"));
    m_backToSignIn->setObjectName(QStringLiteral("backToSignInButton"));
    m_backToSignIn->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_backToSignIn);
    buttons->addStretch();
    buttons->addWidget(m_registerButton);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_registerButton, &QPushButton::clicked, this, &LoginDialog::submitRegistration);
    connect(m_registerPincode, &QLineEdit::returnPressed, this, &LoginDialog::submitRegistration);
    connect(m_backToSignIn, &QPushButton::clicked, this, &LoginDialog::showSignIn);
}

void LoginDialog::setServerUrl(const QUrl &url)
{
    m_serverUrl->setText(url.toString());
}

void LoginDialog::setEmail(const QString &email)
{
    m_email->setText(email);
}

void LoginDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void LoginDialog::prepare()
{
    cancelRequest();
    m_password->clear();
    m_registerPassword->clear();
    m_signInForm->reset();
    m_registerForm->reset();
    setError({});
    showSignIn();
}

QString LoginDialog::errorText() const
{
    return m_error->text();
}

void LoginDialog::showSignIn()
{
    m_pages->setCurrentIndex(SignInPage);
    m_loginButton->setDefault(true);
    setWindowTitle(tr("Sign in to Pincart"));
    setError({});
    (m_email->text().isEmpty() ? m_email : m_password)->setFocus();
}

void LoginDialog::showRegister()
{
    m_pages->setCurrentIndex(RegisterPage);
    m_registerButton->setDefault(true);
    setWindowTitle(tr("Create a Pincart account"));
    setError({});
    if (m_registerEmail->text().isEmpty())
        m_registerEmail->setText(m_email->text());
    m_registerName->setFocus();
}

void LoginDialog::submitSignIn()
{
    if (isBusy())
        return;
    const QList<FieldError> errors = m_signInForm->validate();
    if (!errors.isEmpty()) {
        setError(DomainError::validation(errors, tr("Please correct the form")).toString());
        return;
    }
    signIn(*parseServerUrl(m_serverUrl->text()), m_email->text().trimmed(), m_password->text());
}

void LoginDialog::signIn(const QUrl &server, const QString &email, const QString &password)
{
    // A token left from an earlier session would make a refused login look like an expired one.
    m_api->setToken({});
    m_api->setBaseUrl(server);
    QObject *request = beginRequest(tr("Signing in…"));
    m_api->login(email, password, request, [this, server, email](Result<Session> result) {
        endRequest();
        if (!result) {
            showFailure(result.error(), server);
            m_password->setFocus();
            m_password->selectAll();
            return;
        }
        m_settings->setServerUrl(server);
        m_settings->setLastEmail(email);
        m_password->clear();
        m_registerPassword->clear();
        setNotice({});
        Q_EMIT loggedIn(result.value());
    });
}

void LoginDialog::submitRegistration()
{
    if (isBusy())
        return;
    const QList<FieldError> errors = m_registerForm->validate();
    if (!errors.isEmpty()) {
        setError(DomainError::validation(errors, tr("Please correct the form")).toString());
        return;
    }
    const QUrl server = *parseServerUrl(m_serverUrl->text());
    NewAccount account;
    account.email = m_registerEmail->text().trimmed();
    account.password = m_registerPassword->text();
    account.name = m_registerName->text().trimmed();
    account.pincode = m_registerPincode->text().trimmed();
    account.roles = Role::Customer;
    m_api->setToken({});
    m_api->setBaseUrl(server);
    QObject *request = beginRequest(tr("Creating your account…"));
    m_api->registerCustomer(account, request, [this, server, account](Result<User> result) {
        endRequest();
        if (!result) {
            showFailure(result.error(), server);
            return;
        }
        // The account exists now: sign in with it, from the sign-in page, so a failure there
        // leaves the user where signing in again is one click.
        m_email->setText(account.email);
        m_password->setText(account.password);
        showSignIn();
        setNotice(tr("Account created for %1.").arg(account.email));
        signIn(server, account.email, account.password);
    });
}

QObject *LoginDialog::beginRequest(const QString &busyText)
{
    Q_ASSERT(!m_request);
    m_request = new QObject(this);
    setError({});
    m_busyText->setText(busyText);
    for (QWidget *w : {static_cast<QWidget *>(m_busy), static_cast<QWidget *>(m_busyText),
                       static_cast<QWidget *>(m_cancel)})
        w->setVisible(true);
    m_serverUrl->setEnabled(false);
    m_pages->setEnabled(false);
    return m_request;
}

void LoginDialog::endRequest()
{
    if (m_request) {
        m_request->deleteLater(); // its callback may be the one running now
        m_request = nullptr;
    }
    for (QWidget *w : {static_cast<QWidget *>(m_busy), static_cast<QWidget *>(m_busyText),
                       static_cast<QWidget *>(m_cancel)})
        w->setVisible(false);
    m_serverUrl->setEnabled(true);
    m_pages->setEnabled(true);
}

void LoginDialog::cancelRequest()
{
    if (!m_request)
        return;
    delete m_request.data(); // aborts the request; its callback never runs
    endRequest();
    setError(tr("Cancelled."));
}

void LoginDialog::reject()
{
    if (isBusy()) {
        cancelRequest();
        return;
    }
    QDialog::reject();
}

void LoginDialog::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void LoginDialog::showFailure(const DomainError &error, const QUrl &server)
{
    switch (error.kind()) {
    case DomainError::Kind::Network:
        setError(
            tr("Could not reach the server at %1: %2").arg(server.toString(), error.toString()));
        break;
    case DomainError::Kind::Unauthorized:
        setError(tr("Sign-in refused: %1").arg(error.toString()));
        break;
    default:
        setError(error.toString());
        break;
    }
}

} // namespace pincart

#include "newaccountdialog.h"

#include "apiclient.h"
#include "app/formvalidator.h"
#include "validation.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pincart {

namespace {

// "3, 7" -> {3, 7}; empty -> {}; nullopt when anything is not a positive whole number.
std::optional<QList<qint64>> parseIds(const QString &text)
{
    QList<qint64> ids;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        ids << id;
    }
    return ids;
}

} // namespace

NewAccountDialog::NewAccountDialog(ApiClient *api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_form(new FormValidator(this))
    , m_role(new QComboBox)
    , m_error(new QLabel)
    , m_create(new QPushButton(tr("Create account")))
    , m_cancel(new QPushButton(tr("Cancel")))
{
    setObjectName(QStringLiteral("newAccountDialog"));
    setWindowTitle(tr("New account"));

    auto *form = new QFormLayout;
    m_role->setObjectName(QStringLiteral("accountRoleCombo"));
    for (Role role : {Role::Supplier, Role::Operator, Role::Admin})
        m_role->addItem(roleName(role), int(role));
    form->addRow(tr("&Role:"), m_role);
    m_email = m_form->addRow(form, tr("&Email:"), QStringLiteral("accountEmailEdit"),
                             validation::checkEmail);
    m_name = m_form->addRow(form, tr("&Name:"), QStringLiteral("accountNameEdit"),
                            validation::checkName);
    m_password = m_form->addRow(form, tr("&Password:"), QStringLiteral("accountPasswordEdit"),
                                validation::checkPassword);
    m_password->setEchoMode(QLineEdit::Password);
    m_warehouses
        = m_form->addRow(form, tr("&Warehouse ids:"), QStringLiteral("accountWarehousesEdit"),
                         [](const QString &text) -> QList<FieldError> {
                             if (parseIds(text))
                                 return {};
                             return {{QStringLiteral("warehouse_ids"),
                                      tr("must be warehouse ids separated by commas")}};
                         });
    m_warehouses->setPlaceholderText(tr("operators: e.g. 1, 2 (optional)"));

    m_error->setObjectName(QStringLiteral("accountErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_error->setPalette(palette);
    m_error->setVisible(false);

    m_create->setObjectName(QStringLiteral("createAccountButton"));
    m_create->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelAccountButton"));
    m_cancel->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_create);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    setMinimumWidth(400);

    auto roleChanged = [this] {
        const bool isOperator = Role(m_role->currentData().toInt()) == Role::Operator;
        m_warehouses->setEnabled(isOperator);
        if (!isOperator)
            m_warehouses->clear();
    };
    connect(m_role, &QComboBox::currentIndexChanged, this, roleChanged);
    roleChanged();
    connect(m_create, &QPushButton::clicked, this, &NewAccountDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &NewAccountDialog::reject);
}

QString NewAccountDialog::errorText() const
{
    return m_error->text();
}

void NewAccountDialog::reject()
{
    if (m_request) {
        delete m_request.data(); // aborts it: its callback never runs
        setBusy(false);
        setError(tr("Cancelled. The account may or may not have been created: refresh the list "
                    "to see."));
        return;
    }
    QDialog::reject();
}

void NewAccountDialog::submit()
{
    if (m_request)
        return;
    const QList<FieldError> errors = m_form->validate();
    if (!errors.isEmpty()) {
        setError(DomainError::validation(errors, tr("Please correct the form")).toString());
        return;
    }
    NewAccount account;
    account.email = m_email->text().trimmed();
    account.name = m_name->text().trimmed();
    account.password = m_password->text();
    account.roles = Role(m_role->currentData().toInt());
    account.warehouseIds = parseIds(m_warehouses->text()).value_or(QList<qint64>{});

    auto *request = new QObject(this);
    m_request = request;
    setBusy(true);
    setError({});
    m_api->createAccount(account, request, [this, request](Result<User> result) {
        request->deleteLater();
        m_request = nullptr;
        setBusy(false);
        if (!result) {
            setError(result.error().toString());
            return;
        }
        Q_EMIT accountCreated(result.value());
        accept();
    });
}

void NewAccountDialog::setBusy(bool busy)
{
    for (QWidget *w : {static_cast<QWidget *>(m_role), static_cast<QWidget *>(m_email),
                       static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_password),
                       static_cast<QWidget *>(m_create)})
        w->setEnabled(!busy);
    m_warehouses->setEnabled(!busy && Role(m_role->currentData().toInt()) == Role::Operator);
    m_create->setText(busy ? tr("Creating…") : tr("Create account"));
}

void NewAccountDialog::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace pincart

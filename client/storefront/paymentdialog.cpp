#include "paymentdialog.h"

#include "apiclient.h"
#include "storefront/messageline.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace pincart {

PaymentDialog::PaymentDialog(ApiClient *api, const Order &order, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_order(order)
    , m_card(new QLineEdit)
    , m_error(newMessageLabel(QStringLiteral("paymentErrorLabel")))
    , m_busy(new QProgressBar)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
    , m_pay(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(QStringLiteral("paymentDialog"));
    setWindowTitle(tr("Pay for order %1").arg(order.id));

    auto *intro
        = new QLabel(tr("Order %1: %2 to pay by card. This is a simulated gateway: "
                        "4000 0000 0000 0002 is declined, any other valid card number pays.")
                         .arg(order.id)
                         .arg(order.total.toDisplayString()));
    intro->setObjectName(QStringLiteral("paymentIntroLabel"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    m_card->setObjectName(QStringLiteral("cardNumberEdit"));
    m_card->setPlaceholderText(QStringLiteral("4111 1111 1111 1111"));
    m_card->setMaxLength(23);
    m_card->setInputMethodHints(Qt::ImhDigitsOnly);
    auto *form = new QFormLayout;
    form->addRow(tr("Card &number:"), m_card);

    m_busy->setObjectName(QStringLiteral("paymentBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_pay->setObjectName(QStringLiteral("payButton"));
    m_pay->setText(tr("Pay %1").arg(order.total.toDisplayString()));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Pay later"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(420, 220);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PaymentDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PaymentDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PaymentDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_pay->setEnabled(!busy);
    m_card->setReadOnly(busy);
}

void PaymentDialog::submit()
{
    if (isBusy())
        return;
    QString number = m_card->text();
    number.remove(QRegularExpression(QStringLiteral("[\\s-]")));
    static const QRegularExpression digits(QStringLiteral("^[0-9]{12,19}$"));
    if (!digits.match(number).hasMatch()) {
        showMessage(m_error, tr("A card number has 12 to 19 digits."), true);
        return;
    }
    showMessage(m_error, {});
    auto *request = new QObject(this);
    m_request = request;
    setBusy(true);
    m_api->payOrder(m_order.id, number, request, [this, request](Result<Order> result) {
        request->deleteLater();
        m_request = nullptr;
        setBusy(false);
        if (!result) {
            const DomainError &error = result.error();
            QString text
                = error.kind() == DomainError::Kind::Validation
                      ? tr("The card number was refused: %1")
                            .arg(error.fields().isEmpty() ? error.message()
                                                          : error.fields().constFirst().message)
                      : tr("Could not pay: %1").arg(error.toString());
            showMessage(m_error, text, true);
            return;
        }
        m_order = *result;
        Q_EMIT orderChanged(m_order);
        if (m_order.paymentStatus == PaymentStatus::Paid) {
            Q_EMIT paid(m_order);
            accept();
            return;
        }
        showMessage(m_error,
                    tr("The card was declined. Try another card, or pay later from My Orders."),
                    true);
    });
}

} // namespace pincart

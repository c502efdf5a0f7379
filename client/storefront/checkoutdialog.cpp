#include "checkoutdialog.h"

#include "apiclient.h"
#include "app/formvalidator.h"
#include "jsonkeys.h"
#include "models/ordertext.h"
#include "storefront/messageline.h"
#include "validation.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace pincart {

namespace {

enum SummaryColumn { ItemColumn, QuantityColumn, TotalColumn, DeliveryColumn, SummaryColumns };

const QString CartFieldPrefix = QStringLiteral("cart.");

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QList<FieldError> checkPincodeField(const QString &pincode)
{
    if (pincode.trimmed().isEmpty())
        return {{QString(keys::Pincode), QStringLiteral("is required")}};
    return validation::checkPincode(pincode.trimmed());
}

// A field's editor with its hint under it, as one form row.
void addRow(QFormLayout *form, const QString &label, QWidget *editor, QLabel *hint)
{
    auto *cell = new QVBoxLayout;
    cell->setSpacing(2);
    cell->addWidget(editor);
    cell->addWidget(hint);
    auto *caption = new QLabel(label);
    caption->setBuddy(editor);
    form->addRow(caption, cell);
}

} // namespace

CheckoutDialog::CheckoutDialog(ApiClient *api, const Cart &cart, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_cart(cart)
    , m_key(newKey())
    , m_validator(new FormValidator(this))
    , m_pincode(new QLineEdit)
    , m_pincodeHint(new QLabel)
    , m_address(new QPlainTextEdit)
    , m_addressHint(newMessageLabel(QStringLiteral("checkoutAddressEditHint")))
    , m_cod(new QRadioButton(tr("Cash on &delivery")))
    , m_prepaid(new QRadioButton(tr("&Prepaid (card)")))
    , m_summary(new QTreeWidget)
    , m_total(new QLabel)
    , m_error(newMessageLabel(QStringLiteral("checkoutErrorLabel")))
    , m_busy(new QProgressBar)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
    , m_place(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(QStringLiteral("checkoutDialog"));
    setWindowTitle(tr("Checkout"));

    m_pincode->setObjectName(QStringLiteral("checkoutPincodeEdit"));
    m_pincode->setMaxLength(6);
    m_pincode->setPlaceholderText(tr("Six digits"));
    m_pincode->setText(cart.pincode);
    m_pincodeHint->setObjectName(QStringLiteral("checkoutPincodeEditHint"));
    m_validator->addField(m_pincode, m_pincodeHint, checkPincodeField);
    m_address->setObjectName(QStringLiteral("checkoutAddressEdit"));
    m_address->setPlaceholderText(tr("House, street, area, city"));
    m_address->setTabChangesFocus(true);
    m_address->setFixedHeight(m_address->fontMetrics().lineSpacing() * 4 + 12);
    m_cod->setObjectName(QStringLiteral("codRadio"));
    m_prepaid->setObjectName(QStringLiteral("prepaidRadio"));
    m_cod->setChecked(true);
    auto *payments = new QButtonGroup(this);
    payments->addButton(m_cod);
    payments->addButton(m_prepaid);
    auto *paymentBox = new QVBoxLayout;
    paymentBox->setSpacing(2);
    paymentBox->addWidget(m_cod);
    paymentBox->addWidget(m_prepaid);

    auto *form = new QFormLayout;
    addRow(form, tr("Pin&code:"), m_pincode, m_pincodeHint);
    addRow(form, tr("&Address:"), m_address, m_addressHint);
    form->addRow(tr("Payment:"), paymentBox);

    m_summary->setObjectName(QStringLiteral("checkoutSummary"));
    m_summary->setColumnCount(SummaryColumns);
    m_summary->setHeaderLabels({tr("Item"), tr("Quantity"), tr("Line total"), tr("Delivery")});
    m_summary->setRootIsDecorated(false);
    m_summary->setSelectionMode(QAbstractItemView::NoSelection);
    m_summary->header()->setSectionResizeMode(ItemColumn, QHeaderView::Stretch);
    m_summary->header()->setStretchLastSection(false);
    m_total->setObjectName(QStringLiteral("checkoutTotalLabel"));
    QFont totalFont = m_total->font();
    totalFont.setBold(true);
    m_total->setFont(totalFont);
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_busy->setObjectName(QStringLiteral("checkoutBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_place->setObjectName(QStringLiteral("placeOrderButton"));
    m_place->setText(tr("Place order"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_total);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
    resize(640, 520);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CheckoutDialog::submit);
    // Cancel while sending closes the dialog; deleting it (WA_DeleteOnClose, set by whoever opens
    // it) drops the answer. The order may still be placed: My Orders shows it.
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pincode, &QLineEdit::editingFinished, this, &CheckoutDialog::refreshSummary);
    connect(m_address, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_addressHint->isHidden())
            checkAddress(true); // once marked, follow every keystroke
    });
    showSummary();
}

Checkout CheckoutDialog::checkout() const
{
    Checkout c;
    c.pincode = m_pincode->text().trimmed();
    c.address = m_address->toPlainText().trimmed();
    c.payment = m_prepaid->isChecked() ? PaymentMethod::Prepaid : PaymentMethod::CashOnDelivery;
    return c;
}

QString CheckoutDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString CheckoutDialog::fieldError(const QString &field) const
{
    const QLabel *hint = field == QLatin1String(keys::Pincode)   ? m_pincodeHint
                         : field == QLatin1String(keys::Address) ? m_addressHint
                                                                 : nullptr;
    return hint && !hint->isHidden() ? hint->text() : QString();
}

void CheckoutDialog::showSummary()
{
    m_summary->clear();
    for (const CartLine &line : std::as_const(m_cart.lines)) {
        auto *row = new QTreeWidgetItem(m_summary);
        row->setText(ItemColumn, line.title);
        row->setText(QuantityColumn, QString::number(line.quantity));
        row->setText(TotalColumn, line.lineTotal.toDisplayString());
        row->setText(DeliveryColumn, cartDeliveryText(line, m_cart.pincode));
        row->setData(ItemColumn, Qt::UserRole, line.itemId);
        row->setTextAlignment(QuantityColumn, Qt::AlignRight | Qt::AlignVCenter);
        row->setTextAlignment(TotalColumn, Qt::AlignRight | Qt::AlignVCenter);
        const bool isShort = m_short.contains(line.itemId);
        if (isShort || !line.available || !line.deliverable) {
            for (int column = 0; column < SummaryColumns; ++column)
                row->setForeground(column, QColor(0xb0, 0x00, 0x20));
        }
        if (isShort) {
            QFont bold = row->font(ItemColumn);
            bold.setBold(true);
            row->setFont(ItemColumn, bold);
        }
    }
    for (int column = QuantityColumn; column < SummaryColumns; ++column)
        m_summary->resizeColumnToContents(column);
    m_total->setText(tr("Total: %1").arg(m_cart.total.toDisplayString()));
}

void CheckoutDialog::refreshSummary()
{
    const QString pincode = m_pincode->text().trimmed();
    if (pincode == m_cart.pincode || !checkPincodeField(pincode).isEmpty())
        return;
    delete m_summaryRequest.data(); // an answer for the pincode typed before is of no use now
    auto *request = new QObject(this);
    m_summaryRequest = request;
    m_api->cart(pincode, request, [this, request](Result<Cart> result) {
        request->deleteLater();
        if (!result) {
            for (const FieldError &f : result.error().fields()) {
                if (f.field == QLatin1String(keys::Pincode)) {
                    showMessage(m_pincodeHint, f.message, true); // not in the directory
                    return;
                }
            }
            setError(
                tr("Could not check delivery to this pincode: %1").arg(result.error().toString()));
            return;
        }
        m_cart = *result;
        m_short.clear();
        showSummary();
    });
}

QList<FieldError> CheckoutDialog::checkAddress(bool show)
{
    const QString address = m_address->toPlainText().trimmed();
    QList<FieldError> errors;
    if (address.isEmpty())
        errors.append({QString(keys::Address), tr("is required")});
    else if (address.size() > CartLimits::AddressMax)
        errors.append({QString(keys::Address),
                       tr("must be at most %1 characters").arg(CartLimits::AddressMax)});
    if (show)
        showMessage(m_addressHint, errors.isEmpty() ? QString() : errors.constFirst().message,
                    true);
    return errors;
}

void CheckoutDialog::setError(const QString &text)
{
    showMessage(m_error, text, true);
}

void CheckoutDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_place->setEnabled(!busy);
    m_pincode->setReadOnly(busy);
    m_address->setReadOnly(busy);
    m_cod->setEnabled(!busy);
    m_prepaid->setEnabled(!busy);
}

void CheckoutDialog::submit()
{
    if (isBusy())
        return;
    const bool fieldsOk = m_validator->validate().isEmpty();
    const bool addressOk = checkAddress(true).isEmpty();
    if (!fieldsOk || !addressOk) {
        setError(tr("Fix the marked fields first."));
        return;
    }
    if (m_cart.lines.isEmpty()) {
        setError(tr("Your cart is empty."));
        return;
    }
    setError({});
    auto *request = new QObject(this);
    m_request = request;
    setBusy(true);
    m_api->placeOrder(checkout(), m_key, request, [this, request](Result<Order> result) {
        request->deleteLater();
        m_request = nullptr;
        setBusy(false);
        if (result) {
            Q_EMIT orderPlaced(*result);
            accept();
            return;
        }
        showServerError(result.error());
    });
}

void CheckoutDialog::showServerError(const DomainError &error)
{
    switch (error.kind()) {
    case DomainError::Kind::Network:
    case DomainError::Kind::Unavailable:
    case DomainError::Kind::Internal:
        // The order may have been placed and only the answer lost: the retry keeps the key, so
        // the server answers with that order instead of placing another.
        setError(tr("No answer from the server (%1). Place order again to retry; a retry never "
                    "places the order twice.")
                     .arg(error.message()));
        return;
    default:
        break;
    }
    m_key = newKey(); // the server answered: the next Place order is a new attempt

    QStringList lines;
    if (error.kind() == DomainError::Kind::Conflict) {
        m_short.clear();
        QStringList shortLines;
        for (const FieldError &f : error.fields()) {
            if (!f.field.startsWith(CartFieldPrefix))
                continue;
            const qint64 itemId = f.field.mid(CartFieldPrefix.size()).toLongLong();
            m_short << itemId;
            QString title = tr("Item %1").arg(itemId);
            for (const CartLine &line : std::as_const(m_cart.lines)) {
                if (line.itemId == itemId)
                    title = line.title;
            }
            shortLines << QStringLiteral("• %1: %2").arg(title, shortageText(f.message));
        }
        if (!shortLines.isEmpty()) {
            lines << tr("Some items cannot be ordered as they are:") << shortLines
                  << tr("Change their quantity or remove them in the cart, then check out again.");
            showSummary();
            Q_EMIT cartOutdated();
        } else {
            // A key reused with other input: an earlier attempt placed an order already.
            lines << tr("The order was not placed: %1").arg(error.message())
                  << tr("An earlier attempt may have placed it; look in My Orders.");
        }
        setError(lines.join(QLatin1Char('\n')));
        return;
    }

    if (error.kind() == DomainError::Kind::Validation)
        lines << tr("The server refused the order: %1").arg(error.message());
    else
        lines << tr("Could not place the order: %1").arg(error.toString());
    for (const FieldError &f : error.fields()) {
        if (f.field == QLatin1String(keys::Pincode)) {
            showMessage(m_pincodeHint, f.message, true);
        } else if (f.field == QLatin1String(keys::Address)) {
            showMessage(m_addressHint, f.message, true);
        } else if (f.field == QLatin1String("cart")) {
            lines << tr("Your cart: %1").arg(f.message);
            Q_EMIT cartOutdated();
        } else {
            lines << QStringLiteral("%1: %2").arg(f.field, f.message);
        }
    }
    setError(lines.join(QLatin1Char('\n')));
}

} // namespace pincart

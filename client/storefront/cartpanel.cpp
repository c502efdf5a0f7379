#include "cartpanel.h"

#include "app/formvalidator.h"
#include "app/loadstatuswidget.h"
#include "jsonkeys.h"
#include "models/cartmodel.h"
#include "storefront/checkoutdialog.h"
#include "validation.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

namespace {

// The Quantity column's editor: a spin box that cannot leave 1..MaxQuantityPerLine.
class QuantityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &) const override
    {
        auto *spin = new QSpinBox(parent);
        spin->setObjectName(QStringLiteral("cartLineQuantityEditor"));
        spin->setRange(1, CartLimits::MaxQuantityPerLine);
        spin->setFrame(false);
        spin->setAlignment(Qt::AlignRight);
        return spin;
    }
};

QList<FieldError> checkPincodeField(const QString &pincode)
{
    if (pincode.trimmed().isEmpty())
        return {{QString(keys::Pincode), QStringLiteral("is required")}};
    return validation::checkPincode(pincode.trimmed());
}

} // namespace

CartPanel::CartPanel(ApiClient *api, CartModel *model, const QString &pincode, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(model)
    , m_validator(new FormValidator(this))
    , m_pincode(new QLineEdit)
    , m_view(new QTableView)
    , m_status(new LoadStatusWidget)
    , m_total(new QLabel)
    , m_checkoutButton(new QPushButton(tr("&Checkout…")))
{
    setObjectName(QStringLiteral("cartPanel"));

    m_pincode->setObjectName(QStringLiteral("cartPincodeEdit"));
    m_pincode->setMaxLength(6);
    m_pincode->setPlaceholderText(tr("Six digits"));
    m_pincode->setText(pincode);
    m_pincode->setToolTip(tr("Where the items would be delivered: the delivery dates are for "
                             "this pincode"));
    auto *pincodeHint = new QLabel;
    pincodeHint->setObjectName(QStringLiteral("cartPincodeEditHint"));
    m_validator->addField(m_pincode, pincodeHint, checkPincodeField);
    auto *pincodeRow = new QHBoxLayout;
    auto *pincodeCaption = new QLabel(tr("Deliver to pin&code:"));
    pincodeCaption->setBuddy(m_pincode);
    pincodeRow->addWidget(pincodeCaption);
    pincodeRow->addWidget(m_pincode);
    pincodeRow->addWidget(pincodeHint, 1);

    m_view->setObjectName(QStringLiteral("cartView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(CartModel::QuantityColumn, new QuantityDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(CartModel::ItemColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(CartModel::DeliveryColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setToolTip(tr("Double-click a quantity to change it"));

    m_status->setObjectName(QStringLiteral("cartStatus"));
    m_total->setObjectName(QStringLiteral("cartTotalLabel"));
    QFont totalFont = m_total->font();
    totalFont.setBold(true);
    totalFont.setPointSizeF(totalFont.pointSizeF() * 1.2);
    m_total->setFont(totalFont);
    m_total->setTextFormat(Qt::PlainText);
    m_checkoutButton->setObjectName(QStringLiteral("checkoutButton"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_total);
    bottom->addWidget(m_checkoutButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pincodeRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    connect(m_pincode, &QLineEdit::editingFinished, this, &CartPanel::applyPincode);
    connect(m_checkoutButton, &QPushButton::clicked, this, &CartPanel::checkout);
    connect(m_model, &CartModel::cartChanged, this, &CartPanel::onCartChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CartPanel::addRemoveButtons);
    connect(m_model, &CartModel::busyChanged, this, [this](bool busy) {
        if (busy)
            m_status->showBusy(tr("Updating the cart…"));
        else if (m_model->errorString().isEmpty())
            m_status->showMessage({});
        updateButtons();
    });
    connect(m_model, &CartModel::failed, this,
            [this](const QString &message) { m_status->showError(message); });
    connect(m_status, &LoadStatusWidget::retryRequested, m_model, &CartModel::reload);
    connect(m_model, &CartModel::pincodeRefused, this,
            [this, pincodeHint](const QString &refused, const QString &message) {
                if (m_pincode->text().trimmed() != refused)
                    return; // typed over already
                pincodeHint->setText(tr("%1 %2").arg(refused, message));
                pincodeHint->setVisible(true);
            });
    addRemoveButtons();
    onCartChanged();
}

CheckoutDialog *CartPanel::checkoutDialog() const
{
    return m_checkout;
}

QString CartPanel::statusText() const
{
    return m_status->text();
}

void CartPanel::applyPincode()
{
    const QString pincode = m_pincode->text().trimmed();
    if (!checkPincodeField(pincode).isEmpty() || pincode == m_model->pincode())
        return; // the hint says what is wrong; the cart stays as it was
    m_model->setPincode(pincode);
}

void CartPanel::onCartChanged()
{
    const Cart &cart = m_model->cart();
    int undeliverable = 0;
    int units = 0;
    for (const CartLine &line : cart.lines) {
        units += line.quantity;
        if (!line.available || !line.deliverable)
            ++undeliverable;
    }
    if (!m_model->isLoaded()) {
        m_total->clear();
    } else if (cart.lines.isEmpty()) {
        m_total->setText(tr("Your cart is empty"));
    } else {
        m_total->setText(
            tr("Total (%n item(s)): %1", nullptr, units).arg(cart.total.toDisplayString()));
    }
    m_total->setToolTip(undeliverable > 0 ? tr("%n line(s) cannot be delivered to %1 as they are",
                                               nullptr, undeliverable)
                                                .arg(cart.pincode)
                                          : QString());
    if (!cart.pincode.isEmpty() && !m_pincode->hasFocus()
        && m_pincode->text().trimmed() != cart.pincode)
        m_pincode->setText(cart.pincode);
    updateButtons();
}

void CartPanel::updateButtons()
{
    m_checkoutButton->setEnabled(m_model->isLoaded() && !m_model->cart().lines.isEmpty()
                                 && !m_model->isBusy() && !(m_checkout && m_checkout->isVisible()));
}

void CartPanel::addRemoveButtons()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 itemId = m_model->at(row).itemId;
        auto *remove = new QPushButton(tr("Remove"));
        remove->setObjectName(QStringLiteral("removeCartLine_%1").arg(itemId));
        remove->setToolTip(tr("Take %1 out of the cart").arg(m_model->at(row).title));
        connect(remove, &QPushButton::clicked, m_model,
                [this, itemId] { m_model->remove(itemId); });
        m_view->setIndexWidget(m_model->index(row, CartModel::RemoveColumn), remove);
    }
    m_view->resizeColumnToContents(CartModel::RemoveColumn);
}

void CartPanel::checkout()
{
    if (m_checkout && m_checkout->isVisible()) {
        m_checkout->raise();
        m_checkout->activateWindow();
        return;
    }
    m_checkout = new CheckoutDialog(m_api, m_model->cart(), this);
    m_checkout->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_checkout, &CheckoutDialog::orderPlaced, this, [this](const Order &order) {
        m_model->reload(); // the order took the cart's lines
        Q_EMIT orderPlaced(order);
    });
    connect(m_checkout, &CheckoutDialog::cartOutdated, m_model, &CartModel::reload);
    connect(m_checkout, &QDialog::finished, this, &CartPanel::updateButtons);
    m_checkout->open();
    updateButtons();
}

} // namespace pincart

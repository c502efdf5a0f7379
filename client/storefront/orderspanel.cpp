#include "orderspanel.h"

#include "apiclient.h"
#include "app/loadstatuswidget.h"
#include "models/orderlistmodel.h"
#include "models/ordertext.h"
#include "storefront/messageline.h"
#include "storefront/paymentdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

OrdersPanel::OrdersPanel(ApiClient *api, OrderListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(model)
    , m_view(new QTableView)
    , m_status(new LoadStatusWidget)
    , m_detail(new QLabel)
    , m_message(newMessageLabel(QStringLiteral("ordersMessageLabel")))
    , m_cancel(new QPushButton(tr("Ca&ncel order")))
    , m_pay(new QPushButton(tr("&Pay…")))
    , m_reload(new QPushButton(tr("Re&load")))
{
    setObjectName(QStringLiteral("ordersPanel"));
    m_view->setObjectName(QStringLiteral("ordersView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(OrderListModel::ItemsColumn,
                                                     QHeaderView::Stretch);
    m_status->setObjectName(QStringLiteral("ordersStatus"));
    m_status->track(m_model, tr("orders"));

    m_detail->setObjectName(QStringLiteral("orderDetailLabel"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText); // titles and addresses are user text
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *detailScroll = new QScrollArea;
    detailScroll->setWidget(m_detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);

    m_cancel->setObjectName(QStringLiteral("cancelOrderButton"));
    m_cancel->setToolTip(tr("Possible until a shipment of the order has left its warehouse"));
    m_pay->setObjectName(QStringLiteral("payOrderButton"));
    m_reload->setObjectName(QStringLiteral("reloadOrdersButton"));

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view, 1);
    topLayout->addWidget(m_status);
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(detailScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_reload);
    buttons->addWidget(m_pay);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetail();
        updateButtons();
    });
    // A row changed in place (cancelled, paid) or the list changed under the selection.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        showDetail();
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        showDetail();
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &OrdersPanel::selectPending);
    connect(m_cancel, &QPushButton::clicked, this, &OrdersPanel::cancelSelected);
    connect(m_pay, &QPushButton::clicked, this, [this] {
        if (const auto order = selectedOrder())
            pay(*order);
    });
    connect(m_reload, &QPushButton::clicked, this, [this] {
        setMessage({});
        m_model->reload();
    });
    showDetail();
    updateButtons();
}

PaymentDialog *OrdersPanel::paymentDialog() const
{
    return m_payment;
}

QString OrdersPanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString OrdersPanel::detailText() const
{
    return m_detail->text();
}

void OrdersPanel::showOrder(const Order &order)
{
    m_selectWhenListed = order.id;
    m_model->reload();
}

void OrdersPanel::selectPending()
{
    if (m_selectWhenListed == 0)
        return;
    const auto row = m_model->rowOfOrder(m_selectWhenListed);
    if (!row)
        return;
    m_selectWhenListed = 0;
    const QModelIndex index = m_model->index(*row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                         | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

std::optional<Order> OrdersPanel::selectedOrder() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->at(rows.constFirst().row());
}

void OrdersPanel::showDetail()
{
    const auto order = selectedOrder();
    if (!order) {
        m_detail->setText(m_model->rowCount() == 0 ? QString()
                                                   : tr("Select an order to see its details."));
        return;
    }
    QStringList lines;
    lines << tr("Order %1, placed %2: %3")
                 .arg(order->id)
                 .arg(QLocale().toString(order->createdAt.toLocalTime(), QLocale::ShortFormat),
                      orderStatusText(order->status));
    for (const OrderLine &line : order->lines)
        lines << QStringLiteral("  %1 × %2 at %3 = %4")
                     .arg(line.quantity)
                     .arg(line.title, line.unitPrice.toDisplayString(),
                          line.lineTotal.toDisplayString());
    lines << tr("Total: %1").arg(order->total.toDisplayString())
          << tr("Payment: %1").arg(paymentText(order->payment, order->paymentStatus))
          << tr("Deliver to: %1, %2").arg(order->address, order->pincode);
    const QStringList shipments = shipmentSummaries(*order);
    if (!shipments.isEmpty()) {
        lines << tr("Shipments:");
        for (const QString &s : shipments)
            lines << QStringLiteral("  ") + s;
    }
    m_detail->setText(lines.join(QLatin1Char('\n')));
}

void OrdersPanel::updateButtons()
{
    const auto order = selectedOrder();
    const bool idle = m_request == nullptr;
    m_cancel->setEnabled(idle && order && canCancelOrder(*order));
    m_pay->setEnabled(idle && order && order->payment == PaymentMethod::Prepaid
                      && order->paymentStatus != PaymentStatus::Paid
                      && order->status != OrderStatus::Cancelled);
}

void OrdersPanel::cancelSelected()
{
    const auto order = selectedOrder();
    if (!order || m_request)
        return;
    const qint64 id = order->id;
    auto *request = new QObject(this);
    m_request = request;
    setMessage(tr("Cancelling order %1…").arg(id));
    updateButtons();
    m_api->cancelOrder(id, request, [this, request, id](Result<Order> result) {
        request->deleteLater();
        m_request = nullptr;
        if (result) {
            m_model->updateOrder(*result);
            setMessage(tr("Order %1 is cancelled.").arg(id));
        } else {
            const DomainError &error = result.error();
            if (error.kind() == DomainError::Kind::Conflict)
                setMessage(tr("Order %1 cannot be cancelled: %2").arg(id).arg(error.message()),
                           true);
            else
                setMessage(tr("Could not cancel order %1: %2").arg(id).arg(error.toString()), true);
            refreshOrder(id); // show how it is now (shipped, or cancelled elsewhere)
        }
        updateButtons();
    });
}

void OrdersPanel::refreshOrder(qint64 id)
{
    m_api->order(id, this, [this](Result<Order> result) {
        if (result)
            m_model->updateOrder(*result);
    });
}

void OrdersPanel::pay(const Order &order)
{
    if (m_payment && m_payment->isVisible()) {
        m_payment->raise();
        m_payment->activateWindow();
        return;
    }
    m_payment = new PaymentDialog(m_api, order, this);
    m_payment->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_payment, &PaymentDialog::orderChanged, m_model, &OrderListModel::updateOrder);
    connect(m_payment, &PaymentDialog::paid, this,
            [this](const Order &paid) { setMessage(tr("Order %1 is paid.").arg(paid.id)); });
    m_payment->open();
}

void OrdersPanel::setMessage(const QString &text, bool isError)
{
    showMessage(m_message, text, isError);
}

} // namespace pincart

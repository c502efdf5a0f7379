#pragma once

#include "order.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pincart {

class ApiClient;
class LoadStatusWidget;
class OrderListModel;
class PaymentDialog;

// My Orders: the customer's orders newest first (paged as the view scrolls), the selected one's
// lines, address and shipments with their promise dates, and Cancel (enabled while no shipment
// has left its warehouse) and Pay (a prepaid order not paid yet). A refused cancel (409: a
// shipment left meanwhile) is a message, and the order is asked again to show how it is now.
// Object names: ordersPanel, ordersView, ordersStatus, orderDetailLabel, ordersMessageLabel,
// cancelOrderButton, payOrderButton, reloadOrdersButton.
class OrdersPanel : public QWidget
{
    Q_OBJECT

public:
    OrdersPanel(ApiClient *api, OrderListModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    PaymentDialog *paymentDialog() const; // null unless open
    QString messageText() const;
    QString detailText() const;

    // Reloads the list and selects `order` once it is listed (a new order is first).
    void showOrder(const Order &order);
    // Opens the card payment prompt of a prepaid order.
    void pay(const Order &order);

private:
    std::optional<Order> selectedOrder() const;
    void selectPending();
    void showDetail();
    void updateButtons();
    void cancelSelected();
    void refreshOrder(qint64 id);
    void setMessage(const QString &text, bool isError = false);

    ApiClient *m_api;
    OrderListModel *m_model;
    QTableView *m_view;
    LoadStatusWidget *m_status;
    QLabel *m_detail;
    QLabel *m_message;
    QPushButton *m_cancel;
    QPushButton *m_pay;
    QPushButton *m_reload;
    qint64 m_selectWhenListed = 0;
    QPointer<QObject> m_request; // context of the cancel in flight
    QPointer<PaymentDialog> m_payment;
};

} // namespace pincart

#pragma once

#include "order.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace pincart {

class ApiClient;

// The simulated card gateway of a prepaid order: a card number (12 to 19 digits, spaces allowed)
// sent with POST /orders/{id}/payment. A declined card (the server answers the order with payment
// failed) or a refused number shows in the dialog, which stays open for another card; a paid
// order is emitted with paid() and the dialog closes. Closing it unpaid leaves the order waiting
// for payment (My Orders can open this dialog again). Open it with open() or show().
// Object names: paymentDialog, cardNumberEdit, paymentErrorLabel, paymentBusy, payButton.
class PaymentDialog : public QDialog
{
    Q_OBJECT

public:
    PaymentDialog(ApiClient *api, const Order &order, QWidget *parent = nullptr);

    qint64 orderId() const { return m_order.id; }
    bool isBusy() const { return m_request != nullptr; }
    QString errorText() const;

public Q_SLOTS:
    void submit();

Q_SIGNALS:
    void paid(const pincart::Order &order);
    // Any answer about the order (paid or failed): for the lists that show it.
    void orderChanged(const pincart::Order &order);

private:
    void setBusy(bool busy);

    ApiClient *m_api;
    Order m_order;
    QLineEdit *m_card;
    QLabel *m_error;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
    QPushButton *m_pay;
    QPointer<QObject> m_request;
};

} // namespace pincart

#pragma once

#include "order.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace pincart {

class ApiClient;
class CartModel;
class CheckoutDialog;
class FormValidator;
class LoadStatusWidget;

// The Cart tab: the delivery pincode (the account's at first; a valid new one asks the server
// again), the lines with an editable quantity and a Remove button each, a status line, the total
// and Checkout, which opens the CheckoutDialog. Object names: cartPanel, cartPincodeEdit (+Hint),
// cartView, cartStatus, cartTotalLabel, checkoutButton; each Remove button is
// "removeCartLine_<item id>".
class CartPanel : public QWidget
{
    Q_OBJECT

public:
    CartPanel(ApiClient *api, CartModel *model, const QString &pincode, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    CheckoutDialog *checkoutDialog() const; // null unless open
    QString statusText() const;

    // Opens the checkout dialog for the cart as shown.
    void checkout();

Q_SIGNALS:
    void orderPlaced(const pincart::Order &order);

private:
    void onCartChanged();
    void updateButtons();
    void addRemoveButtons();
    void applyPincode();

    ApiClient *m_api;
    CartModel *m_model;
    FormValidator *m_validator;
    QLineEdit *m_pincode;
    QTableView *m_view;
    LoadStatusWidget *m_status;
    QLabel *m_total;
    QPushButton *m_checkoutButton;
    QPointer<CheckoutDialog> m_checkout;
};

} // namespace pincart

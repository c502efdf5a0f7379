#pragma once

#include "domainerror.h"
#include "order.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace pincart {

class ApiClient;
class FormValidator;

// Checking out the whole cart: the delivery pincode (checked with validation::checkPincode before
// anything is sent), the address, cash on delivery or prepaid, and a summary of the lines with
// each one's promise date for that pincode (asked again when the pincode changes). Place order
// sends POST /orders with one Idempotency-Key per attempt: a retry after a lost answer sends the
// same key, so it can only ever get the first order back, never a second one. A 409 marks the
// short lines by title, a 422 the field it names; the dialog stays open. On success it emits
// orderPlaced() and closes. Open it with open() or show(), never exec().
// Object names: checkoutDialog, checkoutPincodeEdit, checkoutAddressEdit (hints with the suffix
// "Hint"), codRadio, prepaidRadio, checkoutSummary, checkoutTotalLabel, checkoutErrorLabel,
// checkoutBusy, placeOrderButton.
class CheckoutDialog : public QDialog
{
    Q_OBJECT

public:
    CheckoutDialog(ApiClient *api, const Cart &cart, QWidget *parent = nullptr);

    Checkout checkout() const;
    QString idempotencyKey() const { return m_key; }
    bool isBusy() const { return m_request != nullptr; }
    QString errorText() const; // empty when no error shows
    // The hint under a field ("pincode", "address"); empty when it shows none.
    QString fieldError(const QString &field) const;
    // The summary's item ids marked short by the last 409.
    QList<qint64> shortItems() const { return m_short; }

public Q_SLOTS:
    void submit();

Q_SIGNALS:
    void orderPlaced(const pincart::Order &order);
    // The server found lines it cannot sell as they are: the cart shown elsewhere is stale.
    void cartOutdated();

private:
    void showSummary();
    void refreshSummary(); // GET /cart for the pincode typed, when it differs from the summary's
    QList<FieldError> checkAddress(bool show);
    void showServerError(const DomainError &error);
    void setError(const QString &text);
    void setBusy(bool busy);

    ApiClient *m_api;
    Cart m_cart; // the summary's: its pincode is the one its promise dates are for
    QString m_key;
    QList<qint64> m_short;
    FormValidator *m_validator;
    QLineEdit *m_pincode;
    QLabel *m_pincodeHint;
    QPlainTextEdit *m_address;
    QLabel *m_addressHint;
    QRadioButton *m_cod;
    QRadioButton *m_prepaid;
    QTreeWidget *m_summary;
    QLabel *m_total;
    QLabel *m_error;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
    QPushButton *m_place;
    QPointer<QObject> m_request;        // context of the POST /orders in flight
    QPointer<QObject> m_summaryRequest; // context of the GET /cart in flight
};

} // namespace pincart

#pragma once

#include "domainerror.h"
#include "logistics.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace pincart {

class ApiClient;
class FormValidator;

// Receiving stock into one warehouse: an item by SKU, a quantity (1..Receipt::MaxQuantity) and a
// bin, sent as a one-line receipt with POST /warehouses/{id}/receipts. The SKU and the bin are
// checked with the shared rules before anything is sent; the server's 422 field errors
// ("lines[0].sku", ".quantity", ".bin", ".item_id") show under their fields, anything else as a
// line of text, and the dialog stays open. On success it emits received() and closes.
// Open it with open() or show(), never exec().
// Object names: receiveStockDialog, receiveSkuEdit, receiveQuantitySpin, receiveBinCombo (their
// hints with the suffix "Hint"), receiveErrorLabel, receiveBusy, receiveOkButton.
class ReceiveStockDialog : public QDialog
{
    Q_OBJECT

public:
    ReceiveStockDialog(ApiClient *api, const Warehouse &warehouse, QWidget *parent = nullptr);

    // The bins the chooser offers: rows A-D, bins 01-10 (the layout every warehouse uses; the
    // server checks the bin either way).
    static QStringList standardBins();

    // Starts from a known row (the selected stock line).
    void setLine(const QString &sku, const QString &bin);

    bool isBusy() const { return m_request != nullptr; }
    QString errorText() const; // empty when no error shows
    // The hint under a field ("sku", "quantity", "bin"); empty when it shows none.
    QString fieldError(const QString &field) const;

public Q_SLOTS:
    void submit();

Q_SIGNALS:
    void received(const pincart::Receipt &receipt);

private:
    ReceiptLine line() const;
    QLabel *hintFor(const QString &field) const;
    void showServerError(const DomainError &error);
    void setError(const QString &text);
    void setBusy(bool busy);

    ApiClient *m_api;
    Warehouse m_warehouse;
    FormValidator *m_validator;
    QLineEdit *m_sku;
    QLabel *m_skuHint;
    QSpinBox *m_quantity;
    QLabel *m_quantityHint;
    QComboBox *m_bin;
    QLabel *m_binHint;
    QLabel *m_error;
    QProgressBar *m_busy;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QPointer<QObject> m_request; // context of the POST in flight
};

} // namespace pincart

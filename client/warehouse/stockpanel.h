#pragma once

#include "logistics.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace pincart {

class ApiClient;
class LoadStatusWidget;
class ReceiveStockDialog;
class StockTableModel;

// The "Stock" tab: the chosen warehouse's stock, paged as it scrolls, searched on the server
// (SKU prefix or title words; typing waits for a short pause before it asks), optionally only
// the low rows; "Receive stock…" opens ReceiveStockDialog (prefilled from the selected row), and
// a receipt reloads the table.
// Object names: stockPanel, stockSearchEdit, lowStockCheck, stockView, stockStatus,
// receiveButton; the dialog receiveStockDialog.
class StockPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int SearchDelayMs = 300;

    explicit StockPanel(ApiClient *api, QWidget *parent = nullptr);

    StockTableModel *model() const { return m_model; }
    ReceiveStockDialog *receiveDialog() const; // while it is open

    // The warehouse whose stock shows (id 0: none); reloads.
    void setWarehouse(const Warehouse &warehouse);

public Q_SLOTS:
    void reload();
    void openReceiveDialog();

Q_SIGNALS:
    void stockReceived(const pincart::Receipt &receipt);

private:
    void applyQuery();

    ApiClient *m_api;
    Warehouse m_warehouse;
    StockTableModel *m_model;
    QLineEdit *m_search;
    QCheckBox *m_lowOnly;
    QTableView *m_view;
    QPushButton *m_receive;
    LoadStatusWidget *m_status;
    QTimer *m_searchDelay;
    QPointer<ReceiveStockDialog> m_dialog;
};

} // namespace pincart

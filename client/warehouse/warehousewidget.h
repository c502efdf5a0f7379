#pragma once

#include "logistics.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;

namespace pincart {

class ApiClient;
class FulfilmentPanel;
class LoadStatusWidget;
class ServiceabilityPanel;
class StockPanel;

// The Warehouse workspace of an operator (or an admin): a chooser of the warehouses the account
// runs (GET /warehouses), the chosen one's counters (open shipments, low-stock items, receipts
// today, from GET /warehouses/{id}/summary), refreshed after each receipt and shipment change,
// and tabs "Stock" (StockPanel), "Fulfilment" (FulfilmentPanel) and "Serviceability"
// (ServiceabilityPanel). Failures are lines of text with Retry, never dialogs.
// Object names: warehouseWorkspace, warehouseCombo, warehouseStatus, openShipmentsLabel,
// lowStockLabel, receiptsTodayLabel, warehouseTabs.
class WarehouseWidget : public QWidget
{
    Q_OBJECT

public:
    explicit WarehouseWidget(ApiClient *api, QWidget *parent = nullptr);

    const QList<Warehouse> &warehouses() const { return m_warehouses; }
    Warehouse currentWarehouse() const; // id 0 when none is chosen
    // The chosen warehouse's counters, once they arrived (cleared when the choice changes).
    const std::optional<WarehouseSummary> &summary() const { return m_summary; }
    QTabWidget *tabs() const { return m_tabs; }
    StockPanel *stockPanel() const { return m_stock; }
    FulfilmentPanel *fulfilmentPanel() const { return m_fulfilment; }
    ServiceabilityPanel *serviceabilityPanel() const { return m_serviceability; }

    // Chooses a listed warehouse; false if it is not listed.
    bool setCurrentWarehouse(qint64 id);

public Q_SLOTS:
    void loadWarehouses();
    void refreshSummary();

Q_SIGNALS:
    void warehousesLoaded();
    void summaryChanged();

private:
    void warehouseChosen();
    void showSummary();

    ApiClient *m_api;
    QComboBox *m_combo;
    LoadStatusWidget *m_status;
    QLabel *m_openShipments;
    QLabel *m_lowStock;
    QLabel *m_receiptsToday;
    QTabWidget *m_tabs;
    StockPanel *m_stock;
    FulfilmentPanel *m_fulfilment;
    ServiceabilityPanel *m_serviceability;
    QList<Warehouse> m_warehouses;
    std::optional<WarehouseSummary> m_summary;
    QPointer<QObject> m_listRequest;
    QPointer<QObject> m_summaryRequest;
};

} // namespace pincart

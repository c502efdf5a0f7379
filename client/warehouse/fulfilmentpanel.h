#pragma once

#include "logistics.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace pincart {

class ApiClient;
class LoadStatusWidget;
class ShipmentQueueModel;

// The "Fulfilment" tab: the chosen warehouse's open shipments, and Pick, Pack and Ship for the
// selected one. Only the buttons of the steps it may take are enabled (canAdvanceShipment:
// placed -> Pick or Pack, picked -> Pack, packed -> Ship), and none while a change is on its way.
// The server's answer updates the row (a shipped one leaves the queue); a refusal (409: someone
// else moved it) is a line of text and the queue reloads. Object names: fulfilmentPanel,
// fulfilmentView, fulfilmentStatus, pickButton, packButton, shipButton, refreshFulfilmentButton,
// fulfilmentActionLabel.
class FulfilmentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FulfilmentPanel(ApiClient *api, QWidget *parent = nullptr);

    ShipmentQueueModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    bool isBusy() const { return m_request != nullptr; }
    QString actionText() const;

    void setWarehouse(qint64 warehouseId);

public Q_SLOTS:
    void reload();
    // Moves the selected shipment to `to`, if it may take that step.
    void advanceSelected(pincart::ShipmentStatus to);

Q_SIGNALS:
    void shipmentAdvanced(const pincart::Shipment &shipment);

private:
    std::optional<Shipment> selectedShipment() const;
    void updateActions();
    void setActionText(const QString &text, bool isError);

    ApiClient *m_api;
    ShipmentQueueModel *m_model;
    QTableView *m_view;
    QPushButton *m_pick;
    QPushButton *m_pack;
    QPushButton *m_ship;
    QPushButton *m_refresh;
    QLabel *m_action;
    LoadStatusWidget *m_status;
    QPointer<QObject> m_request; // context of the status change in flight
};

} // namespace pincart

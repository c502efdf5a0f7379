#include "fulfilmentpanel.h"

#include "apiclient.h"
#include "app/loadstatuswidget.h"
#include "models/logisticstext.h"
#include "models/shipmentqueuemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

FulfilmentPanel::FulfilmentPanel(ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(new ShipmentQueueModel(api, this))
    , m_view(new QTableView)
    , m_pick(new QPushButton(tr("&Pick")))
    , m_pack(new QPushButton(tr("P&ack")))
    , m_ship(new QPushButton(tr("&Ship")))
    , m_refresh(new QPushButton(tr("Refresh")))
    , m_action(new QLabel)
    , m_status(new LoadStatusWidget)
{
    setObjectName(QStringLiteral("fulfilmentPanel"));
    m_view->setObjectName(QStringLiteral("fulfilmentView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(ShipmentQueueModel::ItemsColumn,
                                                     QHeaderView::Stretch);
    m_pick->setObjectName(QStringLiteral("pickButton"));
    m_pack->setObjectName(QStringLiteral("packButton"));
    m_ship->setObjectName(QStringLiteral("shipButton"));
    m_refresh->setObjectName(QStringLiteral("refreshFulfilmentButton"));
    m_action->setObjectName(QStringLiteral("fulfilmentActionLabel"));
    m_action->setWordWrap(true);
    m_action->setTextFormat(Qt::PlainText);
    m_action->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("fulfilmentStatus"));
    m_status->track(m_model, tr("open shipments"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_pick);
    bar->addWidget(m_pack);
    bar->addWidget(m_ship);
    bar->addStretch(1);
    bar->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_status);

    connect(m_pick, &QPushButton::clicked, this,
            [this] { advanceSelected(ShipmentStatus::Picked); });
    connect(m_pack, &QPushButton::clicked, this,
            [this] { advanceSelected(ShipmentStatus::Packed); });
    connect(m_ship, &QPushButton::clicked, this,
            [this] { advanceSelected(ShipmentStatus::Shipped); });
    connect(m_refresh, &QPushButton::clicked, this, &FulfilmentPanel::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FulfilmentPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FulfilmentPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FulfilmentPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &FulfilmentPanel::updateActions);
    updateActions();
}

QString FulfilmentPanel::actionText() const
{
    return m_action->text();
}

void FulfilmentPanel::setWarehouse(qint64 warehouseId)
{
    delete m_request; // a change for the other warehouse's queue: its answer no longer matters
    setActionText({}, false);
    m_model->setWarehouse(warehouseId);
}

void FulfilmentPanel::reload()
{
    m_model->reload();
}

std::optional<Shipment> FulfilmentPanel::selectedShipment() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->at(rows.constFirst().row());
}

void FulfilmentPanel::updateActions()
{
    const auto shipment = selectedShipment();
    const auto allowed = [&](ShipmentStatus to) {
        return shipment && !isBusy() && canAdvanceShipment(shipment->status, to);
    };
    m_pick->setEnabled(allowed(ShipmentStatus::Picked));
    m_pack->setEnabled(allowed(ShipmentStatus::Packed));
    m_ship->setEnabled(allowed(ShipmentStatus::Shipped));
}

void FulfilmentPanel::advanceSelected(ShipmentStatus to)
{
    const auto shipment = selectedShipment();
    if (!shipment || isBusy() || !canAdvanceShipment(shipment->status, to))
        return;
    auto *request = new QObject(this);
    m_request = request;
    updateActions();
    setActionText(tr("Shipment %1: %2…").arg(shipment->id).arg(shipmentStatusText(to)), false);
    const qint64 id = shipment->id;
    m_api->advanceShipment(id, to, request, [this, request, id](Result<Shipment> result) {
        request->deleteLater();
        m_request = nullptr;
        if (result) {
            setActionText(tr("Shipment %1 is now %2.")
                              .arg(id)
                              .arg(shipmentStatusText(result->status).toLower()),
                          false);
            m_model->updateShipment(*result);
            updateActions();
            Q_EMIT shipmentAdvanced(*result);
            return;
        }
        const DomainError &error = result.error();
        setActionText(tr("Shipment %1 was not changed: %2").arg(id).arg(error.toString()), true);
        updateActions();
        // Someone else moved it (409) or it went (404): show the queue as it is now.
        if (error.kind() == DomainError::Kind::Conflict
            || error.kind() == DomainError::Kind::NotFound)
            m_model->reload();
    });
}

void FulfilmentPanel::setActionText(const QString &text, bool isError)
{
    m_action->setText(text);
    QPalette palette = m_action->palette();
    palette.setColor(QPalette::WindowText,
                     isError ? QColor(0xb0, 0x00, 0x20) : QPalette().color(QPalette::WindowText));
    m_action->setPalette(palette);
}

} // namespace pincart

#include "warehousewidget.h"

#include "apiclient.h"
#include "app/loadstatuswidget.h"
#include "warehouse/fulfilmentpanel.h"
#include "warehouse/serviceabilitypanel.h"
#include "warehouse/stockpanel.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace pincart {

namespace {

QLabel *newCounter(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(6);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

} // namespace

WarehouseWidget::WarehouseWidget(ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_combo(new QComboBox)
    , m_status(new LoadStatusWidget)
    , m_openShipments(newCounter(QStringLiteral("openShipmentsLabel")))
    , m_lowStock(newCounter(QStringLiteral("lowStockLabel")))
    , m_receiptsToday(newCounter(QStringLiteral("receiptsTodayLabel")))
    , m_tabs(new QTabWidget)
    , m_stock(new StockPanel(api))
    , m_fulfilment(new FulfilmentPanel(api))
    , m_serviceability(new ServiceabilityPanel(api))
{
    setObjectName(QStringLiteral("warehouseWorkspace"));
    m_combo->setObjectName(QStringLiteral("warehouseCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setEnabled(false);
    m_status->setObjectName(QStringLiteral("warehouseStatus"));
    m_tabs->setObjectName(QStringLiteral("warehouseTabs"));
    m_tabs->addTab(m_stock, tr("Stock"));
    m_tabs->addTab(m_fulfilment, tr("Fulfilment"));
    m_tabs->addTab(m_serviceability, tr("Serviceability"));

    auto *chooserLabel = new QLabel(tr("&Warehouse:"));
    chooserLabel->setBuddy(m_combo);
    auto *top = new QHBoxLayout;
    top->addWidget(chooserLabel);
    top->addWidget(m_combo);
    top->addSpacing(12);
    top->addWidget(m_openShipments);
    top->addWidget(m_lowStock);
    top->addWidget(m_receiptsToday);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    showSummary();

    connect(m_combo, &QComboBox::currentIndexChanged, this, &WarehouseWidget::warehouseChosen);
    connect(m_status, &LoadStatusWidget::retryRequested, this, [this] {
        if (m_warehouses.isEmpty())
            loadWarehouses();
        else
            refreshSummary();
    });
    connect(m_stock, &StockPanel::stockReceived, this, &WarehouseWidget::refreshSummary);
    connect(m_fulfilment, &FulfilmentPanel::shipmentAdvanced, this,
            &WarehouseWidget::refreshSummary);
    loadWarehouses();
}

Warehouse WarehouseWidget::currentWarehouse() const
{
    const int index = m_combo->currentIndex();
    return index >= 0 && index < m_warehouses.size() ? m_warehouses.at(index) : Warehouse{};
}

bool WarehouseWidget::setCurrentWarehouse(qint64 id)
{
    for (int i = 0; i < m_warehouses.size(); ++i) {
        if (m_warehouses.at(i).id == id) {
            m_combo->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void WarehouseWidget::loadWarehouses()
{
    delete m_listRequest;
    auto *request = new QObject(this);
    m_listRequest = request;
    m_status->showBusy(tr("Loading warehouses…"));
    m_status->setVisible(true);
    m_api->warehouses(request, [this, request](Result<QList<Warehouse>> result) {
        request->deleteLater();
        m_listRequest = nullptr;
        if (!result) {
            m_status->showError(
                tr("Could not load the warehouses: %1").arg(result.error().toString()));
            return;
        }
        const qint64 previous = currentWarehouse().id;
        m_warehouses = std::move(*result);
        {
            const QSignalBlocker blocker(m_combo);
            m_combo->clear();
            for (const Warehouse &w : std::as_const(m_warehouses))
                m_combo->addItem(QStringLiteral("%1 — %2").arg(w.code, w.name), w.id);
            const int index = int(m_combo->findData(previous));
            m_combo->setCurrentIndex(index >= 0 ? index : 0);
        }
        m_combo->setEnabled(m_warehouses.size() > 1);
        if (m_warehouses.isEmpty())
            m_status->showMessage(tr("No warehouse is assigned to your account. Ask an "
                                     "administrator."));
        else
            m_status->setVisible(false);
        warehouseChosen();
        Q_EMIT warehousesLoaded();
    });
}

void WarehouseWidget::warehouseChosen()
{
    const Warehouse w = currentWarehouse();
    delete m_summaryRequest;
    m_summary.reset();
    showSummary();
    m_stock->setWarehouse(w);
    m_fulfilment->setWarehouse(w.id);
    refreshSummary();
}

void WarehouseWidget::refreshSummary()
{
    const qint64 id = currentWarehouse().id;
    if (id == 0)
        return;
    delete m_summaryRequest; // the newer answer is the one to show
    auto *request = new QObject(this);
    m_summaryRequest = request;
    m_api->warehouseSummary(id, request, [this, request](Result<WarehouseSummary> result) {
        request->deleteLater();
        m_summaryRequest = nullptr;
        if (!result) {
            m_status->showError(
                tr("Could not load the counters: %1").arg(result.error().toString()));
            m_status->setVisible(true);
            return;
        }
        m_status->setVisible(false);
        m_summary = *result;
        showSummary();
        Q_EMIT summaryChanged();
    });
}

void WarehouseWidget::showSummary()
{
    const auto count = [this](auto member) {
        return m_summary ? QString::number((*m_summary).*member) : QStringLiteral("—");
    };
    m_openShipments->setText(tr("Open shipments: %1").arg(count(&WarehouseSummary::openShipments)));
    m_lowStock->setText(tr("Low-stock items: %1").arg(count(&WarehouseSummary::lowStockItems)));
    m_receiptsToday->setText(tr("Receipts today: %1").arg(count(&WarehouseSummary::receiptsToday)));
    if (m_summary)
        m_receiptsToday->setToolTip(
            tr("%n unit(s) received today", nullptr, int(m_summary->unitsReceivedToday)));
    else
        m_receiptsToday->setToolTip({});
}

} // namespace pincart

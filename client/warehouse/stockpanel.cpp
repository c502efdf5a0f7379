#include "stockpanel.h"

#include "app/loadstatuswidget.h"
#include "models/stocktablemodel.h"
#include "warehouse/receivestockdialog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pincart {

StockPanel::StockPanel(ApiClient *api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_model(new StockTableModel(api, this))
    , m_search(new QLineEdit)
    , m_lowOnly(new QCheckBox(tr("&Low stock only")))
    , m_view(new QTableView)
    , m_receive(new QPushButton(tr("&Receive stock…")))
    , m_status(new LoadStatusWidget)
    , m_searchDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("stockPanel"));
    m_search->setObjectName(QStringLiteral("stockSearchEdit"));
    m_search->setPlaceholderText(tr("Search by SKU prefix or title words…"));
    m_search->setClearButtonEnabled(true);
    m_lowOnly->setObjectName(QStringLiteral("lowStockCheck"));
    m_receive->setObjectName(QStringLiteral("receiveButton"));
    m_receive->setEnabled(false);
    m_status->setObjectName(QStringLiteral("stockStatus"));
    m_status->track(m_model, tr("stock lines"));

    m_view->setObjectName(QStringLiteral("stockView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->setVisible(false);
    // Fixed row heights: a view over 100k rows must not measure each one.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(StockTableModel::TitleColumn,
                                                     QHeaderView::Stretch);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &StockPanel::applyQuery);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &StockPanel::applyQuery);
    connect(m_lowOnly, &QCheckBox::toggled, this, &StockPanel::applyQuery);
    connect(m_receive, &QPushButton::clicked, this, &StockPanel::openReceiveDialog);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_lowOnly);
    bar->addWidget(m_receive);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
}

ReceiveStockDialog *StockPanel::receiveDialog() const
{
    return m_dialog;
}

void StockPanel::setWarehouse(const Warehouse &warehouse)
{
    m_warehouse = warehouse;
    m_receive->setEnabled(warehouse.id != 0);
    if (m_dialog)
        m_dialog->reject(); // it was for the other warehouse
    m_model->setWarehouse(warehouse.id);
}

void StockPanel::reload()
{
    m_model->reload();
}

void StockPanel::applyQuery()
{
    m_searchDelay->stop();
    const QString search = m_search->text().trimmed();
    if (search == m_model->search() && m_lowOnly->isChecked() == m_model->lowOnly())
        return;
    m_model->setQuery(search, m_lowOnly->isChecked());
}

void StockPanel::openReceiveDialog()
{
    if (m_warehouse.id == 0)
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new ReceiveStockDialog(m_api, m_warehouse, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (!selected.isEmpty()) {
        const int row = selected.constFirst().row();
        m_dialog->setLine(m_model->at(row).sku, m_model->at(row).bin);
    }
    connect(m_dialog, &ReceiveStockDialog::received, this, [this](const Receipt &receipt) {
        m_model->reload();
        Q_EMIT stockReceived(receipt);
    });
    m_dialog->open();
}

} // namespace pincart

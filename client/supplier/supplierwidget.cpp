#include "supplierwidget.h"

#include "apiclient.h"
#include "app/loadstatuswidget.h"
#include "models/itemlistmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

SupplierWidget::SupplierWidget(ApiClient *api, const User &user, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_items(new ItemListModel(api, this))
    , m_view(new QTableView)
    , m_refresh(new QPushButton(tr("Refresh")))
    , m_delete(new QPushButton(tr("Delete…")))
    , m_status(new LoadStatusWidget)
    , m_action(new QLabel)
{
    setObjectName(QStringLiteral("supplierWorkspace"));
    const bool ownItems = user.roles.testFlag(Role::Supplier);

    auto *heading = new QLabel(ownItems ? tr("Your items") : tr("All items (as an administrator)"));
    heading->setObjectName(QStringLiteral("supplierHeading"));
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);

    m_view->setObjectName(QStringLiteral("supplierItemsView"));
    m_view->setModel(m_items);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(ItemListModel::TitleColumn,
                                                     QHeaderView::Stretch);
    m_refresh->setObjectName(QStringLiteral("refreshItemsButton"));
    m_delete->setObjectName(QStringLiteral("deleteItemButton"));
    m_status->setObjectName(QStringLiteral("supplierStatus"));
    m_status->track(m_items, tr("items"));
    m_action->setObjectName(QStringLiteral("supplierActionLabel"));
    m_action->setWordWrap(true);
    m_action->setTextFormat(Qt::PlainText);
    m_action->setVisible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(heading);
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_action);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, m_items, &ItemListModel::reload);
    connect(m_delete, &QPushButton::clicked, this, &SupplierWidget::confirmDelete);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SupplierWidget::updateActions);
    connect(m_items, &QAbstractItemModel::modelReset, this, &SupplierWidget::updateActions);

    ItemQuery query;
    if (ownItems)
        query.supplierId = user.id;
    m_items->setQuery(query);
    updateActions();
}

qint64 SupplierWidget::selectedItemId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.constFirst().data(ItemListModel::ItemIdRole).toLongLong();
}

void SupplierWidget::updateActions()
{
    m_delete->setEnabled(selectedItemId() != 0 && !m_deleteRequest);
}

void SupplierWidget::confirmDelete()
{
    const qint64 id = selectedItemId();
    const auto row = m_items->rowOfItem(id);
    if (!row)
        return;
    const QString title = m_items->at(*row).title;
    // open(), not exec(): no nested event loop.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete item"),
                                tr("Delete “%1”? Customers will no longer see it.").arg(title),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDeleteBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id, title] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            deleteItem(id, title);
    });
    box->open();
}

void SupplierWidget::setActionText(const QString &text, bool isError)
{
    m_action->setText(text);
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_action->setPalette(palette);
    m_action->setVisible(!text.isEmpty());
}

void SupplierWidget::deleteItem(qint64 id, const QString &title)
{
    if (m_deleteRequest)
        return;
    auto *request = new QObject(this);
    m_deleteRequest = request;
    updateActions();
    setActionText(tr("Deleting “%1”…").arg(title), false);
    m_api->deleteItem(id, request, [this, request, id, title](Result<bool> result) {
        request->deleteLater();
        m_deleteRequest = nullptr;
        if (!result) {
            setActionText(tr("Could not delete “%1”: %2").arg(title, result.error().toString()),
                          true);
        } else {
            m_items->removeItem(id);
            setActionText(tr("Deleted “%1”.").arg(title), false);
        }
        updateActions();
    });
}

} // namespace pincart

#include "myitemswidget.h"

#include "apiclient.h"
#include "app/loadstatuswidget.h"
#include "models/categorytreemodel.h"
#include "models/itemlistmodel.h"
#include "supplier/itemformdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace pincart {

MyItemsWidget::MyItemsWidget(ApiClient *api, const User &user, CategoryTreeModel *categories,
                             QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_categories(categories)
    , m_items(new ItemListModel(api, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit)
    , m_view(new QTableView)
    , m_refresh(new QPushButton(tr("Refresh")))
    , m_edit(new QPushButton(tr("&Edit…")))
    , m_delete(new QPushButton(tr("Delete…")))
    , m_status(new LoadStatusWidget)
    , m_action(new QLabel)
{
    setObjectName(QStringLiteral("myItemsWidget"));
    const bool ownItems = user.roles.testFlag(Role::Supplier);

    auto *heading = new QLabel(ownItems ? tr("Your items") : tr("All items (as an administrator)"));
    heading->setObjectName(QStringLiteral("supplierHeading"));
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);

    // Sorting and filtering work on the rows loaded so far; paging goes through the proxy.
    m_proxy->setObjectName(QStringLiteral("myItemsProxy"));
    m_proxy->setSourceModel(m_items);
    m_proxy->setSortRole(ItemListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // title, brand and price
    m_filter->setObjectName(QStringLiteral("myItemsFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter the items shown…"));
    m_filter->setClearButtonEnabled(true);

    m_view->setObjectName(QStringLiteral("supplierItemsView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setSectionResizeMode(ItemListModel::TitleColumn,
                                                     QHeaderView::Stretch);
    // The server's order until a header is clicked.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_refresh->setObjectName(QStringLiteral("refreshItemsButton"));
    m_edit->setObjectName(QStringLiteral("editItemButton"));
    m_delete->setObjectName(QStringLiteral("deleteItemButton"));
    m_status->setObjectName(QStringLiteral("supplierStatus"));
    m_status->track(m_items, tr("items"));
    m_action->setObjectName(QStringLiteral("supplierActionLabel"));
    m_action->setWordWrap(true);
    m_action->setTextFormat(Qt::PlainText);
    m_action->setVisible(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(heading);
    buttons->addWidget(m_filter, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_action);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_refresh, &QPushButton::clicked, this, &MyItemsWidget::reload);
    connect(m_edit, &QPushButton::clicked, this, &MyItemsWidget::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &MyItemsWidget::confirmDelete);
    connect(m_view, &QTableView::doubleClicked, this, &MyItemsWidget::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MyItemsWidget::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MyItemsWidget::updateActions);
    connect(m_categories, &CategoryTreeModel::stateChanged, this, &MyItemsWidget::updateActions);

    ItemQuery query;
    if (ownItems)
        query.supplierId = user.id;
    m_items->setQuery(query);
    updateActions();
}

ItemFormDialog *MyItemsWidget::editDialog() const
{
    return m_editor;
}

QString MyItemsWidget::actionText() const
{
    return m_action->isHidden() ? QString() : m_action->text();
}

void MyItemsWidget::reload()
{
    m_items->reload();
}

qint64 MyItemsWidget::selectedItemId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.constFirst().data(ItemListModel::ItemIdRole).toLongLong();
}

void MyItemsWidget::updateActions()
{
    const qint64 id = selectedItemId();
    m_delete->setEnabled(id != 0 && !m_deleteRequest);
    m_edit->setEnabled(id != 0 && !m_editor
                       && m_categories->state() == CategoryTreeModel::State::Loaded);
}

void MyItemsWidget::setActionText(const QString &text, bool isError)
{
    m_action->setText(text);
    QPalette palette;
    if (isError)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_action->setPalette(palette);
    m_action->setVisible(!text.isEmpty());
}

void MyItemsWidget::editSelected()
{
    const auto row = m_items->rowOfItem(selectedItemId());
    if (!row || m_editor)
        return;
    const Item item = m_items->at(*row);
    const Category *category = m_categories->category(item.categoryId);
    if (!category) {
        setActionText(
            m_categories->state() == CategoryTreeModel::State::Loaded
                ? tr("“%1” belongs to a category this server no longer has.").arg(item.title)
                : tr("The categories are not loaded yet: try again in a moment."),
            true);
        return;
    }
    auto *dialog = new ItemFormDialog(m_api, item, *category, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_editor = dialog;
    connect(dialog, &ItemFormDialog::itemSaved, this, [this](const Item &saved) {
        m_items->updateItem(saved);
        setActionText(tr("Saved “%1”.").arg(saved.title), false);
    });
    // On finished (not destroyed, which may come while this widget is being torn down).
    connect(dialog, &QDialog::finished, this, [this] {
        m_editor = nullptr;
        updateActions();
    });
    updateActions();
    dialog->open(); // window-modal without a nested event loop
}

void MyItemsWidget::confirmDelete()
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

void MyItemsWidget::deleteItem(qint64 id, const QString &title)
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

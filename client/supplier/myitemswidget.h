#pragma once

#include "user.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace pincart {

class ApiClient;
class CategoryTreeModel;
class ItemFormDialog;
class ItemListModel;
class LoadStatusWidget;

// "My items": the supplier's own items (all items for an admin who is not a supplier), paged,
// sortable by a header click and filtered by a line of text (both over the rows loaded so far),
// with Edit (ItemFormDialog) and Delete (after a confirmation).
// Object names: supplierHeading, myItemsFilterEdit, refreshItemsButton, editItemButton,
// deleteItemButton, supplierActionLabel, supplierItemsView, supplierStatus; the dialogs
// confirmDeleteBox and itemFormDialog.
class MyItemsWidget : public QWidget
{
    Q_OBJECT

public:
    MyItemsWidget(ApiClient *api, const User &user, CategoryTreeModel *categories,
                  QWidget *parent = nullptr);

    ItemListModel *itemModel() const { return m_items; }
    QSortFilterProxyModel *itemProxy() const { return m_proxy; }
    ItemFormDialog *editDialog() const; // the Edit dialog while it is open
    QString actionText() const;

public Q_SLOTS:
    void reload();
    // Opens the Edit dialog on the selected item (non-modal, open()).
    void editSelected();

private:
    qint64 selectedItemId() const;
    void updateActions();
    void confirmDelete();
    void deleteItem(qint64 id, const QString &title);
    void setActionText(const QString &text, bool isError);

    ApiClient *m_api;
    CategoryTreeModel *m_categories;
    ItemListModel *m_items;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QPushButton *m_refresh;
    QPushButton *m_edit;
    QPushButton *m_delete;
    LoadStatusWidget *m_status;        // the list's loading state
    QLabel *m_action;                  // the outcome of the last edit or delete
    QPointer<QObject> m_deleteRequest; // context of the DELETE in flight
    QPointer<ItemFormDialog> m_editor;
};

} // namespace pincart

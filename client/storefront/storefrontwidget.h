#pragma once

#include <optional>
#include <QPointer>
#include <QWidget>

class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;

namespace pincart {

class ApiClient;
class CategoryTreeModel;
class ItemDetailPane;
class ItemListModel;
class LoadStatusWidget;
struct Item;

// The customer's catalogue: the category tree on the left, the items of the chosen category
// (all items while none is chosen) in a paged table with a quick text filter, and the chosen
// item's details on the right.
class StorefrontWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StorefrontWidget(ApiClient *api, QWidget *parent = nullptr);

    CategoryTreeModel *categoryModel() const { return m_categories; }
    ItemListModel *itemModel() const { return m_items; }
    QSortFilterProxyModel *itemProxy() const { return m_proxy; }

    // Shows the items of `categoryId`, or of every category when nullopt.
    void showCategory(std::optional<qint64> categoryId);

private:
    void onCategoryChosen(const QModelIndex &current);
    void onItemChosen(const QModelIndex &current);
    void showDetail(const Item &item);

    ApiClient *m_api;
    CategoryTreeModel *m_categories;
    ItemListModel *m_items;
    QSortFilterProxyModel *m_proxy;

    QTreeView *m_categoryView;
    QPushButton *m_allCategories;
    LoadStatusWidget *m_categoryStatus;
    QLineEdit *m_filter;
    QTableView *m_itemView;
    LoadStatusWidget *m_itemStatus;
    ItemDetailPane *m_detail;
    QPointer<QObject> m_detailRequest; // context of the GET /items/{id} in flight
};

} // namespace pincart

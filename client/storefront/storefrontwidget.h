#pragma once

#include "user.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;
class QTreeView;

namespace pincart {

class ApiClient;
class CartModel;
class CartPanel;
class CategoryTreeModel;
class ItemDetailPane;
class ItemListModel;
class LoadStatusWidget;
class OrderListModel;
class OrdersPanel;
class WishlistModel;
class WishlistPanel;
struct Item;
struct Order;

// The customer's catalogue: the category tree on the left, the items of the chosen category
// (all items while none is chosen) in a paged table with a quick text filter, and the chosen
// item's details on the right. A customer also gets tabs for the Cart, the Wishlist and My Orders
// (tabs storefrontTabs: shopTab, cartPanel, wishlistPanel, ordersPanel), and the item details
// offer "Add to cart" and "Add to wishlist". Other roles (an admin) browse only: nobody but a
// customer has a cart.
class StorefrontWidget : public QWidget
{
    Q_OBJECT

public:
    StorefrontWidget(ApiClient *api, const User &user, QWidget *parent = nullptr);

    CategoryTreeModel *categoryModel() const { return m_categories; }
    ItemListModel *itemModel() const { return m_items; }
    QSortFilterProxyModel *itemProxy() const { return m_proxy; }
    QTabWidget *tabs() const { return m_tabs; }
    // The customer's parts; null for other roles.
    CartModel *cartModel() const { return m_cart; }
    WishlistModel *wishlistModel() const { return m_wishlist; }
    OrderListModel *orderModel() const { return m_orders; }
    CartPanel *cartPanel() const { return m_cartPanel; }
    WishlistPanel *wishlistPanel() const { return m_wishlistPanel; }
    OrdersPanel *ordersPanel() const { return m_ordersPanel; }

    // Shows the items of `categoryId`, or of every category when nullopt.
    void showCategory(std::optional<qint64> categoryId);

private:
    void onCategoryChosen(const QModelIndex &current);
    void onItemChosen(const QModelIndex &current);
    void showDetail(const Item &item);
    void addCustomerTabs();
    void onOrderPlaced(const Order &order);
    void updateTabTitles();

    ApiClient *m_api;
    User m_user;
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
    QTabWidget *m_tabs;
    CartModel *m_cart = nullptr;
    WishlistModel *m_wishlist = nullptr;
    OrderListModel *m_orders = nullptr;
    CartPanel *m_cartPanel = nullptr;
    WishlistPanel *m_wishlistPanel = nullptr;
    OrdersPanel *m_ordersPanel = nullptr;
};

} // namespace pincart

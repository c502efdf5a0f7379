#pragma once

#include "user.h"

#include <optional>
#include <QPointer>
#include <QWidget>

class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTabWidget;
class QTreeView;

namespace pincart {

class ApiClient;
class CartModel;
class CartPanel;
class CategoryTreeModel;
class FacetPanel;
class ItemDetailPane;
class ItemListModel;
class LoadStatusWidget;
class OrderListModel;
class OrdersPanel;
class SearchBar;
class SearchController;
class SearchResultsPanel;
class WishlistModel;
class WishlistPanel;
struct Item;
struct Order;
struct SearchHit;

// The customer's catalogue. The search bar on top (SearchBar: text with completion, pincode,
// sort) is the way to find items; below it either the browsing view (the category tree on the
// left, the items of the chosen category, or all, in a paged table with a quick text filter) or,
// once a search runs, the search view (FacetPanel on the left, SearchResultsPanel in the middle),
// until a category is chosen again. The chosen item's details are on the right in both. A customer
// also gets tabs for the Cart, the Wishlist and My Orders (tabs storefrontTabs: shopTab, cartPanel,
// wishlistPanel, ordersPanel), and the item details offer "Add to cart" and "Add to wishlist".
// Other roles (an admin) browse only: nobody but a customer has a cart.
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

    SearchBar *searchBar() const { return m_searchBar; }
    SearchController *search() const { return m_search; }
    FacetPanel *facetPanel() const { return m_facetPanel; }
    SearchResultsPanel *searchResultsPanel() const { return m_resultsPanel; }
    bool isSearching() const;

    // Shows the items of `categoryId`, or of every category when nullopt (the browsing view).
    void showCategory(std::optional<qint64> categoryId);

private:
    void onCategoryChosen(const QModelIndex &current);
    void onItemChosen(const QModelIndex &current);
    void onSearchRequested(const QString &text);
    void onHitChosen(const SearchHit &hit);
    // The browsing view (category tree and items) or the search view (facets and results).
    void setSearching(bool searching);
    // Shows `listed` (a list's copy) at once and asks for the item's own, fresher resource.
    void openItem(const Item &listed);
    void showDetail(const Item &item);
    void connectSearch();
    void addCustomerTabs();
    void onOrderPlaced(const Order &order);
    void updateTabTitles();

    ApiClient *m_api;
    User m_user;
    CategoryTreeModel *m_categories;
    ItemListModel *m_items;
    QSortFilterProxyModel *m_proxy;

    SearchController *m_search;
    SearchBar *m_searchBar;
    FacetPanel *m_facetPanel;
    SearchResultsPanel *m_resultsPanel;
    QStackedWidget *m_leftStack;   // categories | facets
    QStackedWidget *m_middleStack; // items | search results

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

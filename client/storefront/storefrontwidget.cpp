#include "storefrontwidget.h"

#include "apiclient.h"
#include "app/loadstatuswidget.h"
#include "models/cartmodel.h"
#include "models/categorytreemodel.h"
#include "models/itemlistmodel.h"
#include "models/orderlistmodel.h"
#include "models/searchresultmodel.h"
#include "models/wishlistmodel.h"
#include "storefront/cartpanel.h"
#include "storefront/facetpanel.h"
#include "storefront/itemdetailpane.h"
#include "storefront/orderspanel.h"
#include "storefront/searchbar.h"
#include "storefront/searchcontroller.h"
#include "storefront/searchresultspanel.h"
#include "storefront/wishlistpanel.h"

#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace pincart {

StorefrontWidget::StorefrontWidget(ApiClient *api, const User &user, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_user(user)
    , m_categories(new CategoryTreeModel(api, this))
    , m_items(new ItemListModel(api, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new SearchController(api, this))
    , m_searchBar(new SearchBar(api, user.pincode))
    , m_facetPanel(new FacetPanel(m_search->facets()))
    , m_resultsPanel(new SearchResultsPanel(m_search->results()))
    , m_leftStack(new QStackedWidget)
    , m_middleStack(new QStackedWidget)
    , m_categoryView(new QTreeView)
    , m_allCategories(new QPushButton(tr("All categories")))
    , m_categoryStatus(new LoadStatusWidget)
    , m_filter(new QLineEdit)
    , m_itemView(new QTableView)
    , m_itemStatus(new LoadStatusWidget)
    , m_detail(new ItemDetailPane)
    , m_tabs(new QTabWidget)
{
    setObjectName(QStringLiteral("storefront"));

    // Categories
    m_categoryView->setObjectName(QStringLiteral("categoriesView"));
    m_categoryView->setModel(m_categories);
    m_categoryView->setHeaderHidden(true);
    m_categoryView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_allCategories->setObjectName(QStringLiteral("allCategoriesButton"));
    m_categoryStatus->setObjectName(QStringLiteral("categoriesStatus"));
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_allCategories);
    leftLayout->addWidget(m_categoryView, 1);
    leftLayout->addWidget(m_categoryStatus);

    // Items: the proxy filters the rows loaded so far; paging goes through it to the source.
    m_proxy->setObjectName(QStringLiteral("itemsProxy"));
    m_proxy->setSourceModel(m_items);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // title, brand and price
    m_filter->setObjectName(QStringLiteral("itemsFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter the items shown…"));
    m_filter->setClearButtonEnabled(true);
    m_itemView->setObjectName(QStringLiteral("itemsView"));
    m_itemView->setModel(m_proxy);
    m_itemView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_itemView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_itemView->setAlternatingRowColors(true);
    m_itemView->verticalHeader()->setVisible(false);
    m_itemView->horizontalHeader()->setSectionResizeMode(ItemListModel::TitleColumn,
                                                         QHeaderView::Stretch);
    m_itemStatus->setObjectName(QStringLiteral("itemsStatus"));
    m_itemStatus->track(m_items, tr("items"));
    auto *middle = new QWidget;
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_filter);
    middleLayout->addWidget(m_itemView, 1);
    middleLayout->addWidget(m_itemStatus);

    // Browsing and searching share the columns: page 0 of each stack browses, page 1 searches.
    m_leftStack->addWidget(left);
    m_leftStack->addWidget(m_facetPanel);
    m_middleStack->addWidget(middle);
    m_middleStack->addWidget(m_resultsPanel);
    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_leftStack);
    splitter->addWidget(m_middleStack);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setChildrenCollapsible(false);
    auto *shop = new QWidget;
    shop->setObjectName(QStringLiteral("shopTab"));
    auto *shopLayout = new QVBoxLayout(shop);
    shopLayout->setContentsMargins(0, 0, 0, 0);
    shopLayout->addWidget(m_searchBar);
    shopLayout->addWidget(splitter, 1);
    m_tabs->setObjectName(QStringLiteral("storefrontTabs"));
    m_tabs->addTab(shop, tr("Shop"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_allCategories, &QPushButton::clicked, this, [this] {
        setSearching(false);
        m_categoryView->selectionModel()->clearSelection();
        m_categoryView->setCurrentIndex({});
    });
    // A click on the category already chosen also leaves a search for its items.
    connect(m_categoryView, &QTreeView::clicked, this, [this] { setSearching(false); });
    connect(m_categoryView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCategoryChosen(current); });
    connect(m_itemView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onItemChosen(current); });
    // A new list (another category) has nothing selected.
    connect(m_items, &QAbstractItemModel::modelReset, m_detail, &ItemDetailPane::clear);
    connectSearch();

    connect(m_categories, &CategoryTreeModel::stateChanged, this,
            [this](CategoryTreeModel::State state) {
                switch (state) {
                case CategoryTreeModel::State::Loading:
                    m_categoryStatus->showBusy(tr("Loading categories…"));
                    break;
                case CategoryTreeModel::State::Failed:
                    m_categoryStatus->showError(
                        tr("Could not load categories: %1").arg(m_categories->errorString()));
                    break;
                case CategoryTreeModel::State::Loaded:
                case CategoryTreeModel::State::Empty:
                    m_categoryStatus->showMessage({});
                    // The attribute labels and units come with the categories.
                    if (const auto id = m_detail->itemId()) {
                        if (const auto row = m_items->rowOfItem(*id))
                            m_detail->showItem(
                                m_items->at(*row),
                                m_categories->attributeSpecs(m_items->at(*row).categoryId));
                    }
                    break;
                }
            });
    connect(m_categoryStatus, &LoadStatusWidget::retryRequested, m_categories,
            &CategoryTreeModel::load);

    if (m_user.roles.testFlag(Role::Customer))
        addCustomerTabs();
    m_tabs->setTabBarAutoHide(true); // browsing only: no tabs to choose

    m_categories->load();
    showCategory(std::nullopt);
}

void StorefrontWidget::addCustomerTabs()
{
    m_cart = new CartModel(m_api, this);
    m_wishlist = new WishlistModel(m_api, this);
    m_orders = new OrderListModel(m_api, this);
    m_cartPanel = new CartPanel(m_api, m_cart, m_user.pincode);
    m_wishlistPanel = new WishlistPanel(m_wishlist);
    m_ordersPanel = new OrdersPanel(m_api, m_orders);
    m_tabs->addTab(m_cartPanel, tr("Cart"));
    m_tabs->addTab(m_wishlistPanel, tr("Wishlist"));
    m_tabs->addTab(m_ordersPanel, tr("My orders"));
    m_detail->setShoppingEnabled(true);

    connect(m_detail, &ItemDetailPane::addToCartRequested, this,
            [this](qint64 itemId, int quantity) {
                m_detail->setCartFeedback(tr("Adding to your cart…"));
                m_cart->add(itemId, quantity);
            });
    connect(m_cart, &CartModel::addFinished, this,
            [this](qint64 itemId, int inCart, const QString &error) {
                if (m_detail->itemId() != itemId)
                    return;
                if (!error.isEmpty())
                    m_detail->setCartFeedback(error, true);
                else if (inCart == 0)
                    m_detail->setCartFeedback(tr("This item is no longer sold."), true);
                else
                    m_detail->setCartFeedback(tr("In your cart: %1.").arg(inCart));
            });
    connect(m_detail, &ItemDetailPane::addToWishlistRequested, this, [this](qint64 itemId) {
        m_detail->setCartFeedback(tr("Adding to your wishlist…"));
        m_wishlist->add(itemId);
    });
    connect(m_wishlist, &WishlistModel::added, this, [this](qint64 itemId) {
        if (m_detail->itemId() == itemId)
            m_detail->setCartFeedback(tr("On your wishlist."));
    });
    connect(m_wishlist, &WishlistModel::failed, this, [this](const QString &message) {
        if (m_detail->itemId())
            m_detail->setCartFeedback(message, true);
    });
    connect(m_wishlist, &WishlistModel::movedToCart, m_cart, &CartModel::setCart);
    connect(m_cartPanel, &CartPanel::orderPlaced, this, &StorefrontWidget::onOrderPlaced);
    connect(m_cart, &CartModel::cartChanged, this, &StorefrontWidget::updateTabTitles);
    connect(m_wishlist, &WishlistModel::listChanged, this, &StorefrontWidget::updateTabTitles);

    m_cart->setPincode(m_user.pincode);
    m_wishlist->reload();
    m_orders->reload();
}

void StorefrontWidget::onOrderPlaced(const Order &order)
{
    m_ordersPanel->showOrder(order);
    m_tabs->setCurrentWidget(m_ordersPanel);
    if (order.payment == PaymentMethod::Prepaid && order.paymentStatus != PaymentStatus::Paid)
        m_ordersPanel->pay(order);
}

void StorefrontWidget::updateTabTitles()
{
    int units = 0;
    for (const CartLine &line : m_cart->cart().lines)
        units += line.quantity;
    m_tabs->setTabText(m_tabs->indexOf(m_cartPanel),
                       units > 0 ? tr("Cart (%1)").arg(units) : tr("Cart"));
    const int saved = m_wishlist->rowCount();
    m_tabs->setTabText(m_tabs->indexOf(m_wishlistPanel),
                       saved > 0 ? tr("Wishlist (%1)").arg(saved) : tr("Wishlist"));
}

void StorefrontWidget::showCategory(std::optional<qint64> categoryId)
{
    setSearching(false);
    ItemQuery query;
    query.categoryId = categoryId;
    m_items->setQuery(query);
}

void StorefrontWidget::connectSearch()
{
    m_search->setOptions(m_searchBar->pincode(), m_searchBar->sort());
    connect(m_searchBar, &SearchBar::searchRequested, this, &StorefrontWidget::onSearchRequested);
    connect(m_searchBar, &SearchBar::optionsChanged, this,
            [this] { m_search->setOptions(m_searchBar->pincode(), m_searchBar->sort()); });
    connect(m_search, &SearchController::searched, m_searchBar, [this](const QString &text) {
        if (m_searchBar->text() != text)
            m_searchBar->setText(text);
    });
    connect(m_search, &SearchController::pincodeRefused, m_searchBar, &SearchBar::showPincodeError);
    connect(m_resultsPanel, &SearchResultsPanel::suggestionChosen, m_search,
            &SearchController::search);
    connect(m_resultsPanel, &SearchResultsPanel::hitChosen, this, &StorefrontWidget::onHitChosen);
    connect(m_facetPanel, &FacetPanel::clearFiltersRequested, m_search,
            &SearchController::clearFilters);
    connect(m_facetPanel, &FacetPanel::browseCategoriesRequested, this,
            [this] { setSearching(false); });
    connect(m_search->results(), &QAbstractItemModel::modelReset, this, [this] {
        if (isSearching())
            m_detail->clear();
    });
}

bool StorefrontWidget::isSearching() const
{
    return m_middleStack->currentWidget() == m_resultsPanel;
}

void StorefrontWidget::setSearching(bool searching)
{
    if (searching == isSearching())
        return;
    // A list that gets the focus makes its first row current, which would open that item: the
    // focus leaves the hidden view for the search box first.
    if (QWidget *focus = QApplication::focusWidget();
        focus
        && (m_leftStack->currentWidget()->isAncestorOf(focus)
            || m_middleStack->currentWidget()->isAncestorOf(focus)))
        m_searchBar->searchEdit()->setFocus();
    // The pane showed an item of the view being left: it starts empty in the other.
    m_detail->clear();
    if (searching)
        m_itemView->selectionModel()->clear();
    else
        m_resultsPanel->clearChoice();
    m_leftStack->setCurrentWidget(searching ? static_cast<QWidget *>(m_facetPanel)
                                            : m_leftStack->widget(0));
    m_middleStack->setCurrentWidget(searching ? static_cast<QWidget *>(m_resultsPanel)
                                              : m_middleStack->widget(0));
}

void StorefrontWidget::onSearchRequested(const QString &text)
{
    if (text.isEmpty()) {
        setSearching(false); // an empty search box: back to the catalogue as browsed
        return;
    }
    setSearching(true);
    m_search->search(text);
}

void StorefrontWidget::onHitChosen(const SearchHit &hit)
{
    // What the hit carries shows at once; the description and attributes come with the item.
    Item listed;
    listed.id = hit.id;
    listed.title = hit.title;
    listed.brand = hit.brand;
    listed.categoryId = hit.categoryId;
    listed.price = hit.price;
    openItem(listed);
}

void StorefrontWidget::onCategoryChosen(const QModelIndex &current)
{
    if (!current.isValid()) {
        showCategory(std::nullopt);
        return;
    }
    showCategory(current.data(CategoryTreeModel::CategoryIdRole).toLongLong());
}

void StorefrontWidget::onItemChosen(const QModelIndex &current)
{
    delete m_detailRequest.data(); // the previous item's refresh is of no use now
    const QModelIndex source = m_proxy->mapToSource(current);
    if (!source.isValid()) {
        m_detail->clear();
        return;
    }
    openItem(m_items->at(source.row()));
}

void StorefrontWidget::openItem(const Item &item)
{
    delete m_detailRequest.data();
    showDetail(item);

    // The list's copy shows at once; the item's own resource may be fresher (its price or
    // attributes may have changed since the page was loaded): ask for it, update pane and row.
    auto *request = new QObject(this);
    m_detailRequest = request;
    m_detail->setStatus(tr("Refreshing…"));
    m_api->item(item.id, request, [this, request, id = item.id](Result<Item> result) {
        request->deleteLater();
        if (m_detail->itemId() != id)
            return;
        if (!result) {
            m_detail->setStatus(
                tr("Could not refresh this item: %1").arg(result.error().toString()), true);
            return;
        }
        m_detail->setStatus({});
        m_items->updateItem(result.value());
        showDetail(result.value());
    });
}

void StorefrontWidget::showDetail(const Item &item)
{
    m_detail->showItem(item, m_categories->attributeSpecs(item.categoryId));
}

} // namespace pincart

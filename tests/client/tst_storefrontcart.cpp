// The Storefront's cart, wishlist, checkout and My Orders against a real seeded server with the
// demo delivery network and stock, signed in through the login dialog as the demo customer
// (pincode 560001): an item added to the cart from its detail pane and checked out through the
// dialog shows in My Orders with its status and total; a quantity changed in the cart changes the
// line and cart totals; bad checkout input is marked in the dialog and places nothing; a short
// line's 409 is named by its title; a wishlist item moves to the cart; a prepaid order is paid
// by card (a declined card first); an order is cancelled from My Orders, and one that shipped
// meanwhile is refused with a message; a cart filled before signing in is merged after it.

#include "apicall.h"
#include "apiclient.h"
#include "apipaths.h"
#include "app/appcontroller.h"
#include "app/guestcart.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/settings.h"
#include "dbfingerprint.h"
#include "jsonkeys.h"
#include "models/cartmodel.h"
#include "models/itemlistmodel.h"
#include "models/orderlistmodel.h"
#include "models/wishlistmodel.h"
#include "ordercodecs.h"
#include "storefront/cartpanel.h"
#include "storefront/checkoutdialog.h"
#include "storefront/itemdetailpane.h"
#include "storefront/orderspanel.h"
#include "storefront/paymentdialog.h"
#include "storefront/storefrontwidget.h"
#include "storefront/wishlistpanel.h"
#include "testserver.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

using namespace pincart;
using namespace pincart::test;

using State = PagedTableModel::State;
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
constexpr int Timeout = 15000;

namespace {

QString money(qint64 amount)
{
    return Money{amount, QStringLiteral("INR")}.toDisplayString();
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

// A TCP relay in front of the test server that can lose answers: while dropAnswers is on, every
// request still reaches the server and is acted on, but its answer is thrown away and the
// client's connection cut, as when the network fails after the server did its work.
class LossyProxy
{
public:
    explicit LossyProxy(quint16 upstreamPort)
        : m_upstreamPort(upstreamPort)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    void setDropAnswers(bool drop) { m_drop = drop; }
    int dropped() const { return m_dropped; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
            if (!upstream->waitForConnected(Timeout)) {
                client->abort();
                client->deleteLater();
                continue;
            }
            QObject::connect(client, &QTcpSocket::readyRead, upstream,
                             [client, upstream] { upstream->write(client->readAll()); });
            QObject::connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
                const QByteArray answer = upstream->readAll();
                if (!m_drop) {
                    client->write(answer);
                    return;
                }
                ++m_dropped;
                client->abort();
                client->deleteLater(); // and the upstream connection with it
            });
            QObject::connect(upstream, &QTcpSocket::disconnected, client,
                             [client] { client->disconnectFromHost(); });
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    }

    QTcpServer m_server;
    quint16 m_upstreamPort;
    bool m_drop = false;
    int m_dropped = 0;
};

} // namespace

class TestStorefrontCart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void addToCartAndCheckOut();
    void quantityChangeUpdatesTotals();
    void badCheckoutInput_data();
    void badCheckoutInput();
    void shortLinesNamedByTitle();
    void wishlistMoveToCart();
    void prepaidOrderPaidByCard();
    void cancelFromMyOrders();
    void guestCartMergedAfterLogin();
    void retryAfterLostAnswerPlacesOneOrder();

private:
    // Signs in as the demo customer through the login dialog; the storefront of the main window.
    StorefrontWidget *signIn(const QUrl &server = {});
    template<typename T>
    T *find(const QString &name) const
    {
        T *found
            = m_app && m_app->mainWindow() ? m_app->mainWindow()->findChild<T *>(name) : nullptr;
        if (!found)
            qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
        return found;
    }
    qint64 scalar(const QString &sql) const;
    // An item with more than 5 units on hand at BLR-1 (which reaches 560001), `skip` others first.
    qint64 stockedItem(int skip = 0) const;
    qint64 unstockedItem() const; // an active item no warehouse holds
    qint64 orderCount() const;    // the demo customer's orders, straight from the database
    Item fetchItem(qint64 id);
    Cart fetchCart();
    void putInCart(qint64 itemId, int quantity);
    // Places an order of the cart through the API (not the widgets); its id.
    qint64 placeOrderDirectly(const QString &payment = QStringLiteral("cod"));
    // Opens the checkout dialog from the Cart tab.
    CheckoutDialog *openCheckout(StorefrontWidget *store);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiCall> m_buyer; // the demo customer, for setting up and checking
    std::unique_ptr<ApiCall> m_admin;
    qint64 m_customerId = 0;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AppController> m_app;
};

void TestStorefrontCart::initTestCase()
{
    QApplication::setQuitOnLastWindowClosed(false);
    m_server = std::make_unique<TestServer>(
        Backend::Sqlite, TestServer::Options{.items = 200, .loadPincodes = true});
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_buyer = std::make_unique<ApiCall>(m_server->url());
    QVERIFY(!m_buyer->login(DemoAccounts::Customer, DemoAccounts::Password).isEmpty());
    m_admin = std::make_unique<ApiCall>(m_server->url());
    QVERIFY(!m_admin->login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());
    m_customerId = scalar(
        QStringLiteral("SELECT id FROM users WHERE email = '%1'").arg(DemoAccounts::Customer));
    QVERIFY(m_customerId > 0);
    QVERIFY(stockedItem(2) > 0);
}

void TestStorefrontCart::cleanupTestCase()
{
    m_buyer.reset();
    m_admin.reset();
    m_server.reset();
}

// Every test starts signed out, with an empty cart and wishlist on the server.
void TestStorefrontCart::init()
{
    const Cart cart = fetchCart();
    for (const CartLine &line : cart.lines)
        QCOMPARE(m_buyer->send("DELETE", paths::cartItem(line.itemId)).status, 200);
    const auto wishlist = wishlistFromJson(m_buyer->get(paths::wishlist()).json());
    QVERIFY(wishlist.ok());
    for (const WishlistItem &item : *wishlist)
        QCOMPARE(m_buyer->send("DELETE", paths::wishlistItem(item.itemId)).status, 200);

    m_settingsDir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<Settings>(m_settingsDir->filePath(QStringLiteral("pincart.ini")));
    m_app = std::make_unique<AppController>(m_settings.get(), AppController::Options{});
    m_app->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_app->loginDialog()));
}

void TestStorefrontCart::cleanup()
{
    m_app.reset();
    m_settings.reset();
    m_settingsDir.reset();
}

StorefrontWidget *TestStorefrontCart::signIn(const QUrl &server)
{
    LoginDialog *dialog = m_app->loginDialog();
    for (const auto &[name, text] :
         {std::pair{QStringLiteral("serverUrlEdit"),
                    (server.isEmpty() ? m_server->url() : server).toString()},
          std::pair{QStringLiteral("emailEdit"), DemoAccounts::Customer},
          std::pair{QStringLiteral("passwordEdit"), DemoAccounts::Password}}) {
        auto *edit = dialog->findChild<QLineEdit *>(name);
        if (!edit)
            return nullptr;
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("loginButton")),
                      Qt::LeftButton);
    if (!QTest::qWaitFor([this] { return m_app->mainWindow() != nullptr; }, Timeout))
        return nullptr;
    if (!QTest::qWaitForWindowExposed(m_app->mainWindow()))
        return nullptr;
    return m_app->mainWindow()->storefront();
}

qint64 TestStorefrontCart::scalar(const QString &sql) const
{
    return queryScalar(m_server->databaseUrl(), sql).toLongLong();
}

qint64 TestStorefrontCart::stockedItem(int skip) const
{
    return scalar(QStringLiteral("SELECT DISTINCT s.item_id FROM stock s JOIN items i ON i.id = "
                                 "s.item_id WHERE i.status = 'active' AND s.on_hand - s.reserved "
                                 "> 5 AND s.warehouse_id = (SELECT id FROM warehouses WHERE code "
                                 "= 'BLR-1') ORDER BY s.item_id LIMIT 1 OFFSET %1")
                      .arg(skip));
}

qint64 TestStorefrontCart::unstockedItem() const
{
    return scalar(QStringLiteral("SELECT MIN(id) FROM items WHERE status = 'active' AND id NOT IN "
                                 "(SELECT item_id FROM stock WHERE on_hand > reserved)"));
}

qint64 TestStorefrontCart::orderCount() const
{
    return scalar(
        QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_id = %1").arg(m_customerId));
}

Item TestStorefrontCart::fetchItem(qint64 id)
{
    const auto item = itemFromJson(m_buyer->get(paths::item(id)).json());
    if (!item) {
        qWarning("item %lld: %s", id, qPrintable(item.error().toString()));
        return {};
    }
    return *item;
}

Cart TestStorefrontCart::fetchCart()
{
    const ApiResponse r = m_buyer->get(paths::cart());
    const auto cart = cartFromJson(r.json());
    if (r.status != 200 || !cart) {
        qWarning("GET /cart: %d %s", r.status, r.body.constData());
        return {};
    }
    return *cart;
}

void TestStorefrontCart::putInCart(qint64 itemId, int quantity)
{
    const ApiResponse r
        = m_buyer->sendJson("PUT", paths::cartItem(itemId), {{QString(keys::Quantity), quantity}});
    QVERIFY2(r.status == 200, r.body.constData());
}

qint64 TestStorefrontCart::placeOrderDirectly(const QString &payment)
{
    const QJsonObject body{{QString(keys::Pincode), QStringLiteral("560001")},
                           {QString(keys::Address), QStringLiteral("12 MG Road, Bengaluru")},
                           {QString(keys::Payment), payment}};
    const ApiResponse r
        = m_buyer->send("POST", paths::orders(), QJsonDocument(body).toJson(), "application/json",
                        {{"Idempotency-Key", QUuid::createUuid().toByteArray()}});
    if (r.status != 201) {
        qWarning("POST /orders: %d %s", r.status, r.body.constData());
        return 0;
    }
    return r.json().value(QString(keys::Id)).toInteger();
}

CheckoutDialog *TestStorefrontCart::openCheckout(StorefrontWidget *store)
{
    store->tabs()->setCurrentWidget(store->cartPanel());
    auto *button = find<QPushButton>(QStringLiteral("checkoutButton"));
    if (!button || !QTest::qWaitFor([&] { return button->isEnabled(); }, Timeout))
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    CheckoutDialog *dialog = store->cartPanel()->checkoutDialog();
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestStorefrontCart::addToCartAndCheckOut()
{
    StorefrontWidget *store = signIn();
    QVERIFY2(store, qPrintable(m_app->loginDialog()->errorText()));
    QVERIFY(store->cartModel() && store->ordersPanel());
    QAbstractItemModelTester cartTester(store->cartModel(), Fatal);
    QAbstractItemModelTester ordersTester(store->orderModel(), Fatal);
    ItemListModel *items = store->itemModel();
    QTRY_VERIFY_WITH_TIMEOUT(items->rowCount() > 0 && items->state() != State::Loading, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->isLoaded() && !store->cartModel()->isBusy(),
                             Timeout);
    QCOMPARE(store->cartModel()->rowCount(), 0);
    const qint64 ordersBefore = orderCount();

    // An item of the list that BLR-1 stocks (paging on until one is listed).
    const qint64 blr = scalar(QStringLiteral("SELECT id FROM warehouses WHERE code = 'BLR-1'"));
    qint64 itemId = 0;
    while (itemId == 0) {
        QList<qint64> ids;
        for (const Item &item : items->rows())
            ids << item.id;
        itemId = scalar(QStringLiteral("SELECT MIN(item_id) FROM stock WHERE on_hand - reserved "
                                       "> 5 AND warehouse_id = %1 AND item_id IN (%2)")
                            .arg(blr)
                            .arg(idList(ids)));
        if (itemId != 0)
            break;
        QVERIFY2(items->canFetchMore({}), "no listed item is stocked at BLR-1");
        const int before = items->rowCount();
        items->fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(items->rowCount() > before && items->state() != State::Loading,
                                 Timeout);
    }
    const Item item = items->at(*items->rowOfItem(itemId));

    // Chosen in the list, two of them added from the detail pane.
    auto *itemsView = find<QTableView>(QStringLiteral("itemsView"));
    auto *detail = find<ItemDetailPane>(QStringLiteral("detailPane"));
    QVERIFY(itemsView && detail);
    const QModelIndex viewIndex
        = store->itemProxy()->mapFromSource(items->index(*items->rowOfItem(itemId), 0));
    itemsView->scrollTo(viewIndex);
    QTest::mouseClick(itemsView->viewport(), Qt::LeftButton, {},
                      itemsView->visualRect(viewIndex).center());
    QTRY_COMPARE_WITH_TIMEOUT(detail->itemId(), std::optional<qint64>(itemId), Timeout);
    auto *quantity = find<QSpinBox>(QStringLiteral("cartQuantitySpin"));
    auto *add = find<QPushButton>(QStringLiteral("addToCartButton"));
    QVERIFY(quantity && add);
    QVERIFY(quantity->isVisible() && add->isVisible());
    QCOMPARE(quantity->value(), 1);
    QCOMPARE(quantity->maximum(), CartLimits::MaxQuantityPerLine);
    QTest::keyClick(quantity, Qt::Key_Up);
    QCOMPARE(quantity->value(), 2);
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->rowOfItem(itemId).has_value(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(detail->cartFeedback(), QStringLiteral("In your cart: 2."), Timeout);

    // The Cart tab: the line, its total, the delivery promise for 560001 and the cart total.
    store->tabs()->setCurrentWidget(store->cartPanel());
    QVERIFY(store->tabs()->tabText(store->tabs()->currentIndex()).contains(QStringLiteral("2")));
    auto *cartView = find<QTableView>(QStringLiteral("cartView"));
    auto *total = find<QLabel>(QStringLiteral("cartTotalLabel"));
    auto *pincode = find<QLineEdit>(QStringLiteral("cartPincodeEdit"));
    QVERIFY(cartView && total && pincode);
    QCOMPARE(pincode->text(), QStringLiteral("560001"));
    QCOMPARE(cartView->model()->rowCount(), 1);
    const auto cell = [&](int column) {
        return cartView->model()->index(0, column).data().toString();
    };
    QCOMPARE(cell(CartModel::ItemColumn), item.title);
    QCOMPARE(cell(CartModel::QuantityColumn), QStringLiteral("2"));
    QCOMPARE(cell(CartModel::PriceColumn), money(item.price.amount));
    QCOMPARE(cell(CartModel::LineTotalColumn), money(2 * item.price.amount));
    QVERIFY2(cell(CartModel::DeliveryColumn).startsWith(QStringLiteral("by ")),
             qPrintable(cell(CartModel::DeliveryColumn)));
    QVERIFY2(total->text().contains(money(2 * item.price.amount)), qPrintable(total->text()));
    QVERIFY(find<QPushButton>(QStringLiteral("removeCartLine_%1").arg(itemId)));

    // Check out through the dialog: the account's pincode, an address, cash on delivery.
    CheckoutDialog *dialog = openCheckout(store);
    QVERIFY(dialog);
    QPointer<CheckoutDialog> open(dialog);
    auto *checkoutPincode = dialog->findChild<QLineEdit *>(QStringLiteral("checkoutPincodeEdit"));
    auto *address = dialog->findChild<QPlainTextEdit *>(QStringLiteral("checkoutAddressEdit"));
    auto *cod = dialog->findChild<QRadioButton *>(QStringLiteral("codRadio"));
    auto *prepaid = dialog->findChild<QRadioButton *>(QStringLiteral("prepaidRadio"));
    auto *summary = dialog->findChild<QTreeWidget *>(QStringLiteral("checkoutSummary"));
    auto *place = dialog->findChild<QPushButton *>(QStringLiteral("placeOrderButton"));
    QVERIFY(checkoutPincode && address && cod && prepaid && summary && place);
    QCOMPARE(checkoutPincode->text(), QStringLiteral("560001"));
    QVERIFY(cod->isChecked() && !prepaid->isChecked());
    QCOMPARE(summary->topLevelItemCount(), 1);
    QCOMPARE(summary->topLevelItem(0)->text(0), item.title);
    QVERIFY2(summary->topLevelItem(0)->text(3).startsWith(QStringLiteral("by ")),
             qPrintable(summary->topLevelItem(0)->text(3)));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("checkoutTotalLabel"))
                ->text()
                .contains(money(2 * item.price.amount)));
    QTest::keyClicks(address, QStringLiteral("12 MG Road, Bengaluru"));
    const QString key = dialog->idempotencyKey();
    QVERIFY(!key.isEmpty());
    QTest::mouseClick(place, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!open || !open->isVisible(),
                              qPrintable(open ? open->errorText() : QString()), Timeout);
    QCOMPARE(orderCount(), ordersBefore + 1);
    const qint64 orderId
        = scalar(QStringLiteral("SELECT MAX(id) FROM orders WHERE user_id = %1").arg(m_customerId));
    QCOMPARE(
        queryScalar(m_server->databaseUrl(),
                    QStringLiteral("SELECT idempotency_key FROM orders WHERE id = %1").arg(orderId))
            .toString(),
        key);

    // My Orders opens on the new order: placed, with the right total and its promise date.
    QCOMPARE(store->tabs()->currentWidget(), store->ordersPanel());
    OrderListModel *orders = store->orderModel();
    QTRY_VERIFY_WITH_TIMEOUT(orders->rowOfOrder(orderId).has_value(), Timeout);
    QCOMPARE(*orders->rowOfOrder(orderId), 0); // newest first
    auto *ordersView = find<QTableView>(QStringLiteral("ordersView"));
    QVERIFY(ordersView);
    QCOMPARE(ordersView->model(), orders);
    const auto orderCell = [&](int column) {
        return orders->index(0, column).data().toString();
    };
    QCOMPARE(orderCell(OrderListModel::IdColumn), QString::number(orderId));
    QCOMPARE(orderCell(OrderListModel::StatusColumn), QStringLiteral("Placed"));
    QCOMPARE(orderCell(OrderListModel::TotalColumn), money(2 * item.price.amount));
    QCOMPARE(orders->index(0, 0).data(OrderListModel::TotalAmountRole).toLongLong(),
             2 * item.price.amount);
    QVERIFY2(orderCell(OrderListModel::DeliveryColumn).startsWith(QStringLiteral("by ")),
             qPrintable(orderCell(OrderListModel::DeliveryColumn)));
    QTRY_COMPARE_WITH_TIMEOUT(ordersView->selectionModel()->selectedRows().size(), 1, Timeout);
    QCOMPARE(ordersView->selectionModel()->selectedRows().constFirst().row(), 0);
    const QString detailText = store->ordersPanel()->detailText();
    QVERIFY2(detailText.contains(item.title) && detailText.contains(QStringLiteral("Shipment"))
                 && detailText.contains(QStringLiteral("by ")),
             qPrintable(detailText));
    QVERIFY(find<QPushButton>(QStringLiteral("cancelOrderButton"))->isEnabled());
    QVERIFY(!find<QPushButton>(QStringLiteral("payOrderButton"))->isEnabled()); // cash on delivery

    // The order took the cart's lines.
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->rowCount() == 0 && !store->cartModel()->isBusy(),
                             Timeout);
    QCOMPARE(total->text(), QStringLiteral("Your cart is empty"));
    QVERIFY(!find<QPushButton>(QStringLiteral("checkoutButton"))->isEnabled());
    QVERIFY(fetchCart().lines.isEmpty());
}

void TestStorefrontCart::quantityChangeUpdatesTotals()
{
    const Item first = fetchItem(stockedItem(0));
    const Item second = fetchItem(stockedItem(1));
    QVERIFY(first.id && second.id);
    putInCart(first.id, 1);
    putInCart(second.id, 1);
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    CartModel *cart = store->cartModel();
    QAbstractItemModelTester tester(cart, Fatal);
    store->tabs()->setCurrentWidget(store->cartPanel());
    QTRY_VERIFY_WITH_TIMEOUT(cart->rowCount() == 2 && !cart->isBusy(), Timeout);
    auto *view = find<QTableView>(QStringLiteral("cartView"));
    auto *total = find<QLabel>(QStringLiteral("cartTotalLabel"));
    QVERIFY(view && total);
    QVERIFY(total->text().contains(money(first.price.amount + second.price.amount)));

    // Double-click the first line's quantity, type 3 into the spin box, Enter.
    const int row = *cart->rowOfItem(first.id);
    const QModelIndex quantityIndex = cart->index(row, CartModel::QuantityColumn);
    QVERIFY(cart->flags(quantityIndex).testFlag(Qt::ItemIsEditable));
    view->setFocus();
    view->setCurrentIndex(quantityIndex);
    view->edit(quantityIndex);
    auto *editor
        = view->viewport()->findChild<QSpinBox *>(QStringLiteral("cartLineQuantityEditor"));
    QVERIFY(editor);
    QCOMPARE(editor->value(), 1);
    QCOMPARE(editor->maximum(), CartLimits::MaxQuantityPerLine);
    QCOMPARE(editor->minimum(), 1);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("3"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(cart->index(row, CartModel::QuantityColumn).data().toInt(), 3,
                              Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!cart->isBusy(), Timeout);
    QCOMPARE(cart->index(row, CartModel::LineTotalColumn).data().toString(),
             money(3 * first.price.amount));
    QCOMPARE(cart->index(row, CartModel::LineTotalColumn).data(CartModel::AmountRole).toLongLong(),
             3 * first.price.amount);
    QCOMPARE(cart->cart().total.amount, 3 * first.price.amount + second.price.amount);
    QVERIFY2(total->text().contains(money(3 * first.price.amount + second.price.amount)),
             qPrintable(total->text()));
    QVERIFY2(total->text().contains(QStringLiteral("4 item")), qPrintable(total->text()));
    // The server holds the same.
    const Cart stored = fetchCart();
    QCOMPARE(stored.total.amount, 3 * first.price.amount + second.price.amount);

    // Remove the second line with its button: the total follows.
    auto *remove = find<QPushButton>(QStringLiteral("removeCartLine_%1").arg(second.id));
    QVERIFY(remove);
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(cart->rowCount() == 1 && !cart->isBusy(), Timeout);
    QCOMPARE(cart->at(0).itemId, first.id);
    QVERIFY2(total->text().contains(money(3 * first.price.amount)), qPrintable(total->text()));
    QCOMPARE(fetchCart().lines.size(), 1);

    // Another pincode asks the server again; a malformed one is marked and asks nothing.
    auto *pincode = find<QLineEdit>(QStringLiteral("cartPincodeEdit"));
    QVERIFY(pincode);
    pincode->setFocus();
    pincode->selectAll();
    QTest::keyClicks(pincode, QStringLiteral("11000"));
    QTest::keyClick(pincode, Qt::Key_Return);
    auto *hint = find<QLabel>(QStringLiteral("cartPincodeEditHint"));
    QVERIFY(hint && hint->isVisible());
    QCOMPARE(cart->pincode(), QStringLiteral("560001"));
    QTest::keyClicks(pincode, QStringLiteral("1"));
    QTest::keyClick(pincode, Qt::Key_Return);
    QVERIFY(!hint->isVisible());
    QCOMPARE(cart->pincode(), QStringLiteral("110001"));
    QTRY_VERIFY_WITH_TIMEOUT(cart->cart().pincode == QStringLiteral("110001") && !cart->isBusy(),
                             Timeout);
    const QString delivery = cart->index(0, CartModel::DeliveryColumn).data().toString();
    QVERIFY2(delivery.startsWith(QStringLiteral("by "))
                 || delivery == QStringLiteral("not deliverable to 110001"),
             qPrintable(delivery));

    // Six digits the India Post directory does not know: the server's word under the field, and
    // the cart stays with the pincode it has (changes keep working).
    pincode->selectAll();
    QTest::keyClicks(pincode, QStringLiteral("999999"));
    QTest::keyClick(pincode, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(hint->isVisible(), Timeout);
    QVERIFY2(hint->text().contains(QStringLiteral("India Post")), qPrintable(hint->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!cart->isBusy(), Timeout);
    QCOMPARE(cart->pincode(), QStringLiteral("110001"));
    QCOMPARE(cart->cart().pincode, QStringLiteral("110001"));
    cart->setQuantity(first.id, 2);
    QTRY_VERIFY_WITH_TIMEOUT(cart->at(0).quantity == 2 && !cart->isBusy(), Timeout);
    QCOMPARE(cart->cart().pincode, QStringLiteral("110001"));
}

void TestStorefrontCart::badCheckoutInput_data()
{
    QTest::addColumn<QString>("pincode");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("field"); // the field marked
    QTest::addColumn<bool>("local");    // refused before anything is sent

    const QString address = QStringLiteral("12 MG Road, Bengaluru");
    QTest::addRow("pincode:empty") << QString() << address << QStringLiteral("pincode") << true;
    QTest::addRow("pincode:short")
        << QStringLiteral("56000") << address << QStringLiteral("pincode") << true;
    QTest::addRow("pincode:letters")
        << QStringLiteral("56a001") << address << QStringLiteral("pincode") << true;
    QTest::addRow("pincode:leading-zero")
        << QStringLiteral("060001") << address << QStringLiteral("pincode") << true;
    QTest::addRow("pincode:not-in-directory")
        << QStringLiteral("999999") << address << QStringLiteral("pincode") << false;
    QTest::addRow("address:empty")
        << QStringLiteral("560001") << QString() << QStringLiteral("address") << true;
    QTest::addRow("address:blank") << QStringLiteral("560001") << QStringLiteral("   \n  ")
                                   << QStringLiteral("address") << true;
    QTest::addRow("address:too-long")
        << QStringLiteral("560001") << QString(CartLimits::AddressMax + 1, QLatin1Char('x'))
        << QStringLiteral("address") << true;
}

void TestStorefrontCart::badCheckoutInput()
{
    QFETCH(QString, pincode);
    QFETCH(QString, address);
    QFETCH(QString, field);
    QFETCH(bool, local);

    const qint64 itemId = stockedItem(0);
    putInCart(itemId, 1);
    const qint64 ordersBefore = orderCount();
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->rowCount() == 1, Timeout);
    CheckoutDialog *dialog = openCheckout(store);
    QVERIFY(dialog);
    auto *pincodeEdit = dialog->findChild<QLineEdit *>(QStringLiteral("checkoutPincodeEdit"));
    auto *addressEdit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("checkoutAddressEdit"));
    QVERIFY(pincodeEdit && addressEdit);
    pincodeEdit->clear();
    QTest::keyClicks(pincodeEdit, pincode);
    addressEdit->setPlainText(address);
    const QString keyBefore = dialog->idempotencyKey();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("placeOrderButton")),
                      Qt::LeftButton);
    if (local) {
        QVERIFY(!dialog->isBusy()); // nothing was sent
        QCOMPARE(dialog->idempotencyKey(), keyBefore);
    } else {
        QVERIFY(dialog->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    }
    QVERIFY2(!dialog->fieldError(field).isEmpty(), qPrintable(dialog->errorText()));
    auto *hint = dialog->findChild<QLabel *>(field == QLatin1String("pincode")
                                                 ? QStringLiteral("checkoutPincodeEditHint")
                                                 : QStringLiteral("checkoutAddressEditHint"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY(!dialog->errorText().isEmpty());
    QVERIFY(dialog->isVisible()); // open, with what was typed
    QCOMPARE(pincodeEdit->text(), pincode);
    QCOMPARE(orderCount(), ordersBefore);
    QCOMPARE(fetchCart().lines.size(), 1);

    // Fixed, the same dialog places the order.
    pincodeEdit->clear();
    QTest::keyClicks(pincodeEdit, QStringLiteral("560001"));
    addressEdit->setPlainText(QStringLiteral("12 MG Road, Bengaluru"));
    QPointer<CheckoutDialog> open(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("placeOrderButton")),
                      Qt::LeftButton);
    QVERIFY(dialog->fieldError(QStringLiteral("pincode")).isEmpty());
    QVERIFY(dialog->fieldError(QStringLiteral("address")).isEmpty());
    QTRY_VERIFY2_WITH_TIMEOUT(!open || !open->isVisible(),
                              qPrintable(open ? open->errorText() : QString()), Timeout);
    QCOMPARE(orderCount(), ordersBefore + 1);
}

void TestStorefrontCart::shortLinesNamedByTitle()
{
    const Item stocked = fetchItem(stockedItem(0));
    const Item missing = fetchItem(unstockedItem());
    QVERIFY2(stocked.id && missing.id, "the demo stock leaves some items out of stock");
    putInCart(stocked.id, 1);
    putInCart(missing.id, 2);
    const qint64 ordersBefore = orderCount();
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->rowCount() == 2 && !store->cartModel()->isBusy(),
                             Timeout);
    const int missingRow = *store->cartModel()->rowOfItem(missing.id);
    QCOMPARE(store->cartModel()->index(missingRow, CartModel::DeliveryColumn).data().toString(),
             QStringLiteral("not deliverable to 560001"));

    CheckoutDialog *dialog = openCheckout(store);
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("checkoutAddressEdit")),
                     QStringLiteral("12 MG Road, Bengaluru"));
    const QString firstKey = dialog->idempotencyKey();
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("placeOrderButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->shortItems(), QList<qint64>{missing.id});
    const QString error = dialog->errorText();
    QVERIFY2(error.contains(missing.title) && error.contains(QStringLiteral("not enough in stock")),
             qPrintable(error));
    QVERIFY2(!error.contains(stocked.title), qPrintable(error));
    QVERIFY(dialog->idempotencyKey() != firstKey); // answered: the next try is a new attempt
    QCOMPARE(orderCount(), ordersBefore);
}

void TestStorefrontCart::wishlistMoveToCart()
{
    const Item saved = fetchItem(stockedItem(0));
    QVERIFY(saved.id);
    QCOMPARE(m_buyer->send("PUT", paths::wishlistItem(saved.id)).status, 200);
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    WishlistModel *wishlist = store->wishlistModel();
    QAbstractItemModelTester tester(wishlist, Fatal);
    QAbstractItemModelTester cartTester(store->cartModel(), Fatal);
    store->tabs()->setCurrentWidget(store->wishlistPanel());
    QTRY_VERIFY_WITH_TIMEOUT(wishlist->rowCount() == 1 && !wishlist->isBusy(), Timeout);
    QCOMPARE(wishlist->index(0, WishlistModel::ItemColumn).data().toString(), saved.title);
    QCOMPARE(wishlist->index(0, WishlistModel::PriceColumn).data().toString(),
             money(saved.price.amount));
    QVERIFY(store->tabs()->tabText(store->tabs()->currentIndex()).contains(QStringLiteral("1")));

    // Nothing chosen: nothing to move.
    auto *view = find<QTableView>(QStringLiteral("wishlistView"));
    auto *move = find<QPushButton>(QStringLiteral("moveToCartButton"));
    auto *remove = find<QPushButton>(QStringLiteral("removeFromWishlistButton"));
    QVERIFY(view && move && remove);
    QVERIFY(!move->isEnabled() && !remove->isEnabled());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(wishlist->index(0, 0)).center());
    QVERIFY(move->isEnabled() && remove->isEnabled());
    QTest::mouseClick(move, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wishlist->rowCount() == 0 && !wishlist->isBusy(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->rowOfItem(saved.id).has_value()
                                 && !store->cartModel()->isBusy(),
                             Timeout);
    QCOMPARE(store->cartModel()->at(*store->cartModel()->rowOfItem(saved.id)).quantity, 1);
    QCOMPARE(store->wishlistPanel()->statusText(), QStringLiteral("Moved to your cart."));
    // The server agrees.
    QVERIFY(wishlistFromJson(m_buyer->get(paths::wishlist()).json())->isEmpty());
    QCOMPARE(fetchCart().lines.size(), 1);

    // "Add to wishlist" from the detail pane, then Remove from the Wishlist tab.
    store->tabs()->setCurrentIndex(0);
    ItemListModel *items = store->itemModel();
    QTRY_VERIFY_WITH_TIMEOUT(items->rowCount() > 0 && items->state() != State::Loading, Timeout);
    const Item listed = items->at(0);
    auto *itemsView = find<QTableView>(QStringLiteral("itemsView"));
    const QModelIndex viewIndex = store->itemProxy()->mapFromSource(items->index(0, 0));
    QTest::mouseClick(itemsView->viewport(), Qt::LeftButton, {},
                      itemsView->visualRect(viewIndex).center());
    auto *detail = find<ItemDetailPane>(QStringLiteral("detailPane"));
    QTRY_COMPARE_WITH_TIMEOUT(detail->itemId(), std::optional<qint64>(listed.id), Timeout);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("addToWishlistButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(detail->cartFeedback(), QStringLiteral("On your wishlist."), Timeout);
    QCOMPARE(wishlist->rowCount(), 1);
    store->tabs()->setCurrentWidget(store->wishlistPanel());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(wishlist->index(0, 0)).center());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wishlist->rowCount() == 0 && !wishlist->isBusy(), Timeout);
    QVERIFY(wishlistFromJson(m_buyer->get(paths::wishlist()).json())->isEmpty());
}

void TestStorefrontCart::prepaidOrderPaidByCard()
{
    const Item item = fetchItem(stockedItem(1));
    putInCart(item.id, 1);
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->rowCount() == 1, Timeout);
    CheckoutDialog *dialog = openCheckout(store);
    QVERIFY(dialog);
    QPointer<CheckoutDialog> open(dialog);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("checkoutAddressEdit")),
                     QStringLiteral("12 MG Road, Bengaluru"));
    auto *prepaid = dialog->findChild<QRadioButton *>(QStringLiteral("prepaidRadio"));
    QVERIFY(prepaid);
    // On the indicator: the button is as wide as the dialog, its label much shorter.
    QTest::mouseClick(prepaid, Qt::LeftButton, {}, QPoint(6, prepaid->height() / 2));
    QCOMPARE(dialog->checkout().payment, PaymentMethod::Prepaid);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("placeOrderButton")),
                      Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!open || !open->isVisible(),
                              qPrintable(open ? open->errorText() : QString()), Timeout);
    const qint64 orderId
        = scalar(QStringLiteral("SELECT MAX(id) FROM orders WHERE user_id = %1").arg(m_customerId));

    // The card prompt follows at once.
    QTRY_VERIFY_WITH_TIMEOUT(store->ordersPanel()->paymentDialog(), Timeout);
    QPointer<PaymentDialog> payment(store->ordersPanel()->paymentDialog());
    QVERIFY(QTest::qWaitForWindowExposed(payment));
    QCOMPARE(payment->orderId(), orderId);
    auto *card = payment->findChild<QLineEdit *>(QStringLiteral("cardNumberEdit"));
    auto *pay = payment->findChild<QPushButton *>(QStringLiteral("payButton"));
    QVERIFY(card && pay);

    // Too short: refused before anything is sent.
    QTest::keyClicks(card, QStringLiteral("4111"));
    QTest::mouseClick(pay, Qt::LeftButton);
    QVERIFY(!payment->isBusy());
    QVERIFY(!payment->errorText().isEmpty());

    // The gateway's declined card: the order says failed, the prompt stays for another card.
    card->clear();
    QTest::keyClicks(card, QStringLiteral("4000 0000 0000 0002"));
    QTest::mouseClick(pay, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!payment->isBusy(), Timeout);
    QVERIFY2(payment->errorText().contains(QStringLiteral("declined")),
             qPrintable(payment->errorText()));
    QVERIFY(payment->isVisible());
    OrderListModel *orders = store->orderModel();
    QTRY_VERIFY_WITH_TIMEOUT(orders->rowOfOrder(orderId).has_value(), Timeout);
    const int row = *orders->rowOfOrder(orderId);
    QTRY_COMPARE_WITH_TIMEOUT(orders->index(row, OrderListModel::PaymentColumn).data().toString(),
                              QStringLiteral("Prepaid, payment failed"), Timeout);

    // A good card pays.
    card->clear();
    QTest::keyClicks(card, QStringLiteral("4111111111111111"));
    QTest::mouseClick(pay, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!payment || !payment->isVisible(), Timeout);
    QCOMPARE(orders->index(row, OrderListModel::PaymentColumn).data().toString(),
             QStringLiteral("Prepaid, paid"));
    QCOMPARE(
        queryScalar(m_server->databaseUrl(),
                    QStringLiteral("SELECT payment_status FROM orders WHERE id = %1").arg(orderId))
            .toString(),
        QStringLiteral("paid"));
    QTRY_VERIFY_WITH_TIMEOUT(store->ordersPanel()->messageText().contains(QStringLiteral("paid")),
                             Timeout);
}

void TestStorefrontCart::cancelFromMyOrders()
{
    putInCart(stockedItem(0), 1);
    const qint64 first = placeOrderDirectly();
    putInCart(stockedItem(1), 1);
    const qint64 second = placeOrderDirectly();
    QVERIFY(first && second);
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    OrderListModel *orders = store->orderModel();
    QAbstractItemModelTester tester(orders, Fatal);
    store->tabs()->setCurrentWidget(store->ordersPanel());
    QTRY_VERIFY_WITH_TIMEOUT(orders->rowOfOrder(first) && orders->rowOfOrder(second), Timeout);
    QVERIFY(*orders->rowOfOrder(second) < *orders->rowOfOrder(first)); // newest first
    auto *view = find<QTableView>(QStringLiteral("ordersView"));
    auto *cancel = find<QPushButton>(QStringLiteral("cancelOrderButton"));
    QVERIFY(view && cancel);
    QVERIFY(!cancel->isEnabled()); // nothing chosen
    const auto select = [&](qint64 id) {
        const QModelIndex index = orders->index(*orders->rowOfOrder(id), 0);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    };

    // Nothing shipped yet: Cancel works, and the row says so.
    select(first);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isEnabled()); // while the request is on its way
    const auto status = [&](qint64 id) {
        return orders->index(*orders->rowOfOrder(id), OrderListModel::StatusColumn)
            .data()
            .toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(status(first), QStringLiteral("Cancelled"), Timeout);
    QVERIFY(!cancel->isEnabled());
    QVERIFY2(store->ordersPanel()->messageText().contains(QStringLiteral("cancelled")),
             qPrintable(store->ordersPanel()->messageText()));
    QCOMPARE(queryScalar(m_server->databaseUrl(),
                         QStringLiteral("SELECT status FROM orders WHERE id = %1").arg(first))
                 .toString(),
             QStringLiteral("cancelled"));

    // The second order's shipment leaves the warehouse after the list was loaded: the server
    // refuses the cancel, the message says why and the row shows the order as it is now.
    select(second);
    QVERIFY(cancel->isEnabled());
    const qint64 shipment
        = scalar(QStringLiteral("SELECT MIN(id) FROM shipments WHERE order_id = %1").arg(second));
    QVERIFY(shipment);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM shipments WHERE order_id = %1").arg(second)),
        1);
    for (const char *step : {"packed", "shipped"}) {
        const ApiResponse r = m_admin->postJson(paths::shipmentStatus(shipment),
                                                {{QString(keys::Status), QLatin1String(step)}});
        QVERIFY2(r.status == 200, r.body.constData());
    }
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(
        store->ordersPanel()->messageText().contains(QStringLiteral("cannot be cancelled")),
        qPrintable(store->ordersPanel()->messageText()), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(status(second), QStringLiteral("Shipped"), Timeout);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(store->ordersPanel()->detailText().contains(QStringLiteral("shipped")));
    QCOMPARE(queryScalar(m_server->databaseUrl(),
                         QStringLiteral("SELECT status FROM orders WHERE id = %1").arg(second))
                 .toString(),
             QStringLiteral("placed"));
}

void TestStorefrontCart::guestCartMergedAfterLogin()
{
    const Item first = fetchItem(stockedItem(0));
    const Item second = fetchItem(stockedItem(1));
    QVERIFY(first.id && second.id);
    putInCart(first.id, 1); // the account's cart already holds one

    // Chosen before signing in, kept in the settings.
    {
        GuestCart guest(m_settings.get());
        QVERIFY(guest.add(first.id, 2));
        QVERIFY(guest.add(second.id, 1));
        QVERIFY(guest.add(second.id, 20)); // capped at the per-line maximum
        QVERIFY(!guest.add(0, 1));
    }
    QCOMPARE(
        Settings(m_settingsDir->filePath(QStringLiteral("pincart.ini"))).guestCartLines(),
        (QList<QPair<qint64, int>>{{first.id, 2}, {second.id, CartLimits::MaxQuantityPerLine}}));

    StorefrontWidget *store = signIn();
    QVERIFY(store);
    CartModel *cart = store->cartModel();
    QTRY_VERIFY_WITH_TIMEOUT(cart->rowOfItem(second.id).has_value() && !cart->isBusy(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(cart->at(*cart->rowOfItem(first.id)).quantity, 3, Timeout);
    QCOMPARE(cart->at(*cart->rowOfItem(second.id)).quantity, CartLimits::MaxQuantityPerLine);
    QVERIFY(GuestCart(m_settings.get()).isEmpty());
    const Cart stored = fetchCart();
    QCOMPARE(stored.lines.size(), 2);
    QCOMPARE(stored.total.amount,
             3 * first.price.amount + CartLimits::MaxQuantityPerLine * second.price.amount);

    // Signing in again merges nothing more.
    m_app->logout();
    QVERIFY(signIn());
    QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow()->storefront()->cartModel()->isLoaded()
                                 && !m_app->mainWindow()->storefront()->cartModel()->isBusy(),
                             Timeout);
    QCOMPARE(fetchCart().total.amount, stored.total.amount);
}

// The answer to Place order is lost (the server placed the order): the dialog says so and keeps
// its Idempotency-Key, so Place order again gets that same order back instead of a second one.
void TestStorefrontCart::retryAfterLostAnswerPlacesOneOrder()
{
    LossyProxy proxy(m_server->port());
    QVERIFY(proxy.listen());
    const Item item = fetchItem(stockedItem(0));
    putInCart(item.id, 1);
    const qint64 ordersBefore = orderCount();
    StorefrontWidget *store = signIn(proxy.url());
    QVERIFY2(store, qPrintable(m_app->loginDialog()->errorText()));
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->rowCount() == 1 && !store->cartModel()->isBusy(),
                             Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(store->orderModel()->state() != State::Loading, Timeout);
    CheckoutDialog *dialog = openCheckout(store);
    QVERIFY(dialog);
    QPointer<CheckoutDialog> open(dialog);
    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("checkoutAddressEdit")),
                     QStringLiteral("12 MG Road, Bengaluru"));
    const QString key = dialog->idempotencyKey();
    auto *place = dialog->findChild<QPushButton *>(QStringLiteral("placeOrderButton"));

    proxy.setDropAnswers(true);
    QTest::mouseClick(place, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    QVERIFY(proxy.dropped() >= 1);
    QCOMPARE(orderCount(), ordersBefore + 1); // the server did place it
    QVERIFY2(dialog->errorText().contains(QStringLiteral("No answer")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->idempotencyKey(), key);

    proxy.setDropAnswers(false);
    QTest::mouseClick(place, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!open || !open->isVisible(),
                              qPrintable(open ? open->errorText() : QString()), Timeout);
    QCOMPARE(orderCount(), ordersBefore + 1); // the same order, not a second one
    const qint64 orderId
        = scalar(QStringLiteral("SELECT MAX(id) FROM orders WHERE user_id = %1").arg(m_customerId));
    QTRY_VERIFY_WITH_TIMEOUT(store->orderModel()->rowOfOrder(orderId).has_value(), Timeout);
    QCOMPARE(
        queryScalar(m_server->databaseUrl(),
                    QStringLiteral("SELECT idempotency_key FROM orders WHERE id = %1").arg(orderId))
            .toString(),
        key);
}

QTEST_MAIN(TestStorefrontCart)
#include "tst_storefrontcart.moc"

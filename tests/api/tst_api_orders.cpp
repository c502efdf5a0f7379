// Cart, wishlist and orders over real HTTP, on SQLite and MariaDB: 50 buyers racing for the last 10
// units (exactly 10 sold, stock never negative, nothing lost), Idempotency-Key retries, splitting a
// line across warehouses, cancel and restock, who may see what, a group checkout's batch with a
// refused order in it, and bad input that changes nothing.

#include "apipaths.h"
#include "apitest.h"
#include "connection.h"
#include "databaseurl.h"
#include "logisticscodecs.h"
#include "ordercodecs.h"

#include <algorithm>
#include <functional>
#include <QElapsedTimer>

using namespace pincart;
using namespace pincart::test;

namespace {

const QStringList OrderTables{QStringLiteral("orders"),         QStringLiteral("order_lines"),
                              QStringLiteral("order_stock"),    QStringLiteral("stock"),
                              QStringLiteral("shipments"),      QStringLiteral("cart_lines"),
                              QStringLiteral("wishlist_items"), QStringLiteral("events")};

TestServer::Options options()
{
    TestServer::Options o;
    o.items = 300;
    o.loadPincodes = true;
    o.threads = 6; // enough request threads for buyers to really race in the database
    return o;
}

QString dsn(TestServer *server)
{
    return server->databaseUrl();
}

qint64 scalar(TestServer *server, const QString &sql)
{
    return queryScalar(dsn(server), sql).toLongLong();
}

qint64 warehouseByCode(TestServer *server, const char *code)
{
    return scalar(
        server,
        QStringLiteral("SELECT id FROM warehouses WHERE code = '%1'").arg(QLatin1String(code)));
}

// An item no warehouse holds yet (the demo leaves about one in twelve out of stock).
qint64 unstockedItem(TestServer *server, int skip = 0)
{
    return scalar(server,
                  QStringLiteral("SELECT id FROM items WHERE status = 'active' AND id NOT IN "
                                 "(SELECT item_id FROM stock) ORDER BY id LIMIT 1 OFFSET %1")
                      .arg(skip));
}

qint64 onHand(TestServer *server, qint64 item)
{
    return scalar(
        server,
        QStringLiteral("SELECT COALESCE(SUM(on_hand), 0) FROM stock WHERE item_id = %1").arg(item));
}

qint64 sold(TestServer *server, qint64 item)
{
    return scalar(
        server,
        QStringLiteral("SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l JOIN orders o "
                       "ON o.id = l.order_id WHERE o.status = 'placed' AND l.item_id = %1")
            .arg(item));
}

void receive(ApiCall &admin, qint64 warehouse, qint64 item, int quantity,
             const QString &bin = QStringLiteral("A-01"))
{
    const ApiResponse r = admin.postJson(paths::warehouseReceipts(warehouse),
                                         toJson(QList<ReceiptLine>{{{}, item, quantity, bin, 0}}));
    QCOMPARE(r.status, 201);
}

// A new customer account, logged in.
std::unique_ptr<ApiCall> newCustomer(TestServer *server, const QString &email)
{
    auto api = std::make_unique<ApiCall>(server->url());
    api->postJson(paths::register_(), {{QStringLiteral("email"), email},
                                       {QStringLiteral("password"), DemoAccounts::Password},
                                       {QStringLiteral("name"), QStringLiteral("Racing Buyer")},
                                       {QStringLiteral("pincode"), QStringLiteral("110001")}});
    api->login(email, DemoAccounts::Password);
    return api;
}

// A figure from GET /metrics (the line "name value"); -1 when it is not there.
qint64 metric(TestServer *server, const QByteArray &name)
{
    const QByteArray text = ApiCall(server->url()).get(paths::metrics()).body;
    const QByteArray prefix = name + ' ';
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(name.size() + 1).trimmed().toLongLong();
    }
    return -1;
}

// Group writes made to batch deterministically. The test's own transaction runs `holdSql`,
// locking rows the first two requests need (on SQLite, the whole database), so each of them
// fills one of the queue's two batch slots and the other requests wait in the queue together;
// then the lock goes and every request is answered. `batches` and `batched`: how much
// pincart_batches_total and pincart_batched_total of `queue` grew meanwhile.
void sendWithBatchSlotsHeld(TestServer *server, const QByteArray &queue, const QString &holdSql,
                            int requests, const std::function<void(int)> &send,
                            const std::function<bool()> &allAnswered, qint64 *batches,
                            qint64 *batched)
{
    const auto named = [&queue](const char *family) -> QByteArray {
        return QByteArray(family) + "{queue=\"" + queue + "\"}";
    };
    const qint64 batchesBefore = metric(server, named("pincart_batches_total"));
    const qint64 batchedBefore = metric(server, named("pincart_batched_total"));
    const auto url = server::DatabaseUrl::parse(server->databaseUrl());
    QVERIFY(url);
    server::Connection lock(*url);
    QVERIFY(lock.open());
    QVERIFY(lock.begin());
    QVERIFY(lock.execDirect(holdSql, "hold the blockers' rows"));
    send(0);
    QTRY_COMPARE(metric(server, named("pincart_batches_running")), 1);
    send(1);
    QTRY_COMPARE(metric(server, named("pincart_batches_running")), 2);
    for (int i = 2; i < requests; ++i)
        send(i);
    QTRY_COMPARE(metric(server, named("pincart_batch_waiting")), requests - 2);
    lock.rollback();
    QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 30000);
    *batches = metric(server, named("pincart_batches_total")) - batchesBefore;
    *batched = metric(server, named("pincart_batched_total")) - batchedBefore;
}

QJsonObject checkout(const char *pincode = "110001", const char *payment = "cod")
{
    return {{QStringLiteral("pincode"), QLatin1String(pincode)},
            {QStringLiteral("address"), QStringLiteral("4 Janpath, New Delhi")},
            {QStringLiteral("payment"), QLatin1String(payment)}};
}

} // namespace

class TestOrdersApi : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers{options()};

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanupTestCase() { m_servers.stopAll(); }
    void cartAndWishlist();
    void lastTenUnitsRace();
    void idempotentRetries();
    void splitAcrossWarehouses();
    void cancelRestocks();
    void stockLevelsReadBackAfterAnOrder();
    void whoSeesWhat();
    void prepaidPayment();
    void batchPlacesAllButTheRefused();
    void cartChangesWrittenTogether();
    void badInput_data();
    void badInput();
};

void TestOrdersApi::cartAndWishlist()
{
    PINCART_SERVER(m_servers, server);
    auto buyer = newCustomer(server, QStringLiteral("cart@example.com"));
    const qint64 item
        = scalar(server, QStringLiteral("SELECT MIN(item_id) FROM stock WHERE warehouse_id = %1")
                             .arg(warehouseByCode(server, "DEL-1")));
    QVERIFY(item);

    ApiResponse r
        = buyer->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 2}});
    QCOMPARE(r.status, 200);
    auto cart = cartFromJson(r.json());
    QVERIFY(cart);
    QCOMPARE(cart->lines.size(), 1);
    QCOMPARE(cart->lines.first().quantity, 2);
    QCOMPARE(cart->total.amount, cart->lines.first().unitPrice.amount * 2);
    QCOMPARE(cart->pincode, QStringLiteral("110001")); // the account's own
    QVERIFY(cart->lines.first().deliverable);
    QVERIFY(cart->lines.first().promise);
    // Set, not added: a second PUT replaces the quantity.
    cart = cartFromJson(
        buyer->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 3}}).json());
    QCOMPARE(cart->lines.first().quantity, 3);
    // Another pincode: Lakshadweep is served by no courier.
    cart = cartFromJson(
        buyer->get(paths::cart(), QUrlQuery(QStringLiteral("pincode=682555"))).json());
    QVERIFY(cart);
    QVERIFY(!cart->lines.first().deliverable);

    // Wishlist: add, move one unit to the cart (adding to the line), gone from the wishlist.
    const qint64 other = item + 1;
    QCOMPARE(buyer->send("PUT", paths::wishlistItem(other)).status, 200);
    QCOMPARE(buyer->send("PUT", paths::wishlistItem(other)).status, 200); // twice is once
    const auto wishlist = wishlistFromJson(buyer->get(paths::wishlist()).json());
    QVERIFY(wishlist);
    QCOMPARE(wishlist->size(), 1);
    r = buyer->send("POST", paths::wishlistMoveToCart(other));
    QCOMPARE(r.status, 200);
    QCOMPARE(cartFromJson(r.json())->lines.size(), 2);
    QCOMPARE(wishlistFromJson(buyer->get(paths::wishlist()).json())->size(), 0);
    QCOMPARE(buyer->send("POST", paths::wishlistMoveToCart(other)).status, 404);

    // Merge a cart built before login: quantities add up to the line limit.
    r = buyer->postJson(paths::cartMerge(),
                        cartMergeToJson({{item, 9}, {other, 1}, {99999999, 1}}));
    QCOMPARE(r.status, 200);
    cart = cartFromJson(r.json());
    QCOMPARE(cart->lines.size(), 2);
    for (const CartLine &l : cart->lines)
        QCOMPARE(l.quantity, l.itemId == item ? CartLimits::MaxQuantityPerLine : 2);

    QCOMPARE(buyer->send("DELETE", paths::cartItem(other)).status, 200);
    QCOMPARE(buyer->send("DELETE", paths::cartItem(other)).status, 404);
    QCOMPARE(cartFromJson(buyer->get(paths::cart()).json())->lines.size(), 1);
}

void TestOrdersApi::lastTenUnitsRace()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 item = unstockedItem(server);
    QVERIFY(item);
    // The last ten units, in two bins of the Delhi warehouse.
    receive(admin, warehouseByCode(server, "DEL-1"), item, 6, QStringLiteral("B-02"));
    receive(admin, warehouseByCode(server, "DEL-1"), item, 4, QStringLiteral("B-03"));
    QCOMPARE(onHand(server, item), 10);

    constexpr int Buyers = 50;
    std::vector<std::unique_ptr<ApiCall>> buyers;
    for (int i = 0; i < Buyers; ++i) {
        buyers.push_back(newCustomer(server, QStringLiteral("race-%1@example.com").arg(i)));
        QCOMPARE(buyers.back()
                     ->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 1}})
                     .status,
                 200);
    }
    // All at once: each buyer its own connection, every request in flight before any answer.
    QList<int> statuses;
    QList<qint64> orderIds;
    const QByteArray body = QJsonDocument(checkout()).toJson(QJsonDocument::Compact);
    for (auto &b : buyers) {
        b->client().send("POST", paths::orders(), {}, body, "application/json", this,
                         [&](const ApiResponse &r) {
                             statuses << r.status;
                             if (r.status == 201)
                                 orderIds << r.json().value(QStringLiteral("id")).toInteger();
                             else
                                 QVERIFY2(r.status == 409 && isProblem(r), r.body.constData());
                         });
    }
    QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), Buyers, 60000);
    QCOMPARE(statuses.count(201), 10);
    QCOMPARE(statuses.count(409), Buyers - 10);
    QCOMPARE(onHand(server, item), 0);
    QCOMPARE(sold(server, item), 10);
    QCOMPARE(scalar(server,
                    QStringLiteral("SELECT MIN(on_hand) FROM stock WHERE item_id = %1").arg(item)),
             0);
    // Each order whole: one line, one shipment, its stock takes adding up to what it sold.
    for (qint64 id : std::as_const(orderIds)) {
        QCOMPARE(
            scalar(server,
                   QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE order_id = %1").arg(id)),
            1);
        QCOMPARE(
            scalar(server,
                   QStringLiteral("SELECT COUNT(*) FROM shipments WHERE order_id = %1").arg(id)),
            1);
        QCOMPARE(scalar(server,
                        QStringLiteral("SELECT SUM(quantity) FROM order_stock WHERE order_id = %1")
                            .arg(id)),
                 1);
    }
    // The losers' carts are untouched, the winners' emptied.
    QCOMPARE(scalar(server,
                    QStringLiteral("SELECT COUNT(*) FROM cart_lines WHERE item_id = %1").arg(item)),
             Buyers - 10);
}

void TestOrdersApi::idempotentRetries()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 item = unstockedItem(server, 1);
    receive(admin, warehouseByCode(server, "DEL-1"), item, 5);
    auto buyer = newCustomer(server, QStringLiteral("retry@example.com"));
    QCOMPARE(
        buyer->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 2}}).status,
        200);
    const QByteArray body = QJsonDocument(checkout()).toJson(QJsonDocument::Compact);
    const HeaderList key{{"Idempotency-Key", "order-attempt-1"}};

    const ApiResponse first = buyer->send("POST", paths::orders(), body, "application/json", key);
    QCOMPARE(first.status, 201);
    const qint64 id = first.json().value(QStringLiteral("id")).toInteger();
    // The same request again (the answer was lost): the first order, not a second.
    const ApiResponse again = buyer->send("POST", paths::orders(), body, "application/json", key);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(onHand(server, item), 3);
    // The same key with another body: 409, nothing placed.
    const QByteArray other = QJsonDocument(checkout("110002")).toJson(QJsonDocument::Compact);
    QCOMPARE(buyer->send("POST", paths::orders(), other, "application/json", key).status, 409);
    QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM orders WHERE user_id = (SELECT "
                                           "user_id FROM orders WHERE id = %1)")
                                .arg(id)),
             1);
    // Concurrent duplicates with a fresh key: still one order.
    QCOMPARE(
        buyer->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 1}}).status,
        200);
    const HeaderList key2{{"Idempotency-Key", "order-attempt-2"}};
    QList<qint64> ids;
    std::vector<std::unique_ptr<ApiClient>> clients;
    for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<ApiClient>());
        clients.back()->setBaseUrl(server->url());
        clients.back()->setToken(buyer->client().token());
        clients.back()->send(
            "POST", paths::orders(), {}, body, "application/json", this,
            [&](const ApiResponse &r) {
                ids << (r.isSuccess() ? r.json().value(QStringLiteral("id")).toInteger()
                                      : -r.status);
            },
            key2);
    }
    QTRY_COMPARE_WITH_TIMEOUT(ids.size(), 5, 30000);
    QVERIFY2(
        std::all_of(ids.cbegin(), ids.cend(), [&](qint64 x) { return x == ids.first() && x > 0; }),
        qPrintable(QString::number(ids.first())));
    QCOMPARE(onHand(server, item), 2);
}

void TestOrdersApi::splitAcrossWarehouses()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 item = unstockedItem(server, 2);
    const qint64 delhi = warehouseByCode(server, "DEL-1");
    const qint64 jaipur = warehouseByCode(server, "JAI-1");
    receive(admin, delhi, item, 3);
    receive(admin, jaipur, item, 5);
    auto buyer = newCustomer(server, QStringLiteral("split@example.com"));
    QCOMPARE(
        buyer->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 6}}).status,
        200);
    const ApiResponse r = buyer->postJson(paths::orders(), checkout("110001"));
    QCOMPARE(r.status, 201);
    const auto order = orderFromJson(r.json());
    QVERIFY(order);
    // Delhi is the sooner for a Delhi address: all of its 3, then 3 of Jaipur's, two shipments.
    QCOMPARE(order->shipments.size(), 2);
    QMap<qint64, int> units;
    for (const Shipment &s : order->shipments) {
        QCOMPARE(s.lines.size(), 1);
        units[s.warehouseId] += s.lines.first().quantity;
        QVERIFY(s.promiseDate.isValid());
    }
    QCOMPARE(units.value(delhi), 3);
    QCOMPARE(units.value(jaipur), 3);
    QCOMPARE(onHand(server, item), 2);

    // What was stored is what was answered: each shipment id with its warehouse and its units
    // (the shipments are inserted together and their ids matched up afterwards).
    const auto stored = orderFromJson(buyer->get(paths::order(order->id)).json());
    QVERIFY(stored);
    QCOMPARE(stored->shipments.size(), order->shipments.size());
    for (const Shipment &answered : order->shipments) {
        const auto same = std::find_if(stored->shipments.cbegin(), stored->shipments.cend(),
                                       [&](const Shipment &s) { return s.id == answered.id; });
        QVERIFY2(same != stored->shipments.cend(), "an answered shipment id is not stored");
        QCOMPARE(same->warehouseId, answered.warehouseId);
        QCOMPARE(same->courierId, answered.courierId);
        QCOMPARE(same->promiseDate, answered.promiseDate);
        QCOMPARE(same->lines.size(), 1);
        QCOMPARE(same->lines.first().itemId, item);
        QCOMPARE(same->lines.first().quantity, answered.lines.first().quantity);
    }
    // Cancelling puts each warehouse's units back where they came from.
    QCOMPARE(buyer->send("POST", paths::orderCancel(order->id)).status, 200);
    const auto onHandAt = [&](qint64 warehouse) {
        return scalar(server, QStringLiteral("SELECT on_hand FROM stock WHERE item_id = %1 AND "
                                             "warehouse_id = %2")
                                  .arg(item)
                                  .arg(warehouse));
    };
    QCOMPARE(onHandAt(delhi), 3);
    QCOMPARE(onHandAt(jaipur), 5);
}

void TestOrdersApi::cancelRestocks()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 item = unstockedItem(server, 3);
    receive(admin, warehouseByCode(server, "DEL-1"), item, 4);
    auto buyer = newCustomer(server, QStringLiteral("cancel@example.com"));
    const auto place = [&] {
        buyer->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 2}});
        return orderFromJson(buyer->postJson(paths::orders(), checkout()).json());
    };
    const auto first = place();
    QVERIFY(first);
    QCOMPARE(onHand(server, item), 2);
    const qint64 eventsBefore = rowCount(dsn(server), QStringLiteral("events"));
    ApiResponse r = buyer->send("POST", paths::orderCancel(first->id));
    QCOMPARE(r.status, 200);
    QCOMPARE(orderFromJson(r.json())->status, OrderStatus::Cancelled);
    QCOMPARE(onHand(server, item), 4); // exactly what was taken
    QCOMPARE(rowCount(dsn(server), QStringLiteral("events")),
             eventsBefore + 2); // order.cancelled, stock.changed
    QCOMPARE(buyer->send("POST", paths::orderCancel(first->id)).status, 409);

    // Once a shipment has shipped, no cancel: the operator moves it along first.
    const auto second = place();
    QVERIFY(second);
    const qint64 shipment = second->shipments.first().id;
    ApiCall op(server->url());
    op.login(DemoAccounts::Operator2, DemoAccounts::Password); // runs Delhi
    for (const char *status : {"picked", "packed"})
        QCOMPARE(op.postJson(paths::shipmentStatus(shipment),
                             {{QStringLiteral("status"), QLatin1String(status)}})
                     .status,
                 200);
    QCOMPARE(orderFromJson(buyer->get(paths::order(second->id)).json())->status,
             OrderStatus::Packed);
    QCOMPARE(op.postJson(paths::shipmentStatus(shipment),
                         {{QStringLiteral("status"), QStringLiteral("shipped")}})
                 .status,
             200);
    QCOMPARE(orderFromJson(buyer->get(paths::order(second->id)).json())->status,
             OrderStatus::Shipped);
    const QByteArray before = databaseFingerprint(dsn(server), OrderTables);
    r = buyer->send("POST", paths::orderCancel(second->id));
    QCOMPARE(r.status, 409);
    QVERIFY(isProblem(r));
    QCOMPARE(databaseFingerprint(dsn(server), OrderTables), before);
    QCOMPARE(onHand(server, item), 2);
}

// The logistics consumer reads an order's items' stock levels back into memory after it: the
// next serviceability answer (and cart answer) has the levels after the order without reading
// them itself.
void TestOrdersApi::stockLevelsReadBackAfterAnOrder()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 item = unstockedItem(server, 4);
    const qint64 delhi = warehouseByCode(server, "DEL-1");
    const auto metric = [&](const char *name) {
        const QByteArray body = admin.get(paths::metrics()).body;
        for (const QByteArray &line : body.split('\n')) {
            if (line.startsWith(name))
                return line.mid(qsizetype(qstrlen(name))).trimmed().toLongLong();
        }
        return qint64(-1);
    };
    const char *readBack = "pincart_stock_read_back_total ";
    const char *misses = "pincart_stock_cache_lookups_total{result=\"miss\"} ";
    QVERIFY(metric(readBack) >= 0);

    qint64 before = metric(readBack);
    receive(admin, delhi, item, 5);
    QTRY_VERIFY_WITH_TIMEOUT(metric(readBack) > before, 5000); // the receipt's stock.changed
    auto buyer = newCustomer(server, QStringLiteral("readback@example.com"));
    QCOMPARE(
        buyer->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 2}}).status,
        200);
    before = metric(readBack);
    QCOMPARE(buyer->postJson(paths::orders(), checkout("110001")).status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(metric(readBack) > before, 5000);

    const qint64 missesBefore = metric(misses);
    QVERIFY(missesBefore >= 0);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("item"), QString::number(item));
    q.addQueryItem(QStringLiteral("pincode"), QStringLiteral("110001"));
    const auto answer = serviceabilityFromJson(buyer->get(paths::serviceability(), q).json());
    QVERIFY(answer);
    QCOMPARE(answer->options.size(), 1);
    QCOMPARE(answer->options.first().warehouseId, delhi);
    QCOMPARE(answer->options.first().available, 3); // the levels after the order
    QCOMPARE(metric(misses), missesBefore);         // from memory
}

void TestOrdersApi::whoSeesWhat()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 item = unstockedItem(server, 4);
    receive(admin, warehouseByCode(server, "DEL-1"), item, 3);
    auto owner = newCustomer(server, QStringLiteral("owner@example.com"));
    owner->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 1}});
    const auto order = orderFromJson(owner->postJson(paths::orders(), checkout()).json());
    QVERIFY(order);

    ApiCall stranger(server->url());
    stranger.login(DemoAccounts::Customer, DemoAccounts::Password);
    QCOMPARE(stranger.get(paths::order(order->id)).status, 404);
    QCOMPARE(stranger.send("POST", paths::orderCancel(order->id)).status, 404);
    const auto strangersList = orderPageFromJson(
        stranger.get(paths::orders(), QUrlQuery(QStringLiteral("limit=100"))).json());
    QVERIFY(std::none_of(strangersList->items.cbegin(), strangersList->items.cend(),
                         [&](const Order &o) { return o.id == order->id; }));
    // The operator of the shipping warehouse sees it; the other operator does not.
    ApiCall delhiOp(server->url());
    delhiOp.login(DemoAccounts::Operator2, DemoAccounts::Password);
    QCOMPARE(delhiOp.get(paths::order(order->id)).status, 200);
    QCOMPARE(delhiOp.send("POST", paths::orderCancel(order->id)).status, 403);
    ApiCall puneOp(server->url());
    puneOp.login(DemoAccounts::Operator, DemoAccounts::Password);
    QCOMPARE(puneOp.get(paths::order(order->id)).status, 404);
    QCOMPARE(admin.get(paths::order(order->id)).status, 200);
    ApiCall anonymous(server->url());
    QCOMPARE(anonymous.get(paths::order(order->id)).status, 401);
    // My Orders: newest first, keyset pages.
    const auto mine = orderPageFromJson(owner->get(paths::orders()).json());
    QCOMPARE(mine->items.size(), 1);
    QCOMPARE(mine->items.first().id, order->id);
    QCOMPARE(mine->items.first().lines.first().itemId, item);
}

void TestOrdersApi::prepaidPayment()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 item = unstockedItem(server, 5);
    receive(admin, warehouseByCode(server, "DEL-1"), item, 3);
    auto buyer = newCustomer(server, QStringLiteral("prepaid@example.com"));
    buyer->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 1}});
    const auto order
        = orderFromJson(buyer->postJson(paths::orders(), checkout("110001", "prepaid")).json());
    QVERIFY(order);
    QCOMPARE(order->paymentStatus, PaymentStatus::Pending);
    const auto pay = [&](const char *card) {
        return buyer->postJson(paths::orderPayment(order->id),
                               {{QStringLiteral("card_number"), QLatin1String(card)}});
    };
    QCOMPARE(pay("4111111111111112").status, 422); // fails the Luhn check
    ApiResponse r = pay("4000000000000002");       // the declined test card
    QCOMPARE(r.status, 200);
    QCOMPARE(orderFromJson(r.json())->paymentStatus, PaymentStatus::Failed);
    r = pay("4111 1111 1111 1111");
    QCOMPARE(r.status, 200);
    QCOMPARE(orderFromJson(r.json())->paymentStatus, PaymentStatus::Paid);
    QCOMPARE(pay("4111111111111111").status, 409); // already paid
}

// Group checkout: checkouts that arrive while every batch slot is busy are placed together, in
// one batch; one of them refused (out of stock) keeps its cart and takes nothing, the others are
// placed whole. The slots are kept busy by two checkouts whose stock rows the test holds locked.
void TestOrdersApi::batchPlacesAllButTheRefused()
{
    PINCART_SERVER(m_servers, server);
    QCOMPARE(metric(server, "pincart_batches_running{queue=\"checkout\"}"), 0);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 held = unstockedItem(server, 0), a = unstockedItem(server, 1),
                 c = unstockedItem(server, 2), none = unstockedItem(server, 3);
    QVERIFY(held && a && c && none);
    const qint64 delhi = warehouseByCode(server, "DEL-1");
    receive(admin, delhi, held, 10);
    receive(admin, delhi, a, 5);
    receive(admin, delhi, c, 5);
    struct Buyer
    {
        std::unique_ptr<ApiCall> api;
        qint64 item;
        int quantity;
        int status = 0;
        qint64 orderId = 0;
        QByteArray body;
    };
    std::vector<Buyer> buyers;
    const auto buyer = [&](const char *name, qint64 item, int quantity) {
        buyers.push_back(
            {newCustomer(server, QStringLiteral("batch-%1@example.com").arg(QLatin1String(name))),
             item, quantity});
        QCOMPARE(
            buyers.back()
                .api
                ->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), quantity}})
                .status,
            200);
    };
    buyer("blocker-1", held, 1);
    buyer("blocker-2", held, 1);
    buyer("a", a, 2);
    buyer("refused", none, 1);
    buyer("c", c, 3);
    const QByteArray body = QJsonDocument(checkout()).toJson(QJsonDocument::Compact);
    const auto send = [&](Buyer &b) {
        b.api->client().send("POST", paths::orders(), {}, body, "application/json", this,
                             [&b](const ApiResponse &r) {
                                 b.body = r.body;
                                 if (r.status == 201)
                                     b.orderId = r.json().value(QStringLiteral("id")).toInteger();
                                 b.status = r.status; // last: the test waits on it
                             });
    };
    // The held item's stock rows are locked: each blocker's batch waits in its UPDATE.
    qint64 batches = 0, placed = 0;
    sendWithBatchSlotsHeld(
        server, "checkout",
        QStringLiteral("UPDATE stock SET on_hand = on_hand WHERE item_id = %1").arg(held),
        int(buyers.size()), [&](int i) { send(buyers[i]); },
        [&] {
            return std::all_of(buyers.cbegin(), buyers.cend(),
                               [](const Buyer &b) { return b.status != 0; });
        },
        &batches, &placed);
    if (QTest::currentTestFailed())
        return;
    // Three batches: each blocker's, then the three that waited, together.
    QCOMPARE(batches, 3);
    QCOMPARE(placed, 5);
    for (const Buyer &b : buyers) {
        if (b.item == none) {
            QCOMPARE(b.status, 409);
            QVERIFY2(b.body.contains(QStringLiteral("cart.%1").arg(none).toUtf8())
                         && b.body.contains("out_of_stock"),
                     b.body.constData());
            // Its cart as it was, nothing ordered.
            QCOMPARE(scalar(server, QStringLiteral("SELECT quantity FROM cart_lines WHERE "
                                                   "item_id = %1")
                                        .arg(none)),
                     1);
            QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM order_lines WHERE "
                                                   "item_id = %1")
                                        .arg(none)),
                     0);
            continue;
        }
        QVERIFY2(b.status == 201, b.body.constData());
        // Whole: its line, one shipment with its units, stock takes adding up to them, its event.
        QCOMPARE(scalar(server, QStringLiteral("SELECT SUM(quantity) FROM order_lines WHERE "
                                               "order_id = %1 AND item_id = %2")
                                    .arg(b.orderId)
                                    .arg(b.item)),
                 b.quantity);
        QCOMPARE(scalar(server, QStringLiteral("SELECT SUM(l.quantity) FROM shipment_lines l JOIN "
                                               "shipments s ON s.id = l.shipment_id WHERE "
                                               "s.order_id = %1")
                                    .arg(b.orderId)),
                 b.quantity);
        QCOMPARE(scalar(server,
                        QStringLiteral("SELECT SUM(quantity) FROM order_stock WHERE order_id = %1")
                            .arg(b.orderId)),
                 b.quantity);
        QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM events WHERE topic = "
                                               "'order.placed' AND event_key = '%1'")
                                    .arg(b.orderId)),
                 1);
        QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM cart_lines WHERE user_id = "
                                               "(SELECT user_id FROM orders WHERE id = %1)")
                                    .arg(b.orderId)),
                 0);
    }
    QCOMPARE(onHand(server, held), 8);
    QCOMPARE(onHand(server, a), 3);
    QCOMPARE(onHand(server, c), 2);
    QCOMPARE(onHand(server, none), 0);
}

// Group writes for the cart: line changes that arrive while both batch slots are busy are written
// together, each answering with its own cart; a new line for a full cart is refused alone (409,
// its cart unchanged). The slots are kept busy by two changes whose rows the test holds locked.
void TestOrdersApi::cartChangesWrittenTogether()
{
    PINCART_SERVER(m_servers, server);
    const auto activeItem = [&](int offset) {
        return scalar(server, QStringLiteral("SELECT id FROM items WHERE status = 'active' ORDER "
                                             "BY id DESC LIMIT 1 OFFSET %1")
                                  .arg(offset));
    };
    const qint64 x = activeItem(0), y = activeItem(1), z = activeItem(2), extra = activeItem(3);
    QVERIFY(x && y && z && extra);
    std::vector<std::unique_ptr<ApiCall>> customers;
    QList<qint64> ids;
    for (const char *name : {"blocker-1", "blocker-2", "full", "new-line", "more"}) {
        const QString email = QStringLiteral("cart-batch-%1@example.com").arg(QLatin1String(name));
        customers.push_back(newCustomer(server, email));
        ids << scalar(server, QStringLiteral("SELECT id FROM users WHERE email = '%1'").arg(email));
    }
    const auto put = [](ApiCall &c, qint64 item, int quantity) {
        return c.sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), quantity}});
    };
    QCOMPARE(put(*customers[0], x, 1).status, 200);
    QCOMPARE(put(*customers[1], x, 1).status, 200);
    QCOMPARE(put(*customers[4], z, 1).status, 200);
    const auto url = server::DatabaseUrl::parse(server->databaseUrl());
    QVERIFY(url);
    server::Connection db(*url);
    QVERIFY(db.open());
    // A full cart: the lowest-numbered active items, one unit each.
    QVERIFY(db.execDirect(
        QStringLiteral("INSERT INTO cart_lines (user_id, item_id, quantity, added_amount, "
                       "added_at, updated_at) SELECT %1, id, 1, price_amount, 0, 0 FROM items "
                       "WHERE status = 'active' ORDER BY id LIMIT %2")
            .arg(ids[2])
            .arg(CartLimits::MaxLines),
        "fill a cart"));
    const qint64 fullBefore = scalar(
        server, QStringLiteral("SELECT COUNT(*) FROM cart_lines WHERE user_id = %1").arg(ids[2]));
    QCOMPARE(fullBefore, CartLimits::MaxLines);

    struct Answer
    {
        int status = 0;
        QJsonObject json;
    };
    std::vector<Answer> answers(customers.size());
    // Blocker 1 and 2 change a line the test holds locked (each batch waits in its upsert); then
    // a 51st line for the full cart, a new line, and a line already there.
    const std::pair<qint64, int> changes[]{{x, 2}, {x, 3}, {extra, 1}, {y, 3}, {z, 4}};
    const auto send = [&](int i) {
        const QByteArray body
            = QJsonDocument(QJsonObject{{QStringLiteral("quantity"), changes[i].second}})
                  .toJson(QJsonDocument::Compact);
        customers[i]->client().send("PUT", paths::cartItem(changes[i].first), {}, body,
                                    "application/json", this, [&answers, i](const ApiResponse &r) {
                                        answers[i].json = r.json();
                                        answers[i].status = r.status; // last: the test waits on it
                                    });
    };
    qint64 batches = 0, written = 0;
    sendWithBatchSlotsHeld(
        server, "cart",
        QStringLiteral("UPDATE cart_lines SET quantity = quantity WHERE user_id IN (%1, %2)")
            .arg(ids[0])
            .arg(ids[1]),
        int(customers.size()), send,
        [&] {
            return std::all_of(answers.cbegin(), answers.cend(),
                               [](const Answer &a) { return a.status != 0; });
        },
        &batches, &written);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(batches, 3);
    QCOMPARE(written, 5);
    QCOMPARE(answers[2].status, 409);
    QCOMPARE(
        scalar(server,
               QStringLiteral("SELECT COUNT(*) FROM cart_lines WHERE user_id = %1").arg(ids[2])),
        fullBefore);
    QCOMPARE(scalar(server, QStringLiteral("SELECT COUNT(*) FROM cart_lines WHERE user_id = %1 "
                                           "AND item_id = %2")
                                .arg(ids[2])
                                .arg(extra)),
             0);
    // Each other answer is its own customer's cart, as stored.
    const QList<QPair<qint64, int>> expected[]{{{x, 2}}, {{x, 3}}, {}, {{y, 3}}, {{z, 4}}};
    for (std::size_t i : {0, 1, 3, 4}) {
        QVERIFY2(answers[i].status == 200, qPrintable(QString::number(answers[i].status)));
        const auto cart = cartFromJson(answers[i].json);
        QVERIFY(cart);
        QList<QPair<qint64, int>> lines;
        for (const CartLine &l : cart->lines)
            lines.append({l.itemId, l.quantity});
        QCOMPARE(lines, expected[i]);
        QCOMPARE(scalar(server, QStringLiteral("SELECT SUM(quantity) FROM cart_lines WHERE "
                                               "user_id = %1")
                                    .arg(ids[int(i)])),
                 expected[i].first().second);
    }
}

void TestOrdersApi::badInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // %ITEM% and %ORDER% are replaced
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("who"); // customer, supplier, none
    QTest::addColumn<int>("status");

    const QByteArray order = R"({"pincode":"110001","address":"4 Janpath","payment":"cod"})";
    QTest::addRow("negative quantity") << QByteArray("PUT") << "/api/v1/cart/items/%ITEM%"
                                       << QByteArray(R"({"quantity":-1})") << "customer" << 422;
    QTest::addRow("zero quantity") << QByteArray("PUT") << "/api/v1/cart/items/%ITEM%"
                                   << QByteArray(R"({"quantity":0})") << "customer" << 422;
    QTest::addRow("huge quantity") << QByteArray("PUT") << "/api/v1/cart/items/%ITEM%"
                                   << QByteArray(R"({"quantity":1000000})") << "customer" << 422;
    QTest::addRow("quantity as text") << QByteArray("PUT") << "/api/v1/cart/items/%ITEM%"
                                      << QByteArray(R"({"quantity":"2"})") << "customer" << 422;
    QTest::addRow("unknown field")
        << QByteArray("PUT") << "/api/v1/cart/items/%ITEM%"
        << QByteArray(R"({"quantity":1,"price":1})") << "customer" << 422;
    QTest::addRow("malformed json") << QByteArray("PUT") << "/api/v1/cart/items/%ITEM%"
                                    << QByteArray(R"({"quantity":)") << "customer" << 400;
    QTest::addRow("unknown item") << QByteArray("PUT") << "/api/v1/cart/items/99999999"
                                  << QByteArray(R"({"quantity":1})") << "customer" << 404;
    QTest::addRow("supplier has no cart") << QByteArray("PUT") << "/api/v1/cart/items/%ITEM%"
                                          << QByteArray(R"({"quantity":1})") << "supplier" << 403;
    QTest::addRow("no token") << QByteArray("GET") << "/api/v1/cart" << QByteArray() << "none"
                              << 401;
    QTest::addRow("cart for a pincode not in the directory")
        << QByteArray("GET") << "/api/v1/cart?pincode=999999" << QByteArray() << "customer" << 422;
    QTest::addRow("cart for a malformed pincode")
        << QByteArray("GET") << "/api/v1/cart?pincode=abc" << QByteArray() << "customer" << 422;
    QTest::addRow("wishlist unknown item") << QByteArray("PUT") << "/api/v1/wishlist/items/99999999"
                                           << QByteArray() << "customer" << 404;
    QTest::addRow("merge too many lines")
        << QByteArray("POST") << "/api/v1/cart/merge"
        << QByteArray(R"({"lines":[)" + QByteArray(R"({"item_id":1,"quantity":1},)").repeated(50)
                      + R"({"item_id":2,"quantity":1}]})")
        << "customer" << 422;
    QTest::addRow("empty cart") << QByteArray("POST") << "/api/v1/orders" << order
                                << "customer-empty" << 422;
    QTest::addRow("bad pincode") << QByteArray("POST") << "/api/v1/orders"
                                 << QByteArray(
                                        R"({"pincode":"12345","address":"x","payment":"cod"})")
                                 << "customer" << 422;
    QTest::addRow("pincode not in directory")
        << QByteArray("POST") << "/api/v1/orders"
        << QByteArray(R"({"pincode":"999999","address":"x","payment":"cod"})") << "customer" << 422;
    QTest::addRow("no address") << QByteArray("POST") << "/api/v1/orders"
                                << QByteArray(R"({"pincode":"110001","payment":"cod"})")
                                << "customer" << 422;
    QTest::addRow("huge address") << QByteArray("POST") << "/api/v1/orders"
                                  << QByteArray(R"({"pincode":"110001","address":")"
                                                + QByteArray(600, 'x') + R"(","payment":"cod"})")
                                  << "customer" << 422;
    QTest::addRow("unknown payment")
        << QByteArray("POST") << "/api/v1/orders"
        << QByteArray(R"({"pincode":"110001","address":"x","payment":"bitcoin"})") << "customer"
        << 422;
    QTest::addRow("undeliverable")
        << QByteArray("POST") << "/api/v1/orders"
        << QByteArray(R"({"pincode":"682555","address":"Kavaratti","payment":"cod"})") << "customer"
        << 409;
    QTest::addRow("supplier orders")
        << QByteArray("POST") << "/api/v1/orders" << order << "supplier" << 403;
    QTest::addRow("another customer's order")
        << QByteArray("GET") << "/api/v1/orders/%ORDER%" << QByteArray() << "customer" << 404;
    QTest::addRow("garbage cursor")
        << QByteArray("GET") << "/api/v1/orders?after=garbage" << QByteArray() << "customer" << 422;
    QTest::addRow("limit too big")
        << QByteArray("GET") << "/api/v1/orders?limit=10000" << QByteArray() << "customer" << 422;
}

void TestOrdersApi::badInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, who);
    QFETCH(int, status);
    PINCART_SERVER(m_servers, server);
    const qint64 item
        = scalar(server, QStringLiteral("SELECT MIN(item_id) FROM stock WHERE warehouse_id = %1")
                             .arg(warehouseByCode(server, "DEL-1")));
    const qint64 someoneElsesOrder
        = scalar(server, QStringLiteral("SELECT COALESCE(MAX(id), 1) FROM orders"));
    path.replace(QStringLiteral("%ITEM%"), QString::number(item))
        .replace(QStringLiteral("%ORDER%"), QString::number(someoneElsesOrder));

    std::unique_ptr<ApiCall> api;
    const QString tag
        = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-').replace(u'\'', u'-');
    if (who.startsWith(QLatin1String("customer"))) {
        api = newCustomer(
            server, QStringLiteral("bad-%1@example.com").arg(tag)); // one database per backend
        if (who == QLatin1String("customer")) // a cart with one line, so only the bad part can fail
            QCOMPARE(api->sendJson("PUT", paths::cartItem(item), {{QStringLiteral("quantity"), 1}})
                         .status,
                     200);
    } else {
        api = std::make_unique<ApiCall>(server->url());
        if (who == QLatin1String("supplier"))
            api->login(DemoAccounts::Supplier, DemoAccounts::Password);
    }
    const QByteArray before = databaseFingerprint(dsn(server), OrderTables);
    const int q = path.indexOf(u'?');
    const ApiResponse r = api->send(method, q < 0 ? path : path.left(q), body, "application/json",
                                    {}, QUrlQuery(q < 0 ? QString() : path.mid(q + 1)));
    QCOMPARE(r.status, status);
    QVERIFY2(isProblem(r), r.body.constData());
    QCOMPARE(databaseFingerprint(dsn(server), OrderTables), before);
}

QTEST_MAIN(TestOrdersApi)
#include "tst_api_orders.moc"

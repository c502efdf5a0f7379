// Warehouses and the delivery network over real HTTP, on SQLite and MariaDB, with the demo network
// over the real pincode directory: operators' scope, receipts (and every way one can be wrong),
// stock listing, the fulfilment queue, serviceability answers, and network edits that change them.

#include "apipaths.h"
#include "apitest.h"
#include "logisticscodecs.h"

#include <QElapsedTimer>

using namespace pincart;
using namespace pincart::test;

namespace {

const QStringList StockTables{QStringLiteral("stock"), QStringLiteral("receipts"),
                              QStringLiteral("receipt_lines"), QStringLiteral("events"),
                              QStringLiteral("shipments")};

TestServer::Options withNetwork()
{
    TestServer::Options o;
    o.items = 300;
    o.loadPincodes = true;
    return o;
}

qint64 warehouseId(ApiCall &api, const QString &code)
{
    const auto list = warehousesFromJson(api.get(paths::warehouses()).json());
    if (!list)
        return 0;
    for (const Warehouse &w : *list) {
        if (w.code == code)
            return w.id;
    }
    return 0;
}

// Any item's SKU, through the API (the demo SKUs are unique across suppliers).
Item someItem(ApiCall &api, int index = 0)
{
    const auto page
        = itemPageFromJson(api.get(paths::items(), QUrlQuery(QStringLiteral("limit=50"))).json());
    return page && page->items.size() > index ? page->items.at(index) : Item{};
}

QList<StockLine> allStock(ApiCall &api, qint64 warehouse, const QString &query)
{
    QList<StockLine> all;
    QString after;
    do {
        QUrlQuery q(query);
        if (!after.isEmpty())
            q.addQueryItem(QStringLiteral("after"), after);
        const auto page = stockPageFromJson(api.get(paths::warehouseStock(warehouse), q).json());
        if (!page)
            return all;
        all << page->items;
        after = page->next;
    } while (!after.isEmpty());
    return all;
}

} // namespace

class TestWarehouseApi : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers{withNetwork()};

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanupTestCase() { m_servers.stopAll(); }
    void operatorsSeeTheirWarehouses();
    void receiptAddsStock();
    void badReceipts_data();
    void badReceipts();
    void stockListing();
    void fulfilmentSteps();
    void serviceabilityAnswers();
    void badServiceability_data();
    void badServiceability();
    void hiddenItemsHaveNoServiceability_data();
    void hiddenItemsHaveNoServiceability();
    void laneChangeChangesPromises();
    void adminEditsTheNetwork();
};

void TestWarehouseApi::operatorsSeeTheirWarehouses()
{
    PINCART_SERVER(m_servers, server);
    const auto codes = [&](const QString &email) {
        ApiCall api(server->url());
        api.login(email, DemoAccounts::Password);
        QStringList out;
        const auto list = warehousesFromJson(api.get(paths::warehouses()).json());
        for (const Warehouse &w : list ? *list : QList<Warehouse>())
            out << w.code;
        return out;
    };
    QCOMPARE(codes(DemoAccounts::Operator), (QStringList{"BOM-1", "PNQ-1"}));
    QCOMPARE(codes(DemoAccounts::Operator2), (QStringList{"DEL-1", "JAI-1", "LKO-1"}));
    QCOMPARE(codes(DemoAccounts::Admin).size(), 12);

    ApiCall anonymous(server->url());
    QCOMPARE(anonymous.get(paths::warehouses()).status, 401);
    ApiCall customer(server->url());
    customer.login(DemoAccounts::Customer, DemoAccounts::Password);
    QCOMPARE(customer.get(paths::warehouses()).status, 403);
    // District and state come from the directory.
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const auto all = warehousesFromJson(admin.get(paths::warehouses()).json());
    QVERIFY(all);
    QCOMPARE(all->first().state, QStringLiteral("Delhi"));
}

void TestWarehouseApi::receiptAddsStock()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Operator, DemoAccounts::Password);
    const qint64 pune = warehouseId(api, QStringLiteral("PNQ-1"));
    QVERIFY(pune);
    const Item item = someItem(api, 3);
    QVERIFY(item.id);
    const auto before = warehouseSummaryFromJson(api.get(paths::warehouseSummary(pune)).json());
    QVERIFY(before);
    const auto stockOf = [&] {
        int onHand = 0;
        for (const StockLine &l : allStock(api, pune, QStringLiteral("limit=100&q=") + item.sku)) {
            if (l.itemId == item.id && l.bin == QLatin1String("C-07"))
                onHand += l.onHand;
        }
        return onHand;
    };
    const int binBefore = stockOf();
    const auto availableAtPune = [&] {
        ApiCall anyone(server->url());
        const auto s = serviceabilityFromJson(
            anyone
                .get(paths::serviceability(),
                     QUrlQuery(QStringLiteral("item=%1&pincode=411001").arg(item.id)))
                .json());
        if (!s)
            return -1;
        for (const DeliveryOption &o : s->options) {
            if (o.warehouseId == pune)
                return o.available;
        }
        return 0;
    };
    const int availableBefore = availableAtPune();
    QVERIFY(availableBefore >= 0);
    const qint64 eventsBefore = rowCount(server->databaseUrl(), QStringLiteral("events"));

    // Two lines of one item (one by SKU in another case, one by id) and the bin in lower case.
    const ApiResponse r = api.postJson(
        paths::warehouseReceipts(pune),
        toJson(QList<ReceiptLine>{{item.sku.toLower(), 0, 7, QStringLiteral("c-07"), 0},
                                  {{}, item.id, 5, QStringLiteral("C-07"), 0}}));
    QCOMPARE(r.status, 201);
    const auto receipt = receiptFromJson(r.json());
    QVERIFY(receipt);
    QCOMPARE(receipt->lines.size(), 2);
    QCOMPARE(receipt->lines.at(0).itemId, item.id);
    QCOMPARE(receipt->lines.at(1).onHandAfter, binBefore + 12);
    QCOMPARE(stockOf(), binBefore + 12);

    // The counters, the event (one per item) and the serviceability answer follow at once.
    const auto after = warehouseSummaryFromJson(api.get(paths::warehouseSummary(pune)).json());
    QVERIFY(after);
    QCOMPARE(after->receiptsToday, before->receiptsToday + 1);
    QCOMPARE(after->unitsReceivedToday, before->unitsReceivedToday + 12);
    QCOMPARE(after->unitsOnHand, before->unitsOnHand + 12);
    QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("events")), eventsBefore + 1);
    QCOMPARE(queryScalar(server->databaseUrl(),
                         QStringLiteral("SELECT topic FROM events ORDER BY id DESC LIMIT 1"))
                 .toString(),
             QStringLiteral("stock.changed"));
    QCOMPARE(availableAtPune(), availableBefore + 12);
}

void TestWarehouseApi::badReceipts_data()
{
    QTest::addColumn<QString>("who");  // "", "customer", "operator", "operator2"
    QTest::addColumn<QString>("code"); // the warehouse; "none" for one that does not exist
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // expected in errors[], when set

    const QByteArray good = R"({"lines":[{"sku":"%SKU%","quantity":3,"bin":"A-01"}]})";
    QTest::addRow("no token") << ""
                              << "PNQ-1" << good << 401 << "";
    QTest::addRow("customer") << "customer"
                              << "PNQ-1" << good << 403 << "";
    QTest::addRow("another operator's warehouse") << "operator2"
                                                  << "PNQ-1" << good << 403 << "";
    QTest::addRow("no such warehouse") << "operator"
                                       << "none" << good << 404 << "";
    QTest::addRow("malformed json") << "operator"
                                    << "PNQ-1" << QByteArray(R"({"lines":[{"sku":)") << 400 << "";
    QTest::addRow("not an object") << "operator"
                                   << "PNQ-1" << QByteArray("[1,2]") << 400 << "";
    QTest::addRow("no lines") << "operator"
                              << "PNQ-1" << QByteArray("{}") << 422 << "lines";
    QTest::addRow("empty lines") << "operator"
                                 << "PNQ-1" << QByteArray(R"({"lines":[]})") << 422 << "lines";
    QTest::addRow("zero quantity")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"sku":"%SKU%","quantity":0,"bin":"A-01"}]})") << 422
        << "lines[0].quantity";
    QTest::addRow("negative quantity")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"sku":"%SKU%","quantity":-5,"bin":"A-01"}]})") << 422
        << "lines[0].quantity";
    QTest::addRow("huge quantity")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"sku":"%SKU%","quantity":100001,"bin":"A-01"}]})")
        << 422 << "lines[0].quantity";
    QTest::addRow("fractional quantity")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"sku":"%SKU%","quantity":1.5,"bin":"A-01"}]})")
        << 422 << "lines[0].quantity";
    QTest::addRow("quantity as text")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"sku":"%SKU%","quantity":"3","bin":"A-01"}]})")
        << 422 << "lines[0].quantity";
    QTest::addRow("unknown sku")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"sku":"NO-SUCH-SKU","quantity":3,"bin":"A-01"}]})")
        << 422 << "lines[0].sku";
    QTest::addRow("sql-looking sku")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"sku":"x' OR '1'='1","quantity":3,"bin":"A-01"}]})")
        << 422 << "lines[0].sku";
    QTest::addRow("unknown item id")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"item_id":99999999,"quantity":3,"bin":"A-01"}]})")
        << 422 << "lines[0].item_id";
    QTest::addRow("sku and item id")
        << "operator"
        << "PNQ-1"
        << QByteArray(R"({"lines":[{"sku":"%SKU%","item_id":1,"quantity":3,"bin":"A-01"}]})") << 422
        << "lines[0].sku";
    QTest::addRow("neither sku nor item id")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"quantity":3,"bin":"A-01"}]})") << 422
        << "lines[0].sku";
    QTest::addRow("no such bin") << "operator"
                                 << "PNQ-1"
                                 << QByteArray(
                                        R"({"lines":[{"sku":"%SKU%","quantity":3,"bin":"Z-99"}]})")
                                 << 422 << "lines[0].bin";
    QTest::addRow("bin with spaces")
        << "operator"
        << "PNQ-1" << QByteArray(R"({"lines":[{"sku":"%SKU%","quantity":3,"bin":"A 01"}]})") << 422
        << "lines[0].bin";
    QTest::addRow("unknown field")
        << "operator"
        << "PNQ-1"
        << QByteArray(R"({"lines":[{"sku":"%SKU%","quantity":3,"bin":"A-01","price":1}]})") << 422
        << "lines[0].price";
    // One good line and one bad: nothing at all is received.
    QTest::addRow("one bad line of two")
        << "operator"
        << "PNQ-1"
        << QByteArray(
               R"({"lines":[{"sku":"%SKU%","quantity":3,"bin":"A-01"},{"sku":"%SKU%","quantity":3,"bin":"Q-42"}]})")
        << 422 << "lines[1].bin";
    QByteArray many = R"({"lines":[)";
    for (int i = 0; i < 501; ++i)
        many += QByteArray(i ? "," : "") + R"({"sku":"%SKU%","quantity":1,"bin":"A-01"})";
    many += "]}";
    QTest::addRow("501 lines") << "operator"
                               << "PNQ-1" << many << 422 << "lines";
}

void TestWarehouseApi::badReceipts()
{
    QFETCH(QString, who);
    QFETCH(QString, code);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    const qint64 warehouse = code == QLatin1String("none") ? 987654 : warehouseId(admin, code);
    QVERIFY(warehouse);
    body.replace("%SKU%", someItem(admin).sku.toUtf8());

    ApiCall api(server->url());
    if (who == QLatin1String("customer"))
        api.login(DemoAccounts::Customer, DemoAccounts::Password);
    else if (who == QLatin1String("operator"))
        api.login(DemoAccounts::Operator, DemoAccounts::Password);
    else if (who == QLatin1String("operator2"))
        api.login(DemoAccounts::Operator2, DemoAccounts::Password);
    const QByteArray before = databaseFingerprint(server->databaseUrl(), StockTables);
    const ApiResponse r = api.send("POST", paths::warehouseReceipts(warehouse), body);
    QCOMPARE(r.status, status);
    QVERIFY2(isProblem(r), r.body.constData());
    if (!field.isEmpty()) {
        QStringList fields;
        const DomainError problem = r.error(); // by value: keep it alive for the loop
        for (const FieldError &e : problem.fields())
            fields << e.field;
        QVERIFY2(fields.contains(field),
                 qPrintable(fields.join(u',') + QStringLiteral(" / ") + QString::fromUtf8(r.body)));
    }
    QCOMPARE(databaseFingerprint(server->databaseUrl(), StockTables), before);
}

void TestWarehouseApi::stockListing()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Operator, DemoAccounts::Password);
    const qint64 mumbai = warehouseId(api, QStringLiteral("BOM-1"));

    // Keyset pages of 7: every row once, in id order, as many as the table holds.
    const QList<StockLine> all = allStock(api, mumbai, QStringLiteral("limit=7"));
    QCOMPARE(qint64(all.size()),
             queryScalar(
                 server->databaseUrl(),
                 QStringLiteral("SELECT COUNT(*) FROM stock WHERE warehouse_id = %1").arg(mumbai))
                 .toLongLong());
    QVERIFY(all.size() > 7);
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).id < all.at(i).id);

    // Low stock: exactly the rows at or below their reorder level.
    const QList<StockLine> low = allStock(api, mumbai, QStringLiteral("low=true&limit=100"));
    int expectedLow = 0;
    for (const StockLine &l : all)
        expectedLow += l.low() ? 1 : 0;
    QCOMPARE(low.size(), expectedLow);
    QVERIFY(expectedLow > 0);
    for (const StockLine &l : low)
        QVERIFY(l.available() <= l.reorderLevel);

    // Search by SKU prefix (case-insensitive) and by a word of the title; LIKE wildcards are
    // literal.
    const StockLine probe = all.at(all.size() / 2);
    const QList<StockLine> bySku = allStock(
        api, mumbai, QStringLiteral("q=") + probe.sku.left(probe.sku.size() - 1).toLower());
    QVERIFY(std::any_of(bySku.cbegin(), bySku.cend(),
                        [&](const StockLine &l) { return l.id == probe.id; }));
    QVERIFY(allStock(api, mumbai, QStringLiteral("q=%25")).isEmpty());
    QVERIFY(allStock(api, mumbai, QStringLiteral("q=_")).isEmpty());

    // Bad paging and filters: 422, never a 500.
    for (const char *query : {"limit=0", "limit=101", "limit=abc", "after=garbage", "low=maybe"}) {
        const ApiResponse r
            = api.get(paths::warehouseStock(mumbai), QUrlQuery(QLatin1String(query)));
        QVERIFY2(r.status == 422 && isProblem(r), query);
    }
    QCOMPARE(
        api.get(paths::warehouseStock(mumbai), QUrlQuery(QStringLiteral("q=") + QString(200, u'x')))
            .status,
        422);
    // Not this operator's warehouse.
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    QCOMPARE(api.get(paths::warehouseStock(warehouseId(admin, QStringLiteral("DEL-1")))).status,
             403);
}

void TestWarehouseApi::fulfilmentSteps()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Operator, DemoAccounts::Password);
    const qint64 pune = warehouseId(api, QStringLiteral("PNQ-1"));
    const auto queue = shipmentPageFromJson(api.get(paths::warehouseFulfilment(pune)).json());
    QVERIFY(queue);
    QVERIFY(!queue->items.isEmpty());
    for (const Shipment &s : queue->items) {
        QVERIFY(isOpenShipment(s.status));
        QCOMPARE(s.warehouseId, pune);
        QVERIFY(!s.lines.isEmpty());
        QVERIFY(s.promiseDate.isValid());
    }
    const auto first
        = std::find_if(queue->items.cbegin(), queue->items.cend(),
                       [](const Shipment &s) { return s.status == ShipmentStatus::Placed; });
    QVERIFY(first != queue->items.cend());
    const qint64 id = first->id;
    const auto step = [&](ApiCall &who, const char *status) {
        return who.postJson(paths::shipmentStatus(id),
                            {{QStringLiteral("status"), QLatin1String(status)}});
    };

    QCOMPARE(step(api, "shipped").status, 409); // not packed yet
    QCOMPARE(step(api, "delivered").status, 409);
    ApiCall other(server->url());
    other.login(DemoAccounts::Operator2, DemoAccounts::Password);
    QCOMPARE(step(other, "picked").status, 403);
    QCOMPARE(step(api, "cancelled").status, 422);
    QCOMPARE(step(api, "lost").status, 422);
    QCOMPARE(api.postJson(paths::shipmentStatus(99999999),
                          {{QStringLiteral("status"), QStringLiteral("picked")}})
                 .status,
             404);

    const qint64 events = rowCount(server->databaseUrl(), QStringLiteral("events"));
    for (const char *status : {"picked", "packed", "shipped"}) {
        const ApiResponse r = step(api, status);
        QCOMPARE(r.status, 200);
        QCOMPARE(shipmentFromJson(r.json())->status,
                 shipmentStatusFromName(QString::fromLatin1(status)).value());
    }
    QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("events")), events + 3);
    // Shipped: off the warehouse's queue; delivered next, then nothing more.
    const auto after = shipmentPageFromJson(
        api.get(paths::warehouseFulfilment(pune), QUrlQuery(QStringLiteral("limit=100"))).json());
    QVERIFY(std::none_of(after->items.cbegin(), after->items.cend(),
                         [id](const Shipment &s) { return s.id == id; }));
    QCOMPARE(step(api, "picked").status, 409);
    QCOMPARE(step(api, "delivered").status, 200);
    QCOMPARE(step(api, "delivered").status, 409);
    QCOMPARE(queryScalar(server->databaseUrl(),
                         QStringLiteral("SELECT status FROM shipments WHERE id = %1").arg(id))
                 .toString(),
             QStringLiteral("delivered"));
}

namespace {

Serviceability serviceability(ApiCall &api, qint64 item, const QString &pincode)
{
    const auto s = serviceabilityFromJson(
        api.get(paths::serviceability(),
                QUrlQuery(QStringLiteral("item=%1&pincode=%2").arg(item).arg(pincode)))
            .json());
    return s ? *s : Serviceability{};
}

QDate indiaToday()
{
    return toIndiaTime(QDateTime::currentDateTimeUtc()).date();
}

// Polls until `done` holds (the TAT tables are rebuilt on the tailer's thread), at most 20 s.
template<typename F>
bool eventually(F done)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000) {
        if (done())
            return true;
        QTest::qWait(100);
    }
    return false;
}

} // namespace

void TestWarehouseApi::serviceabilityAnswers()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url()); // anyone may ask
    const auto page
        = itemPageFromJson(api.get(paths::items(), QUrlQuery(QStringLiteral("limit=25"))).json());
    QVERIFY(page);
    const QStringList pincodes{"110001", "400072", "560034", "781001", "744101", "682555"};
    int deliverable = 0;
    for (const Item &item : page->items) {
        // The warehouses that hold sellable stock, straight from the database.
        QSet<qint64> holders;
        const QString sql
            = QStringLiteral("SELECT COUNT(*) FROM stock WHERE item_id = %1 AND warehouse_id = %2 "
                             "GROUP BY warehouse_id HAVING SUM(on_hand - reserved) > 0");
        for (qint64 w = 1; w <= 12; ++w) {
            if (queryScalar(server->databaseUrl(), sql.arg(item.id).arg(w)).toLongLong() > 0)
                holders.insert(w);
        }
        for (const QString &pincode : pincodes) {
            const Serviceability s = serviceability(api, item.id, pincode);
            QCOMPARE(s.itemId, item.id);
            QSet<qint64> offered;
            for (const DeliveryOption &o : s.options) {
                offered.insert(o.warehouseId);
                QVERIFY(o.available > 0);
                if (o.deliverable) {
                    QVERIFY(o.courierId);
                    QVERIFY(!o.route.isEmpty());
                    QCOMPARE(o.promise.etaDays, int(indiaToday().daysTo(o.promise.promiseDate)));
                    QVERIFY(o.promise.tatHours > 0 || o.route.size() == 1);
                    // Never sooner than the best answer.
                    QVERIFY(s.deliverable && o.promise.promiseDate >= s.promise.promiseDate);
                }
            }
            QCOMPARE(offered, holders);
            if (s.deliverable) {
                ++deliverable;
                QVERIFY(holders.contains(s.warehouseId));
                QVERIFY(s.reason.isEmpty());
            } else {
                QCOMPARE(s.reason, holders.isEmpty() ? QStringLiteral("out_of_stock")
                                                     : QStringLiteral("unreachable"));
            }
            if (pincode == QLatin1String("682555")) // Lakshadweep: no courier goes there
                QVERIFY(!s.deliverable);
        }
    }
    QVERIFY(deliverable > 50);
}

void TestWarehouseApi::badServiceability_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addRow("nothing") << "" << 422;
    QTest::addRow("no pincode") << "item=1" << 422;
    QTest::addRow("no item") << "pincode=110001" << 422;
    QTest::addRow("item not a number") << "item=abc&pincode=110001" << 422;
    QTest::addRow("negative item") << "item=-1&pincode=110001" << 422;
    QTest::addRow("five digits") << "item=1&pincode=11000" << 422;
    QTest::addRow("leading zero") << "item=1&pincode=011000" << 422;
    QTest::addRow("not in the directory") << "item=1&pincode=999999" << 422;
    QTest::addRow("sql-looking pincode") << "item=1&pincode=110001'%20OR%20'1'='1" << 422;
    QTest::addRow("huge pincode") << QStringLiteral("item=1&pincode=") + QString(5000, u'1') << 422;
    QTest::addRow("no such item") << "item=99999999&pincode=110001" << 404;
}

void TestWarehouseApi::badServiceability()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    const ApiResponse r = api.get(paths::serviceability(), QUrlQuery(query));
    QCOMPARE(r.status, status);
    QVERIFY(isProblem(r));
}

// An inactive item is as unknown to serviceability as to GET /items/{id}, whichever path answers:
// the first ask after the write goes to the handler pool (the write evicted the item), the later
// ones answer from memory on the I/O thread.
void TestWarehouseApi::hiddenItemsHaveNoServiceability_data()
{
    QTest::addColumn<QString>("caller"); // empty: anonymous
    QTest::addColumn<int>("itemIndex");
    QTest::addColumn<int>("status");
    QTest::addRow("anonymous") << QString() << 30 << 404;
    QTest::addRow("customer") << DemoAccounts::Customer << 31 << 404;
    QTest::addRow("admin") << DemoAccounts::Admin << 32 << 200;
}

void TestWarehouseApi::hiddenItemsHaveNoServiceability()
{
    QFETCH(QString, caller);
    QFETCH(int, itemIndex);
    QFETCH(int, status);
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    ApiCall api(server->url());
    if (!caller.isEmpty())
        api.login(caller, DemoAccounts::Password);
    const auto page
        = itemPageFromJson(admin.get(paths::items(), QUrlQuery(QStringLiteral("limit=40"))).json());
    QVERIFY(page && page->items.size() > itemIndex);
    const qint64 id = page->items.at(itemIndex).id;
    const QUrlQuery query(QStringLiteral("item=%1&pincode=560034").arg(id));
    QCOMPARE(api.get(paths::serviceability(), query).status, 200); // item and stock now cached

    const auto setStatus = [&](const char *value) {
        return admin
            .sendJson("PATCH", paths::item(id), {{QStringLiteral("status"), QLatin1String(value)}})
            .status;
    };
    QCOMPARE(setStatus("inactive"), 200);
    for (int ask = 0; ask < 3; ++ask) {
        const ApiResponse r = api.get(paths::serviceability(), query);
        QCOMPARE(r.status, status);
        if (status == 404)
            QVERIFY(isProblem(r));
        else
            QCOMPARE(r.json().value(QStringLiteral("item_id")).toInteger(), id);
    }
    QCOMPARE(setStatus("active"), 200);
    QCOMPARE(api.get(paths::serviceability(), query).status, 200);
}

void TestWarehouseApi::laneChangeChangesPromises()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    // An item whose best route to Thiruvananthapuram crosses at least one lane.
    const auto page
        = itemPageFromJson(admin.get(paths::items(), QUrlQuery(QStringLiteral("limit=50"))).json());
    const QString pincode = QStringLiteral("695001");
    Serviceability before;
    DeliveryOption option;
    for (const Item &item : page->items) {
        before = serviceability(admin, item.id, pincode);
        for (const DeliveryOption &o : before.options) {
            if (o.deliverable && o.route.size() >= 2 && o.warehouseId == before.warehouseId)
                option = o;
        }
        if (option.warehouseId)
            break;
    }
    QVERIFY(option.warehouseId);

    // Its first lane, found through the admin API, gets 300 hours slower.
    Lane lane;
    QString after;
    do {
        QUrlQuery q(QStringLiteral("limit=1000&courier=%1").arg(option.courierId));
        if (!after.isEmpty())
            q.addQueryItem(QStringLiteral("after"), after);
        const QJsonObject json = admin.get(paths::lanes(), q).json();
        const auto lanes = pageFromJson<Lane>(json, laneFromJson);
        QVERIFY(lanes);
        for (const Lane &l : lanes->items) {
            if (l.fromHubId == option.route.at(0).hubId && l.toHubId == option.route.at(1).hubId)
                lane = l;
        }
        after = lanes->next;
    } while (!after.isEmpty() && !lane.id);
    QVERIFY(lane.id);
    const auto tatNow = [&] {
        for (const DeliveryOption &o : serviceability(admin, before.itemId, pincode).options) {
            if (o.warehouseId == option.warehouseId)
                return o.promise.tatHours;
        }
        return -1;
    };
    const int original = option.promise.tatHours;
    QCOMPARE(admin
                 .sendJson("PATCH", paths::lane(lane.id),
                           {{QStringLiteral("transit_hours"), lane.transitHours + 300}})
                 .status,
             200);
    QVERIFY2(eventually([&] { return tatNow() != original; }),
             "the TAT tables did not follow the lane change");
    QVERIFY(tatNow() > original);
    // Back as it was: the old answer returns.
    QCOMPARE(admin
                 .sendJson("PATCH", paths::lane(lane.id),
                           {{QStringLiteral("transit_hours"), lane.transitHours}})
                 .status,
             200);
    QVERIFY(eventually([&] { return tatNow() == original; }));
}

void TestWarehouseApi::adminEditsTheNetwork()
{
    PINCART_SERVER(m_servers, server);
    ApiCall admin(server->url());
    admin.login(DemoAccounts::Admin, DemoAccounts::Password);
    ApiCall op(server->url());
    op.login(DemoAccounts::Operator, DemoAccounts::Password);
    const QStringList tables{QStringLiteral("warehouses"), QStringLiteral("couriers"),
                             QStringLiteral("courier_coverage"), QStringLiteral("lanes"),
                             QStringLiteral("events")};
    const QByteArray before = databaseFingerprint(server->databaseUrl(), tables);
    const auto warehouse = [](const char *code, const char *pincode, const char *cutoff) {
        return QJsonObject{{QStringLiteral("code"), QLatin1String(code)},
                           {QStringLiteral("name"), QStringLiteral("Koramangala Dark Store")},
                           {QStringLiteral("pincode"), QLatin1String(pincode)},
                           {QStringLiteral("cutoff"), QLatin1String(cutoff)},
                           {QStringLiteral("handling_hours"), 2}};
    };
    QCOMPARE(op.postJson(paths::warehouses(), warehouse("KOR-1", "560034", "12:30")).status, 403);
    QCOMPARE(admin.postJson(paths::warehouses(), warehouse("KOR-1", "999999", "12:30")).status,
             422);
    QCOMPARE(admin.postJson(paths::warehouses(), warehouse("KOR-1", "560034", "25:00")).status,
             422);
    QCOMPARE(admin.postJson(paths::warehouses(), warehouse("kor 1", "560034", "12:30")).status,
             422);
    QCOMPARE(admin.postJson(paths::warehouses(), warehouse("del-1", "560034", "12:30")).status,
             409);
    QJsonObject extra = warehouse("KOR-1", "560034", "12:30");
    extra.insert(QStringLiteral("capacity"), 5);
    QCOMPARE(admin.postJson(paths::warehouses(), extra).status, 422);
    const QJsonObject courier{
        {QStringLiteral("code"), QStringLiteral("BIKE")},
        {QStringLiteral("name"), QStringLiteral("Bike Couriers")},
        {QStringLiteral("speed_kmph"), 20},
        {QStringLiteral("coverage"),
         QJsonArray{QJsonObject{{QStringLiteral("state"), QStringLiteral("Karnataka")},
                                {QStringLiteral("service_level"), QStringLiteral("instant")}}}}};
    QCOMPARE(admin.postJson(paths::couriers(), courier).status, 422);
    QJsonObject duplicate = courier;
    duplicate.insert(QStringLiteral("code"), QStringLiteral("swift"));
    duplicate.remove(QStringLiteral("coverage"));
    QCOMPARE(admin.postJson(paths::couriers(), duplicate).status, 409);
    QCOMPARE(
        admin.sendJson("PATCH", paths::courier(99999), {{QStringLiteral("speed_kmph"), 30}}).status,
        404);
    QCOMPARE(admin
                 .postJson(paths::lanes(), {{QStringLiteral("courier_id"), 1},
                                            {QStringLiteral("from_hub_id"), 1},
                                            {QStringLiteral("to_hub_id"), 1},
                                            {QStringLiteral("transit_hours"), 5}})
                 .status,
             422);
    QCOMPARE(admin
                 .postJson(paths::lanes(), {{QStringLiteral("courier_id"), 1},
                                            {QStringLiteral("from_hub_id"), 1},
                                            {QStringLiteral("to_hub_id"), 999999},
                                            {QStringLiteral("transit_hours"), 5}})
                 .status,
             422);
    QCOMPARE(admin
                 .postJson(paths::lanes(), {{QStringLiteral("courier_id"), 1},
                                            {QStringLiteral("from_hub_id"), 1},
                                            {QStringLiteral("to_hub_id"), 2},
                                            {QStringLiteral("transit_hours"), 0}})
                 .status,
             422);
    QCOMPARE(admin.send("DELETE", paths::lane(99999999)).status, 404);
    QCOMPARE(databaseFingerprint(server->databaseUrl(), tables), before);

    // A new dark store in Bengaluru: created with its bins, stocked, and serving at once.
    const ApiResponse created
        = admin.postJson(paths::warehouses(), warehouse("KOR-1", "560034", "12:30"));
    QCOMPARE(created.status, 201);
    const auto kor = warehouseFromJson(created.json());
    QVERIFY(kor);
    QCOMPARE(kor->district, QStringLiteral("Bangalore"));
    QCOMPARE(kor->cutoffMinutes, 12 * 60 + 30);
    const Item item = someItem(admin, 7);
    QCOMPARE(admin
                 .postJson(paths::warehouseReceipts(kor->id),
                           toJson(QList<ReceiptLine>{{item.sku, 0, 4, QStringLiteral("D-10"), 0}}))
                 .status,
             201);
    QVERIFY2(eventually([&] {
                 const Serviceability s = serviceability(admin, item.id, QStringLiteral("560034"));
                 return std::any_of(s.options.cbegin(), s.options.cend(),
                                    [&](const DeliveryOption &o) {
                                        return o.warehouseId == kor->id && o.deliverable;
                                    });
             }),
             "the new warehouse never appeared in the answers");
    // Deactivated: it no longer ships.
    QCOMPARE(admin.sendJson("PATCH", paths::warehouse(kor->id), {{QStringLiteral("active"), false}})
                 .status,
             200);
    QVERIFY(eventually([&] {
        const Serviceability s = serviceability(admin, item.id, QStringLiteral("560034"));
        return std::none_of(s.options.cbegin(), s.options.cend(),
                            [&](const DeliveryOption &o) { return o.warehouseId == kor->id; });
    }));
}

QTEST_MAIN(TestWarehouseApi)
#include "tst_api_warehouse.moc"

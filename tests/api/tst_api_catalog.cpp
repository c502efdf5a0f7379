// Catalogue over real HTTP, on SQLite and MariaDB: categories, item reads (cached), keyset
// pagination, supplier and admin writes with their events, ownership.

#include "apitest.h"

#include "apipaths.h"
#include "codecs.h"

#include <QJsonArray>
#include <QSet>

using namespace pincart;
using namespace pincart::test;

class TestCatalogApi : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers;

    static QJsonObject tvBody(const QString &sku)
    {
        return QJsonDocument::fromJson(QStringLiteral(R"({
            "sku": "%1", "title": "Test 55 inch OLED TV", "description": "A test television.",
            "brand": "Testbrand", "category_id": 101, "price": {"amount": 4999900, "currency": "INR"},
            "attributes": {"screen_size": 55, "panel": "OLED", "resolution": "4K", "refresh_rate": 120, "smart": true}
        })").arg(sku).toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanupTestCase() { m_servers.stopAll(); }

    void categoriesCarryTheirSchemas()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        const ApiResponse r = api.get(paths::categories());
        QCOMPARE(r.status, 200);
        const auto categories = categoriesFromJson(r.json().value(QStringLiteral("items")).toArray());
        QVERIFY2(categories.ok(), qPrintable(categories.ok() ? QString() : categories.error().toString()));
        QSet<qint64> parents;
        for (const Category &c : *categories) {
            if (c.parentId)
                parents.insert(*c.parentId);
        }
        int leaves = 0;
        const Category *tv = nullptr;
        for (const Category &c : *categories) {
            leaves += parents.contains(c.id) ? 0 : 1;
            if (c.slug == QLatin1String("televisions"))
                tv = &c;
        }
        QVERIFY2(leaves >= 12, qPrintable(QString::number(leaves)));
        QVERIFY(tv);
        const AttributeSpec *panel = tv->attribute(u"panel");
        QVERIFY(panel);
        QCOMPARE(panel->type, AttributeSpec::Type::Enum);
        QVERIFY(panel->values.contains(QStringLiteral("OLED")));
        QVERIFY(tv->attribute(u"screen_size"));
        QCOMPARE(tv->attribute(u"screen_size")->unit, QStringLiteral("in"));
    }

    void paginationVisitsEveryItemOnce()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        QSet<qint64> seen;
        QString after;
        int pages = 0;
        do {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("7"));
            if (!after.isEmpty())
                q.addQueryItem(QStringLiteral("after"), after);
            const ApiResponse r = api.get(paths::items(), q);
            QCOMPARE(r.status, 200);
            const auto page = itemPageFromJson(r.json());
            QVERIFY(page.ok());
            QVERIFY(page->items.size() <= 7);
            for (const Item &i : page->items) {
                QVERIFY2(!seen.contains(i.id), "an item came twice");
                seen.insert(i.id);
            }
            after = page->next;
            QVERIFY(++pages < 1000);
        } while (!after.isEmpty());
        QCOMPARE(qint64(seen.size()), rowCount(server->databaseUrl(), QStringLiteral("items")));
    }

    void categoryFilterIncludesSubcategories()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("category"), QStringLiteral("1")); // Electronics, a root
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
        const ApiResponse r = api.get(paths::items(), q);
        QCOMPARE(r.status, 200);
        const auto page = itemPageFromJson(r.json());
        QVERIFY(page.ok());
        QVERIFY(!page->items.isEmpty());
        for (const Item &i : page->items)
            QVERIFY2(i.categoryId >= 100 && i.categoryId < 200, qPrintable(QString::number(i.categoryId)));
    }

    void supplierCreatesReadsUpdatesAndDeletes()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        QVERIFY(!api.login(DemoAccounts::Supplier, DemoAccounts::Password).isEmpty());
        const qint64 eventsBefore = rowCount(server->databaseUrl(), QStringLiteral("events"));

        ApiResponse r = api.postJson(paths::items(), tvBody(QStringLiteral("TEST-CRUD-1")));
        QCOMPARE(r.status, 201);
        auto created = itemFromJson(r.json());
        QVERIFY(created.ok());
        QCOMPARE(r.header("Location"), paths::item(created->id).toUtf8());
        QCOMPARE(created->version, 1);
        QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("events")), eventsBefore + 1);

        // Read it (fills the cache), change the price, read again: the change shows at once.
        r = api.get(paths::item(created->id));
        QCOMPARE(r.status, 200);
        QCOMPARE(itemFromJson(r.json())->price.amount, 4999900);
        r = api.sendJson("PATCH", paths::item(created->id),
                         {{QStringLiteral("price"), QJsonObject{{QStringLiteral("amount"), 4599900}, {QStringLiteral("currency"), QStringLiteral("INR")}}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(itemFromJson(r.json())->version, 2);
        r = api.get(paths::item(created->id));
        QCOMPARE(itemFromJson(r.json())->price.amount, 4599900);

        // The same SKU again is a conflict, not a duplicate.
        r = api.postJson(paths::items(), tvBody(QStringLiteral("TEST-CRUD-1")));
        QCOMPARE(r.status, 409);

        r = api.send("DELETE", paths::item(created->id));
        QCOMPARE(r.status, 204);
        QCOMPARE(api.get(paths::item(created->id)).status, 404);
        QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("events")), eventsBefore + 3);
    }

    void anotherSuppliersItemIsOffLimits_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addRow("PATCH") << QByteArray("PATCH");
        QTest::addRow("PUT") << QByteArray("PUT");
        QTest::addRow("DELETE") << QByteArray("DELETE");
    }
    void anotherSuppliersItemIsOffLimits()
    {
        QFETCH(QByteArray, method);
        PINCART_SERVER(m_servers, server);
        ApiCall owner(server->url());
        owner.login(DemoAccounts::Supplier2, DemoAccounts::Password);
        const ApiResponse created = owner.postJson(paths::items(), tvBody(QStringLiteral("OWNED-") + QString::fromLatin1(method)));
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value(QStringLiteral("id")).toInteger();

        ApiCall other(server->url());
        other.login(DemoAccounts::Supplier, DemoAccounts::Password);
        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const ApiResponse r = method == "DELETE" ? other.send(method, paths::item(id))
                                                 : other.sendJson(method, paths::item(id), tvBody(QStringLiteral("STOLEN")));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    void adminCreatesOnBehalfOfASupplier()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall supplier(server->url());
        supplier.login(DemoAccounts::Supplier, DemoAccounts::Password);
        const qint64 supplierId = supplier.get(paths::me()).json().value(QStringLiteral("id")).toInteger();

        ApiCall admin(server->url());
        admin.login(DemoAccounts::Admin, DemoAccounts::Password);
        QJsonObject body = tvBody(QStringLiteral("ADMIN-MADE"));
        body.insert(QStringLiteral("supplier_id"), supplierId);
        const ApiResponse r = admin.postJson(paths::items(), body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("supplier_id")).toInteger(), supplierId);
        // ...and the supplier can now change it, as its owner.
        const qint64 id = r.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(supplier.sendJson("PATCH", paths::item(id), {{QStringLiteral("title"), QStringLiteral("Renamed by owner")}}).status, 200);
    }

    void inactiveItemsAreHiddenFromShoppers()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall supplier(server->url());
        supplier.login(DemoAccounts::Supplier, DemoAccounts::Password);
        QJsonObject body = tvBody(QStringLiteral("HIDDEN-1"));
        body.insert(QStringLiteral("status"), QStringLiteral("inactive"));
        const ApiResponse created = supplier.postJson(paths::items(), body);
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(supplier.get(paths::item(id)).status, 200);
        ApiCall anonymous(server->url());
        QCOMPARE(anonymous.get(paths::item(id)).status, 404);
        ApiCall customer(server->url());
        customer.login(DemoAccounts::Customer, DemoAccounts::Password);
        QCOMPARE(customer.get(paths::item(id)).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestCatalogApi)
#include "tst_api_catalog.moc"

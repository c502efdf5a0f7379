// Bad input to the catalogue, over real HTTP on SQLite and MariaDB: every row must answer the
// right 4xx as application/problem+json, and the database must be exactly as it was.

#include "apitest.h"

#include "apipaths.h"

using namespace pincart;
using namespace pincart::test;

namespace {

const QByteArray ValidTv = R"({"sku": "BAD-INPUT-1", "title": "Test 55 inch OLED TV",
    "description": "A test television.", "brand": "Testbrand", "category_id": 101,
    "price": {"amount": 4999900, "currency": "INR"},
    "attributes": {"screen_size": 55, "panel": "OLED", "resolution": "4K", "refresh_rate": 120, "smart": true}})";

// ValidTv with one top-level key replaced (or removed when `value` is empty).
QByteArray tvWith(const QString &key, const QByteArray &value)
{
    QJsonObject o = QJsonDocument::fromJson(ValidTv).object();
    if (value.isEmpty())
        o.remove(key);
    else
        o.insert(key, QJsonDocument::fromJson("{\"v\":" + value + "}").object().value(QStringLiteral("v")));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A JSON string of `length` x's (kept out of the class body: moc misreads a '"' char literal).
QByteArray jsonString(qsizetype length)
{
    return QByteArray("\"") + QByteArray(length, 'x') + QByteArray("\"");
}

QByteArray tvWithAttribute(const QString &name, const QByteArray &value)
{
    QJsonObject o = QJsonDocument::fromJson(ValidTv).object();
    QJsonObject a = o.value(QStringLiteral("attributes")).toObject();
    if (value.isEmpty())
        a.remove(name);
    else
        a.insert(name, QJsonDocument::fromJson("{\"v\":" + value + "}").object().value(QStringLiteral("v")));
    o.insert(QStringLiteral("attributes"), a);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers;

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanupTestCase() { m_servers.stopAll(); }

    void rejectedAndNothingChanged_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("target"); // "items", "own", "other", "missing" or a raw path
        QTest::addColumn<QString>("who");    // "", "customer", "supplier", "admin"
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");

        const QByteArray json = "application/json";
        auto post = [&](const char *name, const QByteArray &body, int status) {
            QTest::addRow("%s", name) << QByteArray("POST") << QStringLiteral("items") << QStringLiteral("supplier") << body << json << status;
        };
        post("malformed json", QByteArray("{\"sku\": "), 400); // (no raw string: moc counts its brace)
        post("body is an array", "[1, 2, 3]", 400);
        post("body is empty", "", 400);
        post("price as a string", tvWith(QStringLiteral("price"), R"("49999")"), 422);
        post("category as a string", tvWith(QStringLiteral("category_id"), R"("101")"), 422);
        post("title as a number", tvWith(QStringLiteral("title"), "42"), 422);
        post("unknown field", tvWith(QStringLiteral("colour_of_box"), R"("red")"), 422);
        post("id supplied by the client", tvWith(QStringLiteral("id"), "5"), 422);
        post("negative price", tvWith(QStringLiteral("price"), R"({"amount": -100, "currency": "INR"})"), 422);
        post("zero price", tvWith(QStringLiteral("price"), R"({"amount": 0, "currency": "INR"})"), 422);
        post("fractional paise", tvWith(QStringLiteral("price"), R"({"amount": 10.5, "currency": "INR"})"), 422);
        post("absurd price", tvWith(QStringLiteral("price"), R"({"amount": 1e15, "currency": "INR"})"), 422);
        post("foreign currency", tvWith(QStringLiteral("price"), R"({"amount": 100, "currency": "USD"})"), 422);
        post("missing title", tvWith(QStringLiteral("title"), {}), 422);
        post("blank title", tvWith(QStringLiteral("title"), R"("   ")"), 422);
        post("control characters in title", tvWith(QStringLiteral("title"), R"("TV\u0007\u0000 beep")"), 422);
        post("huge title", tvWith(QStringLiteral("title"), jsonString(5000)), 422);
        post("sku with spaces", tvWith(QStringLiteral("sku"), R"("TV 1")"), 422);
        post("sql in sku", tvWith(QStringLiteral("sku"), "\"x'; DROP TABLE items;--\""), 422);
        post("leaf category required", tvWith(QStringLiteral("category_id"), "1"), 422);
        post("unknown category", tvWith(QStringLiteral("category_id"), "999999"), 422);
        post("negative category", tvWith(QStringLiteral("category_id"), "-3"), 422);
        post("required attribute missing", tvWithAttribute(QStringLiteral("panel"), {}), 422);
        post("enum value not allowed", tvWithAttribute(QStringLiteral("panel"), R"("CRT")"), 422);
        post("number out of range", tvWithAttribute(QStringLiteral("screen_size"), "500"), 422);
        post("number as text", tvWithAttribute(QStringLiteral("screen_size"), R"("55")"), 422);
        post("unknown attribute", tvWithAttribute(QStringLiteral("colour_of_remote"), R"("black")"), 422);
        post("attributes not an object", tvWith(QStringLiteral("attributes"), "[]"), 422);
        post("supplier_id of someone else", tvWith(QStringLiteral("supplier_id"), "1"), 403);

        QTest::addRow("wrong content type") << QByteArray("POST") << QStringLiteral("items") << QStringLiteral("supplier") << ValidTv << QByteArray("text/plain") << 400;
        QTest::addRow("no token") << QByteArray("POST") << QStringLiteral("items") << QString() << ValidTv << json << 401;
        QTest::addRow("customer creates") << QByteArray("POST") << QStringLiteral("items") << QStringLiteral("customer") << ValidTv << json << 403;
        QTest::addRow("body over 1 MB") << QByteArray("POST") << QStringLiteral("items") << QStringLiteral("supplier")
                                        << tvWith(QStringLiteral("description"), jsonString(1100 * 1024)) << json << 413;
        QTest::addRow("patch another's item") << QByteArray("PATCH") << QStringLiteral("other") << QStringLiteral("supplier") << QByteArray(R"({"title": "Mine now"})") << json << 403;
        QTest::addRow("patch missing item") << QByteArray("PATCH") << QStringLiteral("missing") << QStringLiteral("supplier") << QByteArray(R"({"title": "Ghost"})") << json << 404;
        QTest::addRow("patch own with bad enum") << QByteArray("PATCH") << QStringLiteral("own") << QStringLiteral("supplier") << QByteArray(R"({"attributes": {"panel": "Plasma"}})") << json << 422;
        QTest::addRow("patch own price negative") << QByteArray("PATCH") << QStringLiteral("own") << QStringLiteral("supplier") << QByteArray(R"({"price": {"amount": -1, "currency": "INR"}})") << json << 422;
        QTest::addRow("put own without fields") << QByteArray("PUT") << QStringLiteral("own") << QStringLiteral("supplier") << QByteArray(R"({"title": "Only a title"})") << json << 422;
        QTest::addRow("customer deletes") << QByteArray("DELETE") << QStringLiteral("own") << QStringLiteral("customer") << QByteArray() << json << 403;
        QTest::addRow("anonymous deletes") << QByteArray("DELETE") << QStringLiteral("own") << QString() << QByteArray() << json << 401;
        QTest::addRow("delete another's item") << QByteArray("DELETE") << QStringLiteral("other") << QStringLiteral("supplier") << QByteArray() << json << 403;
        QTest::addRow("delete the collection") << QByteArray("DELETE") << QStringLiteral("/api/v1/items") << QStringLiteral("admin") << QByteArray() << json << 405;

        auto get = [&](const char *name, const char *path, int status) {
            QTest::addRow("%s", name) << QByteArray("GET") << QString::fromLatin1(path) << QString() << QByteArray() << json << status;
        };
        get("limit zero", "/api/v1/items?limit=0", 422);
        get("limit ten thousand", "/api/v1/items?limit=10000", 422);
        get("limit not a number", "/api/v1/items?limit=ten", 422);
        get("garbage cursor", "/api/v1/items?after=%27%3B--", 422);
        get("cursor of another kind", "/api/v1/items?after=aGVsbG8", 422);
        get("category not a number", "/api/v1/items?category=tv", 422);
        get("unknown category", "/api/v1/items?category=999999", 422);
        get("item id not a number", "/api/v1/items/abc", 404);
        get("item id zero", "/api/v1/items/0", 404);
        get("item id huge", "/api/v1/items/99999999999999999999999", 404);
        get("unknown route", "/api/v1/nothing-here", 404);
    }

    void rejectedAndNothingChanged()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, target);
        QFETCH(QString, who);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        PINCART_SERVER(m_servers, server);

        // An item of the demo supplier ("own") and one of the second supplier ("other").
        ApiCall owner(server->url());
        owner.login(DemoAccounts::Supplier, DemoAccounts::Password);
        const ApiResponse mine = owner.get(paths::items(), QUrlQuery(QStringLiteral("limit=1&supplier=")
                                                                     + QString::number(owner.get(paths::me()).json().value(QStringLiteral("id")).toInteger())));
        ApiCall second(server->url());
        second.login(DemoAccounts::Supplier2, DemoAccounts::Password);
        const ApiResponse theirs = second.get(paths::items(), QUrlQuery(QStringLiteral("limit=1&supplier=")
                                                                        + QString::number(second.get(paths::me()).json().value(QStringLiteral("id")).toInteger())));
        const auto firstId = [](const ApiResponse &r) {
            return r.json().value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("id")).toInteger();
        };
        QString path = target;
        if (target == QLatin1String("items"))
            path = paths::items();
        else if (target == QLatin1String("own"))
            path = paths::item(firstId(mine));
        else if (target == QLatin1String("other"))
            path = paths::item(firstId(theirs));
        else if (target == QLatin1String("missing"))
            path = paths::item(987654321);
        if (target == QLatin1String("own") || target == QLatin1String("other"))
            QVERIFY2(!path.endsWith(QLatin1String("/0")), "the seed gave this supplier no item");

        ApiCall api(server->url());
        if (who == QLatin1String("customer"))
            QVERIFY(!api.login(DemoAccounts::Customer, DemoAccounts::Password).isEmpty());
        else if (who == QLatin1String("supplier"))
            QVERIFY(!api.login(DemoAccounts::Supplier, DemoAccounts::Password).isEmpty());
        else if (who == QLatin1String("admin"))
            QVERIFY(!api.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());

        const QByteArray before = databaseFingerprint(server->databaseUrl());
        const QString query = path.section(QLatin1Char('?'), 1);
        const ApiResponse r = api.send(method, path.section(QLatin1Char('?'), 0, 0), body, contentType, {},
                                       QUrlQuery(query));
        QVERIFY2(r.status == status, qPrintable(QStringLiteral("got %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject problem = r.json();
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), status);
        QVERIFY(!problem.value(QStringLiteral("detail")).toString().isEmpty());
        if (status == 422)
            QVERIFY2(!problem.value(QStringLiteral("errors")).toArray().isEmpty(), "a 422 names its fields");
        QVERIFY2(!r.body.contains("SQL") && !r.body.contains("QSQLITE") && !r.body.contains("/work/"),
                 "no storage details leak");
        QCOMPARE(databaseFingerprint(server->databaseUrl()), before);
    }

    // SQL-looking text is just text: stored and returned literally, harming nothing.
    void sqlLookingTextIsStoredLiterally()
    {
        PINCART_SERVER(m_servers, server);
        ApiCall api(server->url());
        api.login(DemoAccounts::Supplier, DemoAccounts::Password);
        const QString title = QStringLiteral("Robert'); DROP TABLE items;-- \"TV\"");
        QJsonObject body = QJsonDocument::fromJson(ValidTv).object();
        body.insert(QStringLiteral("sku"), QStringLiteral("SQL-LITERAL-1"));
        body.insert(QStringLiteral("title"), title);
        const qint64 before = rowCount(server->databaseUrl(), QStringLiteral("items"));
        const ApiResponse r = api.postJson(paths::items(), body);
        QCOMPARE(r.status, 201);
        QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("items")), before + 1);
        const ApiResponse read = api.get(paths::item(r.json().value(QStringLiteral("id")).toInteger()));
        QCOMPARE(read.json().value(QStringLiteral("title")).toString(), title);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_api_badinput.moc"

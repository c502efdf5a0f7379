// JSON codecs: what the server writes, the client reads back unchanged; strict decoders name the
// field that is wrong.

#include "codecs.h"
#include "jsonreader.h"
#include "logisticscodecs.h"
#include "ordercodecs.h"

#include <QJsonDocument>
#include <QTest>

using namespace pincart;

class TestCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The serviceability answer is written by JsonWriter, not QJsonObject: it must still be JSON
    // that reads back to the same answer, whatever the names hold.
    void serviceabilityRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("deliverable");
        QTest::addRow("plain") << QStringLiteral("Chennai hub") << true;
        QTest::addRow("quotes and backslashes") << QStringLiteral("A \"quoted\" \\ hub") << true;
        QTest::addRow("control characters") << QStringLiteral("tab\there\nnew\x01line") << true;
        QTest::addRow("devanagari") << QString::fromUtf8("दिल्ली हब") << true;
        QTest::addRow("not deliverable") << QStringLiteral("Kavaratti") << false;
    }
    void serviceabilityRoundTrip()
    {
        QFETCH(QString, name);
        QFETCH(bool, deliverable);
        Serviceability a;
        a.itemId = 42;
        a.pincode = QStringLiteral("560034");
        a.deliverable = deliverable;
        a.reason = deliverable ? QString() : QStringLiteral("unreachable");
        a.warehouseId = deliverable ? 4 : 0;
        a.courierId = deliverable ? 3 : 0;
        a.promise = {13, 2, QDate(2026, 11, 27)};
        DeliveryOption o;
        o.warehouseId = 4;
        o.warehouseName = name;
        o.available = 62;
        o.deliverable = deliverable;
        o.courierId = a.courierId;
        o.courierName = name;
        o.promise = a.promise;
        if (deliverable)
            o.route = {{370, name}, {340, QStringLiteral("Bangalore hub")}};
        a.options = {o, o};

        const QByteArray bytes = serviceabilityJson(a);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, bytes.constData());
        const auto back = serviceabilityFromJson(doc.object());
        QVERIFY(back);
        QCOMPARE(back->deliverable, deliverable);
        QCOMPARE(back->reason, a.reason);
        QCOMPARE(back->warehouseId, a.warehouseId);
        QCOMPARE(back->courierId, a.courierId);
        QCOMPARE(back->options.size(), 2);
        QCOMPARE(back->options.at(1).warehouseName, name);
        QCOMPARE(back->options.at(1).available, 62);
        QCOMPARE(back->options.at(1).route.size(), a.options.at(1).route.size());
        if (deliverable) {
            QCOMPARE(back->promise.promiseDate, a.promise.promiseDate);
            QCOMPARE(back->promise.etaDays, 2);
            QCOMPARE(back->options.at(0).route.at(0).name, name);
            QCOMPARE(back->options.at(0).route.at(0).hubId, 370);
        } else {
            QVERIFY(doc.object().value(QStringLiteral("promise_date")).isNull());
            QVERIFY(doc.object().value(QStringLiteral("courier_id")).isNull());
        }
    }

    // Carts and orders are written by JsonWriter too (every cart change and checkout answers
    // one): whatever the texts hold, the bytes must be JSON that reads back to the same value,
    // with the wire's nulls where the domain says "none".
    void cartAndOrderRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pincode");
        QTest::addRow("plain") << QStringLiteral("Steel bottle, 1 l") << QStringLiteral("560034");
        QTest::addRow("quotes and backslashes")
            << QStringLiteral("A \"quoted\" \\ title") << QStringLiteral("110001");
        QTest::addRow("control characters")
            << QStringLiteral("tab\there\nnew\x01line") << QStringLiteral("400001");
        QTest::addRow("devanagari")
            << QString::fromUtf8("स्टील की बोतल") << QStringLiteral("600001");
        QTest::addRow("no pincode") << QStringLiteral("Kettle") << QString();
    }
    void cartAndOrderRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QString, pincode);
        const Money rupees{12999, QStringLiteral("INR")};
        Cart cart;
        cart.pincode = pincode;
        CartLine promised{7,
                          text,
                          2,
                          rupees,
                          {11999, QStringLiteral("INR")},
                          {25998, QStringLiteral("INR")},
                          true,
                          true,
                          DeliveryPromise{0, 3, QDate(2026, 12, 9)}};
        CartLine unsold{8, text, 1, rupees, rupees, rupees, false, false, std::nullopt};
        cart.lines = {promised, unsold};
        cart.total = {38997, QStringLiteral("INR")};

        QJsonParseError error;
        const QJsonDocument cartDoc = QJsonDocument::fromJson(jsonBytes(cart), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, jsonBytes(cart).constData());
        const auto cartBack = cartFromJson(cartDoc.object());
        QVERIFY(cartBack);
        QCOMPARE(cartBack->pincode, pincode);
        QCOMPARE(cartDoc.object().value(QStringLiteral("pincode")).isNull(), pincode.isEmpty());
        QCOMPARE(cartBack->total, cart.total);
        QCOMPARE(cartBack->lines.size(), 2);
        const CartLine &first = cartBack->lines.at(0);
        QCOMPARE(first.title, text);
        QCOMPARE(first.quantity, 2);
        QCOMPARE(first.unitPrice, promised.unitPrice);
        QCOMPARE(first.addedPrice, promised.addedPrice);
        QCOMPARE(first.lineTotal, promised.lineTotal);
        QVERIFY(first.deliverable);
        QVERIFY(first.promise);
        QCOMPARE(first.promise->etaDays, 3);
        QCOMPARE(first.promise->promiseDate, QDate(2026, 12, 9));
        const QJsonArray lines = cartDoc.object().value(QStringLiteral("lines")).toArray();
        QVERIFY(lines.at(0).toObject().value(QStringLiteral("price_changed")).toBool());
        QVERIFY(!lines.at(1).toObject().value(QStringLiteral("price_changed")).toBool());
        QVERIFY(lines.at(1).toObject().value(QStringLiteral("delivery")).isNull());
        QVERIFY(!cartBack->lines.at(1).available);
        QVERIFY(!cartBack->lines.at(1).promise);

        Order order;
        order.id = 501;
        order.userId = 77;
        order.status = OrderStatus::Shipped;
        order.pincode = pincode;
        order.address = text;
        order.payment = PaymentMethod::Prepaid;
        order.paymentStatus = PaymentStatus::Paid;
        order.lines
            = {{7, QStringLiteral("SKU-7"), text, 2, rupees, {25998, QStringLiteral("INR")}}};
        order.total = {25998, QStringLiteral("INR")};
        Shipment shipped;
        shipped.id = 9;
        shipped.orderId = 501;
        shipped.warehouseId = 4;
        shipped.courierId = 3;
        shipped.pincode = pincode;
        shipped.status = ShipmentStatus::Shipped;
        shipped.promiseDate = QDate(2026, 12, 9);
        shipped.lines = {{7, QStringLiteral("SKU-7"), text, 2}};
        shipped.createdAt = QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);
        shipped.updatedAt = shipped.createdAt.addSecs(3600);
        Shipment detached = shipped; // no order: its order_id is null on the wire
        detached.id = 10;
        detached.orderId = 0;
        order.shipments = {shipped, detached};
        order.createdAt = shipped.createdAt;
        order.updatedAt = shipped.updatedAt;

        const QJsonDocument orderDoc = QJsonDocument::fromJson(jsonBytes(order), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, jsonBytes(order).constData());
        const auto orderBack = orderFromJson(orderDoc.object());
        QVERIFY(orderBack);
        QCOMPARE(orderBack->id, order.id);
        QCOMPARE(orderBack->userId, order.userId);
        QCOMPARE(orderBack->status, OrderStatus::Shipped);
        QCOMPARE(orderBack->pincode, pincode);
        QCOMPARE(orderBack->address, text);
        QCOMPARE(orderBack->payment, PaymentMethod::Prepaid);
        QCOMPARE(orderBack->paymentStatus, PaymentStatus::Paid);
        QCOMPARE(orderBack->total, order.total);
        QCOMPARE(orderBack->lines.size(), 1);
        QCOMPARE(orderBack->lines.at(0).title, text);
        QCOMPARE(orderBack->lines.at(0).sku, QStringLiteral("SKU-7"));
        QCOMPARE(orderBack->lines.at(0).lineTotal, order.lines.at(0).lineTotal);
        QCOMPARE(orderBack->createdAt, order.createdAt);
        QCOMPARE(orderBack->shipments.size(), 2);
        const Shipment &s = orderBack->shipments.at(0);
        QCOMPARE(s.orderId, shipped.orderId);
        QCOMPARE(s.warehouseId, shipped.warehouseId);
        QCOMPARE(s.courierId, shipped.courierId);
        QCOMPARE(s.status, ShipmentStatus::Shipped);
        QCOMPARE(s.promiseDate, QDate(2026, 12, 9));
        QCOMPARE(s.lines.size(), 1);
        QCOMPARE(s.lines.at(0).title, text);
        QCOMPARE(s.lines.at(0).quantity, 2);
        QCOMPARE(s.updatedAt, shipped.updatedAt);
        const QJsonArray shipments = orderDoc.object().value(QStringLiteral("shipments")).toArray();
        QVERIFY(shipments.at(1).toObject().value(QStringLiteral("order_id")).isNull());
        QCOMPARE(orderBack->shipments.at(1).orderId, detached.orderId);
    }

    // Promise dates are formatted by hand (not QDate::toString) on the serviceability hot path.
    void promiseDateIsIso_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("text");
        QTest::addRow("padded month and day") << QDate(2026, 1, 5) << QStringLiteral("2026-01-05");
        QTest::addRow("end of year") << QDate(2026, 12, 31) << QStringLiteral("2026-12-31");
        QTest::addRow("leap day") << QDate(2028, 2, 29) << QStringLiteral("2028-02-29");
        QTest::addRow("three-digit year") << QDate(999, 3, 4) << QStringLiteral("0999-03-04");
        QTest::addRow("year one") << QDate(1, 1, 1) << QStringLiteral("0001-01-01");
        QTest::addRow("last four-digit year")
            << QDate(9999, 12, 31) << QStringLiteral("9999-12-31");
    }
    void promiseDateIsIso()
    {
        QFETCH(QDate, date);
        QFETCH(QString, text);
        Serviceability a;
        a.itemId = 1;
        a.pincode = QStringLiteral("110001");
        a.deliverable = true;
        a.warehouseId = 1;
        a.courierId = 1;
        a.promise = {10, 1, date};
        const QJsonObject o = QJsonDocument::fromJson(serviceabilityJson(a)).object();
        QCOMPARE(o.value(QStringLiteral("promise_date")).toString(), text);
    }

    void itemRoundTrip()
    {
        Item item;
        item.id = 42;
        item.supplierId = 7;
        item.sku = QStringLiteral("TV-SAM-000042");
        item.title = QString::fromUtf8("Samsung 138 cm (55 inch) Crystal 4K — टीवी");
        item.description = QStringLiteral("Line one.\nLine two.");
        item.brand = QStringLiteral("Samsung");
        item.categoryId = 101;
        item.price = {4999900, QStringLiteral("INR")};
        item.attributes = {{QStringLiteral("screen_size"), 55},
                           {QStringLiteral("panel"), QStringLiteral("QLED")},
                           {QStringLiteral("smart"), true}};
        item.status = Item::Status::Inactive;
        item.version = 3;
        item.createdAt = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        item.updatedAt = QDateTime(QDate(2026, 11, 25), QTime(11, 30), Qt::UTC);

        const QByteArray wire = QJsonDocument(toJson(item)).toJson(QJsonDocument::Compact);
        const auto back = itemFromJson(QJsonDocument::fromJson(wire).object());
        QVERIFY(back.ok());
        QCOMPARE(back->id, item.id);
        QCOMPARE(back->sku, item.sku);
        QCOMPARE(back->title, item.title);
        QCOMPARE(back->description, item.description);
        QCOMPARE(back->price, item.price);
        QCOMPARE(back->attributes, item.attributes);
        QCOMPARE(back->status, item.status);
        QCOMPARE(back->version, item.version);
        QCOMPARE(back->createdAt, item.createdAt);
        QVERIFY(wire.contains("\"created_at\":\"2026-11-25T10:00:00Z\""));
    }

    void categoryRoundTrip()
    {
        Category c;
        c.id = 101;
        c.parentId = 1;
        c.name = QStringLiteral("Televisions");
        c.slug = QStringLiteral("televisions");
        AttributeSpec size{QStringLiteral("screen_size"), QStringLiteral("Screen size"),
                           AttributeSpec::Type::Number};
        size.unit = QStringLiteral("in");
        size.min = 24;
        size.max = 100;
        size.integer = true;
        size.required = true;
        size.facet = true;
        AttributeSpec panel{QStringLiteral("panel"), QStringLiteral("Panel"),
                            AttributeSpec::Type::Enum};
        panel.values = {QStringLiteral("LED"), QStringLiteral("OLED")};
        c.attributes = {size, panel};
        const auto back = categoryFromJson(toJson(c));
        QVERIFY(back.ok());
        QCOMPARE(back->parentId, c.parentId);
        QCOMPARE(back->attributes.size(), 2);
        QCOMPARE(back->attributes[0].unit, QStringLiteral("in"));
        QCOMPARE(back->attributes[0].max, std::optional<double>(100));
        QVERIFY(back->attributes[0].integer);
        QCOMPARE(back->attributes[1].values, panel.values);
        QCOMPARE(back->attributes[1].type, AttributeSpec::Type::Enum);
    }

    void userAndSession()
    {
        User u;
        u.id = 5;
        u.email = QStringLiteral("op@example.in");
        u.name = QStringLiteral("Op");
        u.roles = Roles(Role::Operator) | Role::Customer;
        u.warehouseIds = {3, 9};
        const QJsonObject session{
            {QStringLiteral("token"), QStringLiteral("abc.def")},
            {QStringLiteral("expires_at"), QStringLiteral("2026-11-25T18:00:00Z")},
            {QStringLiteral("user"), toJson(u)}};
        const auto s = sessionFromJson(session);
        QVERIFY(s.ok());
        QCOMPARE(s->token, QByteArray("abc.def"));
        QCOMPARE(s->user.roles, u.roles);
        QCOMPARE(s->user.warehouseIds, u.warehouseIds);
        QCOMPARE(s->expiresAt, QDateTime(QDate(2026, 11, 25), QTime(18, 0), Qt::UTC));
        QVERIFY(!toJson(u).contains(QStringLiteral("password")));
    }

    void itemInputRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("forCreate");
        QTest::addColumn<QString>("field");
        QTest::addRow("missing sku on create") << QByteArray(
            R"({"title":"t","description":"","brand":"b","category_id":1,"price":{"amount":1,"currency":"INR"},"attributes":{}})")
                                               << true << "sku";
        QTest::addRow("price as number") << QByteArray(R"({"price":100})") << false << "price";
        QTest::addRow("amount fractional")
            << QByteArray(R"({"price":{"amount":1.5,"currency":"INR"}})") << false
            << "price.amount";
        QTest::addRow("amount negative")
            << QByteArray(R"({"price":{"amount":-1,"currency":"INR"}})") << false << "price.amount";
        QTest::addRow("amount huge") << QByteArray(R"({"price":{"amount":1e300,"currency":"INR"}})")
                                     << false << "price.amount";
        QTest::addRow("currency other") << QByteArray(R"({"price":{"amount":1,"currency":"EUR"}})")
                                        << false << "price.currency";
        QTest::addRow("extra key in price")
            << QByteArray(R"({"price":{"amount":1,"currency":"INR","tax":5}})") << false
            << "price.tax";
        QTest::addRow("category as string")
            << QByteArray(R"({"category_id":"5"})") << false << "category_id";
        QTest::addRow("category zero")
            << QByteArray(R"({"category_id":0})") << false << "category_id";
        QTest::addRow("status unknown")
            << QByteArray(R"({"status":"deleted"})") << false << "status";
        QTest::addRow("unknown key") << QByteArray(R"({"colour":"red"})") << false << "colour";
        QTest::addRow("server-owned id") << QByteArray(R"({"id":9})") << false << "id";
        QTest::addRow("attributes as array")
            << QByteArray(R"({"attributes":[]})") << false << "attributes";
        QTest::addRow("title as number") << QByteArray(R"({"title":5})") << false << "title";
    }
    void itemInputRejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, forCreate);
        QFETCH(QString, field);
        const auto input = itemInputFromJson(QJsonDocument::fromJson(json).object(), forCreate);
        QVERIFY(!input.ok());
        QCOMPARE(input.error().kind(), DomainError::Kind::Validation);
        bool named = false;
        for (const FieldError &e : input.error().fields())
            named = named || e.field == field;
        QVERIFY2(named, qPrintable(input.error().toString()));
    }

    void parseJsonObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addRow("object") << QByteArray("{}") << true;
        QTest::addRow("empty") << QByteArray() << false;
        QTest::addRow("array") << QByteArray("[]") << false;
        QTest::addRow("truncated") << QByteArray(R"({"a":)") << false;
        QTest::addRow("trailing garbage") << QByteArray("{} x") << false;
        QTest::addRow("bare string") << QByteArray(R"("x")") << false;
        QTest::addRow("invalid utf8") << QByteArray("{\"a\":\"\xff\xfe\"}") << false;
    }
    void parseJsonObject()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        const auto r = pincart::parseJsonObject(body);
        QCOMPARE(r.ok(), ok);
        if (!ok)
            QCOMPARE(r.error().kind(), DomainError::Kind::BadRequest);
    }

    void problemDecoding()
    {
        const QByteArray body
            = R"({"type":"about:blank","title":"Unprocessable Content","status":422,
            "detail":"Validation failed","errors":[{"field":"price.amount","message":"must be greater than zero"}]})";
        const DomainError e = problemFromJson(422, body);
        QCOMPARE(e.kind(), DomainError::Kind::Validation);
        QCOMPARE(e.fields().size(), 1);
        QCOMPARE(e.fields()[0].field, QStringLiteral("price.amount"));
        QCOMPARE(problemFromJson(409, "not json").kind(), DomainError::Kind::Conflict);
        QCOMPARE(problemFromJson(502, "").kind(), DomainError::Kind::Internal);
    }
};

QTEST_APPLESS_MAIN(TestCodecs)
#include "tst_codecs.moc"

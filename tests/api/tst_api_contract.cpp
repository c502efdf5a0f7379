// The OpenAPI document against the running server, on SQLite and MariaDB: real answers conform
// to the document's schemas, every documented operation is served, and every route the server
// answers is documented. The schema checker below knows the JSON Schema subset the document
// uses (type, properties, required, items, $ref, nullable, enum, allOf, additionalProperties,
// and a few value bounds); a keyword it does not know fails the test rather than being skipped.

#include "apitest.h"

#include "apipaths.h"
#include "connection.h"
#include "logistics.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace pincart;
using namespace pincart::test;

namespace {

// --- the schema checker -------------------------------------------------------------------

class SchemaChecker
{
public:
    explicit SchemaChecker(QJsonObject document)
        : m_document(std::move(document))
    {}

    const QJsonObject &document() const { return m_document; }

    // What a local reference ("#/components/schemas/Item") points at; undefined when nothing.
    QJsonValue resolve(const QString &ref) const
    {
        if (!ref.startsWith(QLatin1String("#/")))
            return QJsonValue(QJsonValue::Undefined);
        QJsonValue at = m_document;
        for (QString token : ref.mid(2).split(QLatin1Char('/'))) {
            token.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
            if (!at.isObject() || !at.toObject().contains(token))
                return QJsonValue(QJsonValue::Undefined);
            at = at.toObject().value(token);
        }
        return at;
    }

    // An object that may be a {"$ref": ...}, followed.
    QJsonObject follow(const QJsonValue &v) const
    {
        QJsonObject o = v.toObject();
        for (int hops = 0; o.contains(QLatin1String("$ref")) && hops < 16; ++hops)
            o = resolve(o.value(QLatin1String("$ref")).toString()).toObject();
        return o;
    }

    // Every way `value` (at JSON path `path`) breaks `schema`; empty when it conforms.
    QStringList check(const QJsonValue &value, const QJsonValue &schemaValue, const QString &path = QStringLiteral("$"),
                      int depth = 0) const
    {
        if (depth > 64)
            return {path + QStringLiteral(": $ref loop")};
        if (!schemaValue.isObject())
            return {path + QStringLiteral(": the schema is not an object")};
        const QJsonObject schema = schemaValue.toObject();
        if (schema.contains(QLatin1String("$ref"))) {
            const QString ref = schema.value(QLatin1String("$ref")).toString();
            const QJsonValue target = resolve(ref);
            if (target.isUndefined())
                return {path + QStringLiteral(": unresolved $ref ") + ref};
            return check(value, target, path, depth + 1);
        }
        QStringList errors;
        for (const QJsonValue &part : schema.value(QLatin1String("allOf")).toArray())
            errors << check(value, part, path, depth + 1);

        if (value.isNull()) {
            if (!schema.value(QLatin1String("nullable")).toBool() && schema.contains(QLatin1String("type")))
                errors << path + QStringLiteral(": null, but not nullable");
            return errors;
        }
        if (schema.contains(QLatin1String("enum")) && !schema.value(QLatin1String("enum")).toArray().contains(value))
            errors << path + QStringLiteral(": %1 is not one of %2").arg(show(value), show(schema.value(QLatin1String("enum"))));

        const QString type = schema.value(QLatin1String("type")).toString();
        if (!type.isEmpty() && !hasType(value, type)) {
            errors << path + QStringLiteral(": %1 is not of type %2").arg(show(value), type);
            return errors;
        }
        if (value.isObject())
            errors << checkObject(value.toObject(), schema, path, depth);
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            if (schema.contains(QLatin1String("minItems")) && array.size() < schema.value(QLatin1String("minItems")).toInt())
                errors << path + QStringLiteral(": fewer items than minItems");
            if (schema.contains(QLatin1String("items"))) {
                for (qsizetype i = 0; i < array.size(); ++i)
                    errors << check(array.at(i), schema.value(QLatin1String("items")), path + QStringLiteral("[%1]").arg(i), depth + 1);
            }
        }
        if (value.isString())
            errors << checkString(value.toString(), schema, path);
        if (value.isDouble()) {
            const double d = value.toDouble();
            if (schema.contains(QLatin1String("minimum")) && d < schema.value(QLatin1String("minimum")).toDouble())
                errors << path + QStringLiteral(": %1 is below the minimum").arg(d);
            if (schema.contains(QLatin1String("maximum")) && d > schema.value(QLatin1String("maximum")).toDouble())
                errors << path + QStringLiteral(": %1 is above the maximum").arg(d);
        }
        return errors;
    }

    // Keywords check() understands, and annotations it may ignore. Anything else in a schema of
    // the document would be silently unchecked, so the document may not use it.
    static const QSet<QString> &knownKeywords()
    {
        static const QSet<QString> known{
            // checked
            QStringLiteral("$ref"), QStringLiteral("type"), QStringLiteral("properties"), QStringLiteral("required"),
            QStringLiteral("items"), QStringLiteral("nullable"), QStringLiteral("enum"), QStringLiteral("allOf"),
            QStringLiteral("additionalProperties"), QStringLiteral("format"), QStringLiteral("minimum"),
            QStringLiteral("maximum"), QStringLiteral("minLength"), QStringLiteral("maxLength"),
            QStringLiteral("pattern"), QStringLiteral("minItems"),
            // annotations
            QStringLiteral("description"), QStringLiteral("example"), QStringLiteral("default"), QStringLiteral("title"),
        };
        return known;
    }

    // The schemas of the document (components and inline), each with where it is; walks nested ones.
    void forEachSchema(const std::function<void(const QJsonObject &, const QString &)> &visit) const
    {
        const QJsonObject schemas = m_document.value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject();
        for (auto it = schemas.constBegin(); it != schemas.constEnd(); ++it)
            walkSchema(it.value().toObject(), QStringLiteral("#/components/schemas/") + it.key(), visit);
        walkForInlineSchemas(m_document, QStringLiteral("#"), visit);
    }

private:
    static QString show(const QJsonValue &v)
    {
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)).left(120);
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)).left(120);
        if (v.isString())
            return QLatin1Char('"') + v.toString().left(120) + QLatin1Char('"');
        return v.toVariant().toString();
    }

    static bool hasType(const QJsonValue &v, const QString &type)
    {
        if (type == QLatin1String("object"))
            return v.isObject();
        if (type == QLatin1String("array"))
            return v.isArray();
        if (type == QLatin1String("string"))
            return v.isString();
        if (type == QLatin1String("boolean"))
            return v.isBool();
        if (type == QLatin1String("number"))
            return v.isDouble() && std::isfinite(v.toDouble());
        if (type == QLatin1String("integer"))
            return v.isDouble() && std::isfinite(v.toDouble()) && std::trunc(v.toDouble()) == v.toDouble();
        return false; // an unknown type name is a document error
    }

    QStringList checkObject(const QJsonObject &object, const QJsonObject &schema, const QString &path, int depth) const
    {
        QStringList errors;
        for (const QJsonValue &name : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(name.toString()))
                errors << path + QStringLiteral(": required property '%1' missing").arg(name.toString());
        }
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString at = path + QLatin1Char('.') + it.key();
            if (properties.contains(it.key()))
                errors << check(it.value(), properties.value(it.key()), at, depth + 1);
            else if (additional.isBool() && !additional.toBool())
                errors << at + QStringLiteral(": not a documented property");
            else if (additional.isObject())
                errors << check(it.value(), additional, at, depth + 1);
        }
        return errors;
    }

    static QStringList checkString(const QString &s, const QJsonObject &schema, const QString &path)
    {
        QStringList errors;
        if (schema.contains(QLatin1String("minLength")) && s.size() < schema.value(QLatin1String("minLength")).toInt())
            errors << path + QStringLiteral(": shorter than minLength");
        if (schema.contains(QLatin1String("maxLength")) && s.size() > schema.value(QLatin1String("maxLength")).toInt())
            errors << path + QStringLiteral(": longer than maxLength");
        if (schema.contains(QLatin1String("pattern"))) {
            const QRegularExpression re(schema.value(QLatin1String("pattern")).toString());
            if (!re.isValid() || !re.match(s).hasMatch())
                errors << path + QStringLiteral(": \"%1\" does not match %2").arg(s.left(80), re.pattern());
        }
        const QString format = schema.value(QLatin1String("format")).toString();
        if (format == QLatin1String("date-time")) {
            const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
            if (!t.isValid() || t.timeSpec() != Qt::UTC)
                errors << path + QStringLiteral(": \"%1\" is not an ISO 8601 UTC time").arg(s);
        } else if (format == QLatin1String("email")) {
            if (s.count(QLatin1Char('@')) != 1)
                errors << path + QStringLiteral(": \"%1\" is not an e-mail address").arg(s);
        }
        return errors;
    }

    static void walkSchema(const QJsonObject &schema, const QString &where,
                           const std::function<void(const QJsonObject &, const QString &)> &visit)
    {
        visit(schema, where);
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
            walkSchema(it.value().toObject(), where + QStringLiteral("/properties/") + it.key(), visit);
        if (schema.value(QLatin1String("items")).isObject())
            walkSchema(schema.value(QLatin1String("items")).toObject(), where + QStringLiteral("/items"), visit);
        if (schema.value(QLatin1String("additionalProperties")).isObject())
            walkSchema(schema.value(QLatin1String("additionalProperties")).toObject(), where + QStringLiteral("/additionalProperties"), visit);
        const QJsonArray all = schema.value(QLatin1String("allOf")).toArray();
        for (qsizetype i = 0; i < all.size(); ++i)
            walkSchema(all.at(i).toObject(), where + QStringLiteral("/allOf/%1").arg(i), visit);
    }

    // Inline schemas: the value of every "schema" key outside components/schemas.
    static void walkForInlineSchemas(const QJsonValue &v, const QString &where,
                                     const std::function<void(const QJsonObject &, const QString &)> &visit)
    {
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                walkForInlineSchemas(a.at(i), where + QStringLiteral("/%1").arg(i), visit);
            return;
        }
        if (!v.isObject() || where == QLatin1String("#/components/schemas"))
            return;
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key() == QLatin1String("schema") && it.value().isObject())
                walkSchema(it.value().toObject(), where + QStringLiteral("/schema"), visit);
            else
                walkForInlineSchemas(it.value(), where + QLatin1Char('/') + it.key(), visit);
        }
    }

    QJsonObject m_document;
};

// Every "$ref" string anywhere in `v`.
void collectRefs(const QJsonValue &v, QStringList &out)
{
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            collectRefs(e, out);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.key() == QLatin1String("$ref"))
                out << it.value().toString();
            else
                collectRefs(it.value(), out);
        }
    }
}

const QStringList HttpMethods{QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"), QStringLiteral("delete"),
                              QStringLiteral("options"), QStringLiteral("head"), QStringLiteral("patch"), QStringLiteral("trace")};

// The "No such resource" answer of a path no route matches (distinct from "no item 7").
bool isUnrouted(const ApiResponse &r)
{
    return r.status == 405
        || (r.status == 404 && r.json().value(QStringLiteral("detail")).toString().startsWith(QLatin1String("No such resource")));
}

QVariant scalar(const QString &databaseUrl, const QString &sql)
{
    const auto url = server::DatabaseUrl::parse(databaseUrl);
    if (!url)
        return {};
    server::Connection db(*url);
    if (!db.open())
        return {};
    QSqlQuery q(QSqlDatabase::database(db.connectionName()));
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

// With the pincode directory, so the server seeds its demo delivery network, stock and shipments.
TestServer::Options withNetwork()
{
    TestServer::Options options;
    options.loadPincodes = true;
    return options;
}

QList<qint64> idsOf(const ApiResponse &r)
{
    QList<qint64> ids;
    for (const QJsonValue &v : r.json().value(QStringLiteral("items")).toArray())
        ids << v.toObject().value(QStringLiteral("id")).toInteger();
    return ids;
}

// The search index is built (or opened) on the indexer's thread once the server listens; until
// then /search answers 503.
bool waitUntilSearchable(const QUrl &url)
{
    ApiCall api(url);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        if (api.get(paths::search(), QUrlQuery(QStringLiteral("q=tv"))).status != 503)
            return true;
        QTest::qWait(50);
    }
    return false;
}

} // namespace

class TestContractApi : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers{withNetwork()};

    static std::unique_ptr<SchemaChecker> fetchDocument(TestServer *server, QString *error)
    {
        ApiCall api(server->url());
        const ApiResponse r = api.get(paths::openApi());
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parse);
        if (r.status != 200 || !doc.isObject()) {
            *error = QStringLiteral("GET %1: %2 %3").arg(paths::openApi()).arg(r.status).arg(parse.errorString());
            return nullptr;
        }
        return std::make_unique<SchemaChecker>(doc.object());
    }

    // Every way answer `r` to `method` on the documented path `templatePath` breaks the document.
    static QStringList conformance(const SchemaChecker &doc, const ApiResponse &r, const QString &templatePath,
                                   const QByteArray &method)
    {
        const QJsonObject operation = doc.document().value(QLatin1String("paths")).toObject().value(templatePath).toObject()
                                          .value(QString::fromLatin1(method.toLower())).toObject();
        if (operation.isEmpty())
            return {QStringLiteral("%1 %2 is not in the document").arg(QString::fromLatin1(method), templatePath)};
        const QJsonObject responses = operation.value(QLatin1String("responses")).toObject();
        const QString code = QString::number(r.status);
        if (!responses.contains(code))
            return {QStringLiteral("status %1 is not documented for %2 %3 (body %4)")
                        .arg(code, QString::fromLatin1(method), templatePath, QString::fromUtf8(r.body.left(300)))};
        const QJsonObject response = doc.follow(responses.value(code));
        const QJsonObject content = response.value(QLatin1String("content")).toObject();
        if (content.isEmpty()) {
            if (!r.body.isEmpty())
                return {QStringLiteral("a body where the document has none")};
            return {};
        }
        const QString type = QString::fromLatin1(r.header("Content-Type")).section(QLatin1Char(';'), 0, 0).trimmed();
        if (!content.contains(type))
            return {QStringLiteral("Content-Type '%1' is not documented for status %2").arg(type, code)};
        const QJsonValue schema = content.value(type).toObject().value(QLatin1String("schema"));
        QJsonValue value;
        if (type.endsWith(QLatin1String("json"))) {
            QJsonParseError parse;
            const QJsonDocument body = QJsonDocument::fromJson(r.body, &parse);
            if (parse.error != QJsonParseError::NoError)
                return {QStringLiteral("the body is not JSON: ") + parse.errorString()};
            value = body.isObject() ? QJsonValue(body.object()) : QJsonValue(body.array());
        } else {
            value = QString::fromUtf8(r.body);
        }
        return doc.check(value, schema);
    }

    struct Fixture
    {
        qint64 itemId = 0;      // an active item anyone may read
        qint64 missingItem = 0; // an id no item has
        qint64 userId = 0;      // the demo customer
        qint64 missingUser = 0;
        qint64 televisions = 0; // the leaf category of the TV test items
    };

    static Fixture fixture(TestServer *server)
    {
        Fixture f;
        ApiCall api(server->url());
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
        f.itemId = api.get(paths::items(), q).json().value(QStringLiteral("items")).toArray().at(0).toObject()
                       .value(QStringLiteral("id")).toInteger();
        f.missingItem = scalar(server->databaseUrl(), QStringLiteral("SELECT MAX(id) FROM items")).toLongLong() + 1000;
        f.missingUser = scalar(server->databaseUrl(), QStringLiteral("SELECT MAX(id) FROM users")).toLongLong() + 1000;
        for (const QJsonValue &c : api.get(paths::categories()).json().value(QStringLiteral("items")).toArray()) {
            if (c.toObject().value(QStringLiteral("slug")).toString() == QLatin1String("televisions"))
                f.televisions = c.toObject().value(QStringLiteral("id")).toInteger();
        }
        ApiCall customer(server->url());
        customer.login(DemoAccounts::Customer, DemoAccounts::Password);
        f.userId = customer.get(paths::me()).json().value(QStringLiteral("id")).toInteger();
        return f;
    }

    // The id a row's `target` names in the delivery network, created when the target starts with
    // "new-"; 0 (with `failure`) when there is none. A "shipment" target turns %NEXT% in `body`
    // into the shipment's next status.
    static qint64 networkTarget(TestServer *server, const QString &target, QByteArray &body, QString *failure)
    {
        static int serial = 0;
        ApiCall admin(server->url());
        admin.login(DemoAccounts::Admin, DemoAccounts::Password);
        ApiCall op(server->url());
        op.login(DemoAccounts::Operator, DemoAccounts::Password);
        const QList<qint64> mine = idsOf(op.get(paths::warehouses()));
        const auto missing = [&](const char *table) {
            return scalar(server->databaseUrl(), QStringLiteral("SELECT MAX(id) FROM %1").arg(QLatin1String(table))).toLongLong() + 1000;
        };
        const auto otherWarehouse = [&]() -> qint64 {
            for (qint64 w : idsOf(admin.get(paths::warehouses()))) {
                if (!mine.contains(w))
                    return w;
            }
            return 0;
        };
        const auto created = [&](const ApiResponse &r) -> qint64 {
            if (r.status != 201)
                *failure = QStringLiteral("not created: %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
            return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
        };
        const auto openShipment = [&](ApiCall &api, qint64 warehouse) {
            return api.get(paths::warehouseFulfilment(warehouse)).json().value(QStringLiteral("items")).toArray().at(0).toObject();
        };

        qint64 id = 0;
        if (target == QLatin1String("warehouse")) {
            id = mine.value(0);
        } else if (target == QLatin1String("other-warehouse")) {
            id = otherWarehouse();
        } else if (target == QLatin1String("missing-warehouse")) {
            id = missing("warehouses");
        } else if (target == QLatin1String("new-warehouse")) {
            id = created(admin.postJson(paths::warehouses(), {{QStringLiteral("code"), QStringLiteral("CT-NW%1").arg(++serial)},
                                                              {QStringLiteral("name"), QStringLiteral("Contract Warehouse")},
                                                              {QStringLiteral("pincode"), QStringLiteral("560001")},
                                                              {QStringLiteral("cutoff"), QStringLiteral("14:00")},
                                                              {QStringLiteral("handling_hours"), 6}}));
        } else if (target == QLatin1String("courier")) {
            id = idsOf(admin.get(paths::couriers())).value(0);
        } else if (target == QLatin1String("new-courier")) {
            id = newCourier(admin, failure);
        } else if (target == QLatin1String("missing-courier")) {
            id = missing("couriers");
        } else if (target == QLatin1String("shipment") || target == QLatin1String("other-shipment")) {
            const QJsonObject shipment = target == QLatin1String("shipment") ? openShipment(op, mine.value(0))
                                                                              : openShipment(admin, otherWarehouse());
            id = shipment.value(QStringLiteral("id")).toInteger();
            const auto next = nextShipmentStatus(
                shipmentStatusFromName(shipment.value(QStringLiteral("status")).toString()).value_or(ShipmentStatus::Delivered));
            body.replace("%NEXT%", next ? shipmentStatusName(*next).toUtf8() : QByteArray("none"));
        } else if (target == QLatin1String("missing-shipment")) {
            id = missing("shipments");
        } else if (target == QLatin1String("new-lane")) {
            id = created(admin.postJson(paths::lanes(), freeLane(admin, failure)));
        } else if (target == QLatin1String("missing-lane")) {
            id = missing("lanes");
        } else if (target == QLatin1String("missing-order")) {
            id = missing("orders");
        } else if (target == QLatin1String("stocked-item")) {
            id = scalar(server->databaseUrl(),
                        QStringLiteral("SELECT MIN(s.item_id) FROM stock s JOIN items i ON i.id = s.item_id "
                                       "WHERE i.status = 'active' AND s.on_hand > s.reserved")).toLongLong();
        } else if (target == QLatin1String("unstocked-item")) {
            id = scalar(server->databaseUrl(),
                        QStringLiteral("SELECT MIN(i.id) FROM items i WHERE i.status = 'active' AND NOT EXISTS "
                                       "(SELECT 1 FROM stock s WHERE s.item_id = i.id AND s.on_hand > s.reserved)")).toLongLong();
        } else {
            *failure = QStringLiteral("unknown target");
        }
        if (!id && failure->isEmpty())
            *failure = QStringLiteral("none found");
        return id;
    }

    static qint64 newCourier(ApiCall &admin, QString *failure)
    {
        static int serial = 0;
        const ApiResponse r = admin.postJson(paths::couriers(), {{QStringLiteral("code"), QStringLiteral("CT-NC%1").arg(++serial)},
                                                                 {QStringLiteral("name"), QStringLiteral("Contract Courier")},
                                                                 {QStringLiteral("speed_kmph"), 40}});
        if (r.status != 201)
            *failure = QStringLiteral("courier not created: %1 %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
        return r.status == 201 ? r.json().value(QStringLiteral("id")).toInteger() : 0;
    }

    // A lane no courier has yet: the first two hubs, for a new courier.
    static QJsonObject freeLane(ApiCall &admin, QString *failure)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
        const QList<qint64> hubs = idsOf(admin.get(paths::hubs(), q));
        const qint64 courier = newCourier(admin, failure);
        if (hubs.size() < 2 && failure->isEmpty())
            *failure = QStringLiteral("fewer than two hubs");
        return {{QStringLiteral("courier_id"), courier},
                {QStringLiteral("from_hub_id"), hubs.value(0)},
                {QStringLiteral("to_hub_id"), hubs.value(1)},
                {QStringLiteral("transit_hours"), 30}};
    }

    // Bodies that need the network: %N% a fresh number, %LANE% a lane no courier has yet,
    // %DUPLANE% one that exists, %RECEIPT% two lines the operator's warehouse can receive.
    static void networkBody(TestServer *server, QByteArray &body, QString *failure)
    {
        static int serial = 0;
        body.replace("%N%", QByteArray::number(++serial));
        if (!body.contains("%LANE%") && !body.contains("%DUPLANE%") && !body.contains("%RECEIPT%"))
            return;
        ApiCall admin(server->url());
        admin.login(DemoAccounts::Admin, DemoAccounts::Password);
        const auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        if (body.contains("%LANE%"))
            body.replace("%LANE%", json(freeLane(admin, failure)));
        if (body.contains("%DUPLANE%")) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
            QJsonObject lane = admin.get(paths::lanes(), q).json().value(QStringLiteral("items")).toArray().at(0).toObject();
            lane.remove(QStringLiteral("id"));
            if (lane.isEmpty())
                *failure = QStringLiteral("no lane");
            body.replace("%DUPLANE%", json(lane));
        }
        if (body.contains("%RECEIPT%")) {
            const qint64 item = scalar(server->databaseUrl(), QStringLiteral("SELECT MIN(id) FROM items")).toLongLong();
            // A SKU one supplier alone uses names one item.
            const QString sku = scalar(server->databaseUrl(),
                                       QStringLiteral("SELECT MIN(sku) FROM (SELECT MIN(sku) AS sku FROM items GROUP BY sku "
                                                      "HAVING COUNT(*) = 1) unique_skus")).toString();
            if (!item || sku.isEmpty())
                *failure = QStringLiteral("no item to receive");
            body.replace("%RECEIPT%",
                         json({{QStringLiteral("lines"),
                                QJsonArray{QJsonObject{{QStringLiteral("item_id"), item}, {QStringLiteral("quantity"), 5},
                                                       {QStringLiteral("bin"), QStringLiteral("a-01")}},
                                           QJsonObject{{QStringLiteral("sku"), sku}, {QStringLiteral("quantity"), 2},
                                                       {QStringLiteral("bin"), QStringLiteral("B-02")}}}}}));
        }
    }

    static QByteArray tvBody(qint64 category, const QString &sku)
    {
        return QStringLiteral(R"({"sku": "%1", "title": "Contract 43 inch LED TV", "description": "For the contract test.",
            "brand": "Testbrand", "category_id": %2, "price": {"amount": 2599900, "currency": "INR"},
            "attributes": {"screen_size": 43, "panel": "LED", "resolution": "4K", "smart": true}})")
            .arg(sku)
            .arg(category)
            .toUtf8();
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanupTestCase() { m_servers.stopAll(); }

    void documentIsOpenApi303()
    {
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        const QJsonObject d = doc->document();
        QCOMPARE(d.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
        QVERIFY(!d.value(QStringLiteral("info")).toObject().value(QStringLiteral("title")).toString().isEmpty());
        QCOMPARE(d.value(QStringLiteral("info")).toObject().value(QStringLiteral("version")).toString(), QStringLiteral("0.5.0"));

        // The server serves the document the repository keeps.
        const QString source = QFINDTESTDATA("../../resources/openapi.json");
        QVERIFY2(!source.isEmpty(), "resources/openapi.json not found beside the tests");
        QFile file(source);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object(), d);

        const QJsonObject components = d.value(QStringLiteral("components")).toObject();
        const QJsonObject schemas = components.value(QStringLiteral("schemas")).toObject();
        for (const char *name : {"Money", "User", "Session", "AttributeSpec", "Category", "Item", "ItemInput",
                                 "ItemPage", "UserPage", "Problem", "Serviceability", "DeliveryOption", "Warehouse",
                                 "StockLine", "Receipt", "Shipment", "Courier", "CoverageRule", "Hub", "Lane", "Cart",
                                 "CartLine", "CartQuantity", "CartMerge", "Wishlist", "WishlistItem", "Checkout", "Order",
                                 "OrderLine", "OrderPage", "PaymentRequest", "SearchResult", "SearchHit", "Facet",
                                 "FacetValue", "Completions"})
            QVERIFY2(schemas.contains(QLatin1String(name)), name);
        QCOMPARE(components.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("IdempotencyKey")).toObject()
                     .value(QStringLiteral("name")).toString(),
                 QStringLiteral("Idempotency-Key"));
        const QJsonObject bearer = components.value(QStringLiteral("securitySchemes")).toObject().value(QStringLiteral("bearerAuth")).toObject();
        QCOMPARE(bearer.value(QStringLiteral("type")).toString(), QStringLiteral("http"));
        QCOMPARE(bearer.value(QStringLiteral("scheme")).toString(), QStringLiteral("bearer"));

        QStringList refs;
        collectRefs(d, refs);
        QVERIFY(refs.size() > 20);
        for (const QString &ref : std::as_const(refs))
            QVERIFY2(!doc->resolve(ref).isUndefined(), qPrintable(QStringLiteral("unresolved $ref ") + ref));

        QStringList unknown;
        doc->forEachSchema([&](const QJsonObject &schema, const QString &where) {
            for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) {
                if (!SchemaChecker::knownKeywords().contains(it.key()))
                    unknown << where + QStringLiteral(": ") + it.key();
            }
        });
        QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(QLatin1Char('\n'))));

        // Every operation: a unique operationId, responses, and errors as problem+json.
        QSet<QString> operationIds;
        QSet<QString> declaredTags;
        for (const QJsonValue &tag : d.value(QStringLiteral("tags")).toArray())
            declaredTags.insert(tag.toObject().value(QStringLiteral("name")).toString());
        const QJsonObject pathsObject = d.value(QStringLiteral("paths")).toObject();
        for (auto p = pathsObject.constBegin(); p != pathsObject.constEnd(); ++p) {
            const QJsonObject item = p.value().toObject();
            for (auto m = item.constBegin(); m != item.constEnd(); ++m) {
                if (!HttpMethods.contains(m.key()))
                    continue;
                const QString where = m.key().toUpper() + QLatin1Char(' ') + p.key();
                const QJsonObject op = m.value().toObject();
                const QString id = op.value(QStringLiteral("operationId")).toString();
                QVERIFY2(!id.isEmpty() && !operationIds.contains(id), qPrintable(where));
                for (const QJsonValue &tag : op.value(QStringLiteral("tags")).toArray())
                    QVERIFY2(declaredTags.contains(tag.toString()), qPrintable(where + QStringLiteral(": undeclared tag ") + tag.toString()));
                operationIds.insert(id);
                const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
                QVERIFY2(!responses.isEmpty(), qPrintable(where));
                for (auto r = responses.constBegin(); r != responses.constEnd(); ++r) {
                    if (r.key().toInt() < 400)
                        continue;
                    const QJsonObject content = doc->follow(r.value()).value(QStringLiteral("content")).toObject();
                    QVERIFY2(content.keys() == QStringList{QStringLiteral("application/problem+json")},
                             qPrintable(where + QLatin1Char(' ') + r.key()));
                    QCOMPARE(content.value(QStringLiteral("application/problem+json")).toObject().value(QStringLiteral("schema")).toObject()
                                 .value(QStringLiteral("$ref")).toString(),
                             QStringLiteral("#/components/schemas/Problem"));
                }
            }
        }
    }

    // The checker itself: it must catch what it claims to (a checker that passes everything
    // would make the tests below worthless).
    void checkerCatchesViolations_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<bool>("conforms");
        QTest::addRow("item ok") << QByteArray(R"({"id": 1, "sku": "A", "title": "T", "description": "", "brand": "B", "category_id": 2,
            "price": {"amount": 5, "currency": "INR"}, "attributes": {"x": 1}, "supplier_id": 3, "status": "active", "version": 1,
            "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"})") << QStringLiteral("Item") << true;
        QTest::addRow("item without sku") << QByteArray(R"({"id": 1, "title": "T", "description": "", "brand": "B", "category_id": 2,
            "price": {"amount": 5, "currency": "INR"}, "attributes": {}, "supplier_id": 3, "status": "active", "version": 1,
            "created_at": "2024-01-01T00:00:00Z", "updated_at": "2024-01-01T00:00:00Z"})") << QStringLiteral("Item") << false;
        QTest::addRow("id as a string") << QByteArray(R"({"amount": "5", "currency": "INR"})") << QStringLiteral("Money") << false;
        QTest::addRow("fractional integer") << QByteArray(R"({"amount": 5.5, "currency": "INR"})") << QStringLiteral("Money") << false;
        QTest::addRow("currency not in enum") << QByteArray(R"({"amount": 5, "currency": "USD"})") << QStringLiteral("Money") << false;
        QTest::addRow("undocumented money field") << QByteArray(R"({"amount": 5, "currency": "INR", "x": 1})") << QStringLiteral("Money") << false;
        QTest::addRow("nested $ref broken") << QByteArray(R"({"items": [{"id": 1, "email": "a@b.c", "name": "N", "roles": ["root"],
            "pincode": null, "disabled": false}], "next": null})") << QStringLiteral("UserPage") << false;
        QTest::addRow("nullable null") << QByteArray(R"({"items": [], "next": null})") << QStringLiteral("UserPage") << true;
        QTest::addRow("null, not nullable") << QByteArray(R"({"items": null, "next": null})") << QStringLiteral("UserPage") << false;
        QTest::addRow("problem without detail") << QByteArray(R"({"type": "about:blank", "title": "x", "status": 400})") << QStringLiteral("Problem") << false;
        QTest::addRow("problem error without field") << QByteArray(R"({"type": "about:blank", "title": "x", "status": 422, "detail": "d",
            "errors": [{"message": "m"}]})") << QStringLiteral("Problem") << false;
        QTest::addRow("time without zone") << QByteArray(R"({"token": "t", "expires_at": "2024-01-01T00:00:00", "user": {"id": 1,
            "email": "a@b.c", "name": "N", "roles": [], "pincode": null, "disabled": false}})") << QStringLiteral("Session") << false;
        QTest::addRow("allOf required") << QByteArray(R"({"sku": "A"})") << QStringLiteral("NewItem") << false;
        const QByteArray unreachable = R"({"item_id": 1, "pincode": "682555", "deliverable": false, "reason": "unreachable",
            "warehouse_id": null, "courier_id": null, "tat_hours": null, "eta_days": null, "promise_date": null,
            "options": [{"warehouse_id": 3, "warehouse_name": "W", "available": 4, "deliverable": false, "courier_id": null,
                         "courier_name": "", "tat_hours": null, "eta_days": null, "promise_date": null, "route": []}]})";
        QTest::addRow("not deliverable") << unreachable << QStringLiteral("Serviceability") << true;
        QTest::addRow("reason not in enum") << QByteArray(unreachable).replace("\"unreachable\"", "\"closed\"")
                                            << QStringLiteral("Serviceability") << false;
        QTest::addRow("deliverable without a date") << QByteArray(R"({"item_id": 1, "pincode": "560001", "deliverable": true,
            "reason": null, "warehouse_id": 3, "courier_id": 2, "tat_hours": 30, "eta_days": 2, "promise_date": "25/12/2025",
            "options": []})") << QStringLiteral("Serviceability") << false;
        QTest::addRow("option without route") << QByteArray(R"({"warehouse_id": 3, "warehouse_name": "W", "available": 4,
            "deliverable": true, "courier_id": 2, "courier_name": "C", "tat_hours": 30, "eta_days": 2, "promise_date": "2025-12-25"})")
                                              << QStringLiteral("DeliveryOption") << false;
        QTest::addRow("cutoff not HH:MM") << QByteArray(R"({"id": 1, "code": "W", "name": "W", "pincode": "560001", "district": "D",
            "state": "S", "cutoff": "1400", "handling_hours": 5, "active": true})") << QStringLiteral("Warehouse") << false;
        QTest::addRow("coverage rule extra field") << QByteArray(R"({"state": "Goa", "city": "Panaji", "service_level": "express"})")
                                                   << QStringLiteral("CoverageRule") << false;
        QTest::addRow("shipment status unknown") << QByteArray(R"({"id": 1, "order_id": null, "warehouse_id": 1, "courier_id": 1,
            "pincode": "560001", "status": "lost", "promise_date": "2025-12-25", "lines": [],
            "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"})") << QStringLiteral("Shipment") << false;
        const QByteArray cart = R"json({"pincode": null, "total": {"amount": 0, "currency": "INR"}, "lines": [{"item_id": 4,
            "title": "(no longer sold)", "quantity": 2, "unit_price": {"amount": 500, "currency": "INR"},
            "added_price": {"amount": 500, "currency": "INR"}, "price_changed": false, "line_total": {"amount": 0, "currency": "INR"},
            "available": false, "deliverable": false, "delivery": null}]})json";
        QTest::addRow("cart without a pincode") << cart << QStringLiteral("Cart") << true;
        QTest::addRow("cart line without delivery") << QByteArray(cart).replace(R"(, "delivery": null)", "")
                                                    << QStringLiteral("Cart") << false;
        QTest::addRow("cart delivery date not a date") << QByteArray(cart).replace(R"("delivery": null)",
                                                                                     R"("delivery": {"eta_days": 2, "promise_date": "tomorrow"})")
                                                       << QStringLiteral("Cart") << false;
        QTest::addRow("cart quantity 11") << QByteArray(cart).replace(R"("quantity": 2)", R"("quantity": 11)")
                                          << QStringLiteral("Cart") << false;
        const QByteArray order = R"({"id": 9, "user_id": 1, "status": "placed", "pincode": "110001", "address": "1 Janpath",
            "payment": "prepaid", "payment_status": "pending", "total": {"amount": 1000, "currency": "INR"},
            "lines": [{"item_id": 4, "sku": "A", "title": "T", "quantity": 2, "unit_price": {"amount": 500, "currency": "INR"},
                       "line_total": {"amount": 1000, "currency": "INR"}}],
            "shipments": [{"id": 3, "order_id": 9, "warehouse_id": 1, "courier_id": 1, "pincode": "110001", "status": "picked",
                           "promise_date": "2025-12-25", "lines": [{"item_id": 4, "sku": "A", "title": "T", "quantity": 2}],
                           "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"}],
            "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-01T00:00:00Z"})";
        QTest::addRow("order ok") << order << QStringLiteral("Order") << true;
        QTest::addRow("order status picked") << QByteArray(order).replace(R"("status": "placed")", R"("status": "picked")")
                                             << QStringLiteral("Order") << false;
        QTest::addRow("payment status refunded") << QByteArray(order).replace(R"("pending")", R"("refunded")")
                                                 << QStringLiteral("Order") << false;
        QTest::addRow("order without shipments") << QByteArray(order).replace(R"("shipments": [)", R"("parcels": [)")
                                                 << QStringLiteral("Order") << false;
        QTest::addRow("checkout extra field") << QByteArray(R"({"pincode": "110001", "address": "A", "payment": "cod", "coupon": "X"})")
                                              << QStringLiteral("Checkout") << false;
        QTest::addRow("checkout payment card") << QByteArray(R"({"pincode": "110001", "address": "A", "payment": "card"})")
                                               << QStringLiteral("Checkout") << false;
        QTest::addRow("card number with spaces") << QByteArray(R"({"card_number": "4111 1111 1111 1111"})")
                                                 << QStringLiteral("PaymentRequest") << true;
        QTest::addRow("card number of 11 digits") << QByteArray(R"({"card_number": "41111111111"})")
                                                  << QStringLiteral("PaymentRequest") << false;
        QTest::addRow("merge line quantity 0") << QByteArray(R"({"lines": [{"item_id": 4, "quantity": 0}]})")
                                               << QStringLiteral("CartMerge") << false;
        const QByteArray found = R"({"total": 2, "suggestion": null, "next": "ci4yLjA",
            "items": [{"id": 9, "title": "T", "brand": "B", "category_id": 101, "price": {"amount": 500, "currency": "INR"},
                       "delivery": {"eta_days": 2, "promise_date": "2025-12-25", "warehouse_id": 3}},
                      {"id": 10, "title": "U", "brand": "B", "category_id": 101, "price": {"amount": 600, "currency": "INR"},
                       "delivery": null}],
            "facets": {"category": [{"value": "101", "label": "Televisions", "count": 2}],
                       "brand": [{"value": "B", "label": "B", "count": 2}],
                       "price": [{"value": "10000000-", "label": "R", "count": 1}],
                       "attr.panel": [{"value": "OLED", "label": "OLED", "count": 2}]},
            "facet_labels": {"category": "Category", "brand": "Brand", "price": "Price", "attr.panel": "Panel type"}})";
        QTest::addRow("search result ok") << found << QStringLiteral("SearchResult") << true;
        QTest::addRow("search hit without delivery") << QByteArray(found).replace(R"("delivery": null)", R"("eta": null)")
                                                     << QStringLiteral("SearchResult") << false;
        QTest::addRow("search delivery without warehouse") << QByteArray(found).replace(R"(, "warehouse_id": 3)", "")
                                                           << QStringLiteral("SearchResult") << false;
        QTest::addRow("search without suggestion") << QByteArray(found).replace(R"("suggestion": null, )", "")
                                                   << QStringLiteral("SearchResult") << false;
        QTest::addRow("facet count 0") << QByteArray(found).replace(R"("count": 1)", R"("count": 0)")
                                       << QStringLiteral("SearchResult") << false;
        QTest::addRow("facets without price") << QByteArray(found).replace(R"("price": [{"value": "10000000-", "label": "R", "count": 1}],)", "")
                                              << QStringLiteral("SearchResult") << false;
        QTest::addRow("facet not an array") << QByteArray(found).replace(R"([{"value": "OLED", "label": "OLED", "count": 2}])",
                                                                         R"({"value": "OLED", "label": "OLED", "count": 2})")
                                            << QStringLiteral("SearchResult") << false;
        QTest::addRow("facet value without label") << QByteArray(found).replace(R"("label": "OLED", )", "")
                                                   << QStringLiteral("SearchResult") << false;
        QTest::addRow("search without facet labels") << QByteArray(found).replace(R"("facet_labels": {)", R"("labels": {)")
                                                     << QStringLiteral("SearchResult") << false;
        QTest::addRow("facet label null") << QByteArray(found).replace(R"("Panel type")", "null")
                                          << QStringLiteral("SearchResult") << false;
        // API.md's shape, facets keyed by name (here with nothing found: the three that are always there, empty).
        QTest::addRow("facets keyed by name") << QByteArray(R"({"total": 0, "items": [], "suggestion": null, "next": null,
            "facets": {"category": [], "brand": [], "price": []},
            "facet_labels": {"category": "Category", "brand": "Brand", "price": "Price"}})") << QStringLiteral("SearchResult") << true;
        // The array of named facets the server sent before it followed API.md.
        QTest::addRow("facets as an array of named facets") << QByteArray(R"({"total": 0, "items": [], "suggestion": null, "next": null,
            "facets": [{"name": "brand", "label": "Brand", "values": [{"value": "LG", "label": "LG", "count": 1}]}],
            "facet_labels": {"category": "Category", "brand": "Brand", "price": "Price"}})") << QStringLiteral("SearchResult") << false;
        QTest::addRow("completions ok") << QByteArray(R"({"completions": ["samsung", "sampann"]})")
                                        << QStringLiteral("Completions") << true;
        QTest::addRow("completions not strings") << QByteArray(R"({"completions": [{"text": "samsung"}]})")
                                                 << QStringLiteral("Completions") << false;
    }
    void checkerCatchesViolations()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, schema);
        QFETCH(bool, conforms);
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        const QStringList errors = doc->check(QJsonDocument::fromJson(value).object(),
                                              QJsonObject{{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + schema)}});
        QVERIFY2(errors.isEmpty() == conforms, qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void responsesMatchTheDocument_data()
    {
        QTest::addColumn<QString>("caller"); // e-mail of a demo account; empty: anonymous
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // as documented; {id} filled in by `target`
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("body"); // %TV% becomes a valid new television
        QTest::addColumn<int>("status");

        const QString none;
        const QByteArray get("GET"), post("POST");
        const auto row = [](const char *name, const QString &caller, const QByteArray &method, const char *path,
                            const char *target, const char *query, const QByteArray &body, int status) {
            QTest::addRow("%s", name) << caller << method << QString::fromLatin1(path) << QString::fromLatin1(target)
                                      << QString::fromLatin1(query) << body << status;
        };
        const QString customer = DemoAccounts::Customer, supplier = DemoAccounts::Supplier, admin = DemoAccounts::Admin;
        row("GET /categories", none, get, "/api/v1/categories", "", "", {}, 200);
        row("GET /items", none, get, "/api/v1/items", "", "", {}, 200);
        row("GET /items, a page with next", none, get, "/api/v1/items", "", "limit=3", {}, 200);
        row("GET /items as admin", admin, get, "/api/v1/items", "", "limit=5", {}, 200);
        row("GET /items limit=0 (422)", none, get, "/api/v1/items", "", "limit=0", {}, 422);
        row("GET /items bad cursor (422)", none, get, "/api/v1/items", "", "after=garbage", {}, 422);
        row("GET /items unknown category (422)", none, get, "/api/v1/items", "", "category=999999999", {}, 422);
        row("GET /items bad token (401)", QStringLiteral("garbage"), get, "/api/v1/items", "", "", {}, 401);
        row("GET /items/{id}", none, get, "/api/v1/items/{id}", "item", "", {}, 200);
        row("GET /items/{id} missing (404)", none, get, "/api/v1/items/{id}", "missing-item", "", {}, 404);
        row("POST /items", supplier, post, "/api/v1/items", "", "", "%TV%", 201);
        row("POST /items as customer (403)", customer, post, "/api/v1/items", "", "", "%TV%", 403);
        row("POST /items bad attributes (422)", supplier, post, "/api/v1/items", "", "",
            R"({"sku": "C-BAD", "title": "Bad", "description": "", "brand": "B", "category_id": 1,
                "price": {"amount": 0, "currency": "USD"}, "attributes": {}})", 422);
        row("POST /items malformed (400)", supplier, post, "/api/v1/items", "", "", "{", 400);
        row("PATCH /items/{id}", supplier, "PATCH", "/api/v1/items/{id}", "own-item", "", R"({"title": "Contract renamed"})", 200);
        row("PATCH /items/{id} unknown field (422)", supplier, "PATCH", "/api/v1/items/{id}", "own-item", "", R"({"version": 9})", 422);
        row("PUT /items/{id}", supplier, "PUT", "/api/v1/items/{id}", "own-item", "", "%TV%", 200);
        row("PUT /items/{id} missing (404)", admin, "PUT", "/api/v1/items/{id}", "missing-item", "", "%TV%", 404);
        row("DELETE /items/{id}", supplier, "DELETE", "/api/v1/items/{id}", "own-item", "", {}, 204);
        row("DELETE /items/{id} anonymous (401)", none, "DELETE", "/api/v1/items/{id}", "item", "", {}, 401);
        row("POST /auth/register", none, post, "/api/v1/auth/register", "", "",
            R"({"email": "contract@example.com", "password": "contract-password", "name": "Contract", "pincode": "400001"})", 201);
        row("POST /auth/register bad e-mail (422)", none, post, "/api/v1/auth/register", "", "",
            R"({"email": "nope", "password": "contract-password", "name": "Contract", "pincode": "400001"})", 422);
        row("POST /auth/register malformed (400)", none, post, "/api/v1/auth/register", "", "", "[", 400);
        row("POST /auth/login", none, post, "/api/v1/auth/login", "", "",
            QStringLiteral(R"({"email": "%1", "password": "%2"})").arg(customer, DemoAccounts::Password).toUtf8(), 200);
        row("POST /auth/login wrong password (401)", none, post, "/api/v1/auth/login", "", "",
            QStringLiteral(R"({"email": "%1", "password": "wrong-password"})").arg(customer).toUtf8(), 401);
        row("POST /auth/login no password (422)", none, post, "/api/v1/auth/login", "", "",
            QStringLiteral(R"({"email": "%1"})").arg(customer).toUtf8(), 422);
        row("GET /me", customer, get, "/api/v1/me", "", "", {}, 200);
        row("GET /me as operator", DemoAccounts::Operator, get, "/api/v1/me", "", "", {}, 200);
        row("GET /me anonymous (401)", none, get, "/api/v1/me", "", "", {}, 401);
        row("GET /admin/users", admin, get, "/api/v1/admin/users", "", "limit=2", {}, 200);
        row("GET /admin/users as customer (403)", customer, get, "/api/v1/admin/users", "", "", {}, 403);
        row("POST /admin/users", admin, post, "/api/v1/admin/users", "", "",
            R"({"email": "contract-op@example.com", "password": "contract-password", "name": "Op", "roles": ["operator"], "warehouse_ids": [1]})", 201);
        row("POST /admin/users no roles (422)", admin, post, "/api/v1/admin/users", "", "",
            R"({"email": "contract-x@example.com", "password": "contract-password", "name": "X"})", 422);
        row("PATCH /admin/users/{id}", admin, "PATCH", "/api/v1/admin/users/{id}", "new-user", "", R"({"name": "Renamed", "disabled": true})", 200);
        row("PATCH /admin/users/{id} missing (404)", admin, "PATCH", "/api/v1/admin/users/{id}", "missing-user", "", R"({"name": "Ghost"})", 404);
        // The delivery network (targets and %...% bodies: networkTarget, networkBody).
        const QString op = DemoAccounts::Operator;
        const QByteArray patch("PATCH");
        row("GET /serviceability, in stock", none, get, "/api/v1/serviceability", "stocked-item", "item=%ID%&pincode=560001", {}, 200);
        row("GET /serviceability, Lakshadweep", customer, get, "/api/v1/serviceability", "stocked-item", "item=%ID%&pincode=682555", {}, 200);
        row("GET /serviceability, out of stock", none, get, "/api/v1/serviceability", "unstocked-item", "item=%ID%&pincode=110001", {}, 200);
        row("GET /serviceability no pincode (422)", none, get, "/api/v1/serviceability", "item", "item=%ID%", {}, 422);
        row("GET /serviceability no item (422)", none, get, "/api/v1/serviceability", "", "pincode=560001", {}, 422);
        row("GET /serviceability bad pincode (422)", none, get, "/api/v1/serviceability", "item", "item=%ID%&pincode=012345", {}, 422);
        row("GET /serviceability unknown pincode (422)", none, get, "/api/v1/serviceability", "item", "item=%ID%&pincode=999999", {}, 422);
        row("GET /serviceability unknown item (404)", none, get, "/api/v1/serviceability", "missing-item", "item=%ID%&pincode=560001", {}, 404);
        row("GET /serviceability bad token (401)", QStringLiteral("garbage"), get, "/api/v1/serviceability", "item", "item=%ID%&pincode=560001", {}, 401);
        // Search (the answers' content: searchFollowsTheDocument; a 503: searchNotReadyFollowsTheDocument).
        static const QByteArray longQuery = "q=" + QByteArray(201, 'a');
        row("GET /search", none, get, "/api/v1/search", "", "q=tv", {}, 200);
        row("GET /search, a page with next", none, get, "/api/v1/search", "", "limit=2&q=tv", {}, 200);
        row("GET /search for a pincode, fastest", customer, get, "/api/v1/search", "", "limit=2&q=tv&pincode=560001&sort=fastest", {}, 200);
        row("GET /search filters only", none, get, "/api/v1/search", "televisions",
            "category=%ID%&brand=TCL&brand=samsung&attr.smart=true&attr.panel=LED&attr.panel=Mini-LED&price_min=0&price_max=20000000"
            "&sort=price_desc", {}, 200);
        row("GET /search misspelt", none, get, "/api/v1/search", "", "q=samsnug", {}, 200);
        row("GET /search nothing found", none, get, "/api/v1/search", "", "q=zzqxv+%22no+such+phrase%22", {}, 200);
        row("GET /search nothing to search for (422)", none, get, "/api/v1/search", "", "", {}, 422);
        row("GET /search bad parameters (422)", none, get, "/api/v1/search", "", "q=tv&limit=0&sort=cheapest&colour=red", {}, 422);
        row("GET /search unknown pincode, attribute and cursor (422)", none, get, "/api/v1/search", "",
            "q=tv&pincode=999999&attr.flavour=mango&after=garbage", {}, 422);
        row("GET /search fastest without a pincode (422)", none, get, "/api/v1/search", "", "q=tv&sort=fastest", {}, 422);
        row("GET /search bad token (401)", QStringLiteral("garbage"), get, "/api/v1/search", "", "q=tv", {}, 401);
        row("GET /search/suggest", none, get, "/api/v1/search/suggest", "", "q=sam", {}, 200);
        row("GET /search/suggest after a word", customer, get, "/api/v1/search/suggest", "", "q=smart+t", {}, 200);
        row("GET /search/suggest nothing typed", none, get, "/api/v1/search/suggest", "", "", {}, 200);
        row("GET /search/suggest too long (422)", none, get, "/api/v1/search/suggest", "", longQuery.constData(), {}, 422);
        // The route does not read the token today (200); whatever it answers must be documented.
        row("GET /search/suggest bad token", QStringLiteral("garbage"), get, "/api/v1/search/suggest", "", "q=sam", {}, 0);
        row("GET /warehouses as operator", op, get, "/api/v1/warehouses", "", "", {}, 200);
        row("GET /warehouses as admin", admin, get, "/api/v1/warehouses", "", "", {}, 200);
        row("GET /warehouses as customer (403)", customer, get, "/api/v1/warehouses", "", "", {}, 403);
        row("GET /warehouses anonymous (401)", none, get, "/api/v1/warehouses", "", "", {}, 401);
        row("POST /warehouses", admin, post, "/api/v1/warehouses", "", "",
            R"({"code": "CT-W%N%", "name": "Contract Warehouse", "pincode": "560001", "cutoff": "14:00", "handling_hours": 6})", 201);
        row("POST /warehouses duplicate code (409)", admin, post, "/api/v1/warehouses", "", "",
            R"({"code": "pnq-1", "name": "Second Pune", "pincode": "411001", "cutoff": "14:00", "handling_hours": 6})", 409);
        row("POST /warehouses bad cutoff (422)", admin, post, "/api/v1/warehouses", "", "",
            R"({"code": "CT-W%N%", "name": "Bad", "pincode": "560001", "cutoff": "24:00", "handling_hours": 6})", 422);
        row("POST /warehouses unknown pincode (422)", admin, post, "/api/v1/warehouses", "", "",
            R"({"code": "CT-W%N%", "name": "Bad", "pincode": "999999", "cutoff": "14:00", "handling_hours": 6})", 422);
        row("POST /warehouses as operator (403)", op, post, "/api/v1/warehouses", "", "",
            R"({"code": "CT-W%N%", "name": "Mine", "pincode": "560001", "cutoff": "14:00", "handling_hours": 6})", 403);
        row("POST /warehouses malformed (400)", admin, post, "/api/v1/warehouses", "", "", "{", 400);
        row("PATCH /warehouses/{id}", admin, patch, "/api/v1/warehouses/{id}", "new-warehouse", "",
            R"({"name": "Contract Renamed", "cutoff": "15:30", "active": false})", 200);
        row("PATCH /warehouses/{id} district (422)", admin, patch, "/api/v1/warehouses/{id}", "new-warehouse", "", R"({"district": "X"})", 422);
        row("PATCH /warehouses/{id} missing (404)", admin, patch, "/api/v1/warehouses/{id}", "missing-warehouse", "", R"({"name": "Ghost"})", 404);
        row("GET /warehouses/{id}/summary", op, get, "/api/v1/warehouses/{id}/summary", "warehouse", "", {}, 200);
        row("GET /warehouses/{id}/summary not assigned (403)", op, get, "/api/v1/warehouses/{id}/summary", "other-warehouse", "", {}, 403);
        row("GET /warehouses/{id}/summary missing (404)", admin, get, "/api/v1/warehouses/{id}/summary", "missing-warehouse", "", {}, 404);
        row("GET /warehouses/{id}/stock", op, get, "/api/v1/warehouses/{id}/stock", "warehouse", "limit=2", {}, 200);
        row("GET /warehouses/{id}/stock low", admin, get, "/api/v1/warehouses/{id}/stock", "warehouse", "low=true&q=a", {}, 200);
        row("GET /warehouses/{id}/stock low=maybe (422)", op, get, "/api/v1/warehouses/{id}/stock", "warehouse", "low=maybe", {}, 422);
        row("GET /warehouses/{id}/stock not assigned (403)", op, get, "/api/v1/warehouses/{id}/stock", "other-warehouse", "", {}, 403);
        row("POST /warehouses/{id}/receipts", op, post, "/api/v1/warehouses/{id}/receipts", "warehouse", "", "%RECEIPT%", 201);
        row("POST /warehouses/{id}/receipts not assigned (403)", op, post, "/api/v1/warehouses/{id}/receipts", "other-warehouse", "", "%RECEIPT%", 403);
        row("POST /warehouses/{id}/receipts missing (404)", op, post, "/api/v1/warehouses/{id}/receipts", "missing-warehouse", "", "%RECEIPT%", 404);
        row("POST /warehouses/{id}/receipts bad lines (422)", op, post, "/api/v1/warehouses/{id}/receipts", "warehouse", "",
            R"({"lines": [{"sku": "NO-SUCH-SKU", "quantity": 1, "bin": "Z-99"}]})", 422);
        row("POST /warehouses/{id}/receipts sku and item_id (422)", op, post, "/api/v1/warehouses/{id}/receipts", "warehouse", "",
            R"({"lines": [{"sku": "A", "item_id": 1, "quantity": 0, "bin": "A-01"}]})", 422);
        row("POST /warehouses/{id}/receipts no lines (422)", op, post, "/api/v1/warehouses/{id}/receipts", "warehouse", "", R"({"lines": []})", 422);
        row("GET /warehouses/{id}/fulfilment", op, get, "/api/v1/warehouses/{id}/fulfilment", "warehouse", "limit=2", {}, 200);
        row("GET /warehouses/{id}/fulfilment as admin", admin, get, "/api/v1/warehouses/{id}/fulfilment", "other-warehouse", "", {}, 200);
        row("GET /warehouses/{id}/fulfilment not assigned (403)", op, get, "/api/v1/warehouses/{id}/fulfilment", "other-warehouse", "", {}, 403);
        row("GET /warehouses/{id}/fulfilment bad cursor (422)", op, get, "/api/v1/warehouses/{id}/fulfilment", "warehouse", "after=garbage", {}, 422);
        row("POST /shipments/{id}/status", op, post, "/api/v1/shipments/{id}/status", "shipment", "", R"({"status": "%NEXT%"})", 200);
        row("POST /shipments/{id}/status skipping (409)", op, post, "/api/v1/shipments/{id}/status", "shipment", "", R"({"status": "delivered"})", 409);
        row("POST /shipments/{id}/status cancelled (422)", op, post, "/api/v1/shipments/{id}/status", "shipment", "", R"({"status": "cancelled"})", 422);
        row("POST /shipments/{id}/status not assigned (403)", op, post, "/api/v1/shipments/{id}/status", "other-shipment", "", R"({"status": "%NEXT%"})", 403);
        row("POST /shipments/{id}/status missing (404)", admin, post, "/api/v1/shipments/{id}/status", "missing-shipment", "", R"({"status": "picked"})", 404);
        row("GET /couriers", op, get, "/api/v1/couriers", "", "", {}, 200);
        row("GET /couriers as customer (403)", customer, get, "/api/v1/couriers", "", "", {}, 403);
        row("POST /couriers", admin, post, "/api/v1/couriers", "", "",
            R"({"code": "CT-K%N%", "name": "Contract Courier", "speed_kmph": 45, "coverage": [
                {"state": "Karnataka", "service_level": "express"},
                {"state": "Kerala", "district": "Ernakulam", "service_level": "standard"},
                {"pincode": "110001", "service_level": "express"}]})", 201);
        row("POST /couriers bad service level (422)", admin, post, "/api/v1/couriers", "", "",
            R"({"code": "CT-K%N%", "name": "Bad", "speed_kmph": 45, "coverage": [{"state": "Goa", "service_level": "overnight"}]})", 422);
        row("POST /couriers as operator (403)", op, post, "/api/v1/couriers", "", "",
            R"({"code": "CT-K%N%", "name": "Mine", "speed_kmph": 45})", 403);
        row("PATCH /couriers/{id}", admin, patch, "/api/v1/couriers/{id}", "new-courier", "",
            R"({"speed_kmph": 50, "coverage": [{"pincode": "560001", "service_level": "standard"}]})", 200);
        row("PATCH /couriers/{id} speed 0 (422)", admin, patch, "/api/v1/couriers/{id}", "new-courier", "", R"({"speed_kmph": 0})", 422);
        row("PATCH /couriers/{id} missing (404)", admin, patch, "/api/v1/couriers/{id}", "missing-courier", "", R"({"name": "Ghost"})", 404);
        row("GET /hubs", admin, get, "/api/v1/hubs", "", "limit=3", {}, 200);
        row("GET /hubs limit=1001 (422)", admin, get, "/api/v1/hubs", "", "limit=1001", {}, 422);
        row("GET /hubs as operator (403)", op, get, "/api/v1/hubs", "", "", {}, 403);
        row("GET /lanes", admin, get, "/api/v1/lanes", "", "limit=3", {}, 200);
        row("GET /lanes bad cursor (422)", admin, get, "/api/v1/lanes", "courier", "courier=%ID%&after=garbage", {}, 422);
        row("GET /lanes of a courier", admin, get, "/api/v1/lanes", "courier", "courier=%ID%", {}, 200);
        row("GET /lanes courier=0 (422)", admin, get, "/api/v1/lanes", "", "courier=0", {}, 422);
        row("POST /lanes", admin, post, "/api/v1/lanes", "", "", "%LANE%", 201);
        row("POST /lanes duplicate (409)", admin, post, "/api/v1/lanes", "", "", "%DUPLANE%", 409);
        row("POST /lanes one hub (422)", admin, post, "/api/v1/lanes", "", "",
            R"({"courier_id": 1, "from_hub_id": 1, "to_hub_id": 1, "transit_hours": 5})", 422);
        row("POST /lanes as operator (403)", op, post, "/api/v1/lanes", "", "",
            R"({"courier_id": 1, "from_hub_id": 1, "to_hub_id": 2, "transit_hours": 5})", 403);
        row("PATCH /lanes/{id}", admin, patch, "/api/v1/lanes/{id}", "new-lane", "", R"({"transit_hours": 12, "active": false})", 200);
        row("PATCH /lanes/{id} its hubs (422)", admin, patch, "/api/v1/lanes/{id}", "new-lane", "", R"({"from_hub_id": 2})", 422);
        row("PATCH /lanes/{id} missing (404)", admin, patch, "/api/v1/lanes/{id}", "missing-lane", "", R"({"active": true})", 404);
        row("DELETE /lanes/{id}", admin, "DELETE", "/api/v1/lanes/{id}", "new-lane", "", {}, 204);
        row("DELETE /lanes/{id} missing (404)", admin, "DELETE", "/api/v1/lanes/{id}", "missing-lane", "", {}, 404);
        row("DELETE /lanes/{id} as operator (403)", op, "DELETE", "/api/v1/lanes/{id}", "new-lane", "", {}, 403);
        // Cart, wishlist and orders (the whole way through: cartAndOrdersFollowTheDocument).
        const QByteArray put("PUT"), del("DELETE");
        const QByteArray checkout = R"({"pincode": "110001", "address": "12 Janpath, New Delhi", "payment": "cod"})";
        row("GET /cart", customer, get, "/api/v1/cart", "", "", {}, 200);
        row("GET /cart for a pincode", customer, get, "/api/v1/cart", "", "pincode=682555", {}, 200);
        row("GET /cart bad pincode (422)", customer, get, "/api/v1/cart", "", "pincode=012345", {}, 422);
        row("GET /cart as supplier (403)", supplier, get, "/api/v1/cart", "", "", {}, 403);
        row("GET /cart anonymous (401)", none, get, "/api/v1/cart", "", "", {}, 401);
        row("PUT /cart/items/{id}", customer, put, "/api/v1/cart/items/{id}", "stocked-item", "", R"({"quantity": 2})", 200);
        row("PUT /cart/items/{id} quantity 11 (422)", customer, put, "/api/v1/cart/items/{id}", "stocked-item", "", R"({"quantity": 11})", 422);
        row("PUT /cart/items/{id} malformed (400)", customer, put, "/api/v1/cart/items/{id}", "stocked-item", "", "{", 400);
        row("PUT /cart/items/{id} missing (404)", customer, put, "/api/v1/cart/items/{id}", "missing-item", "", R"({"quantity": 1})", 404);
        row("PUT /cart/items/{id} as admin (403)", admin, put, "/api/v1/cart/items/{id}", "stocked-item", "", R"({"quantity": 1})", 403);
        row("DELETE /cart/items/{id}", customer, del, "/api/v1/cart/items/{id}", "stocked-item", "", {}, 200);
        row("DELETE /cart/items/{id} not in the cart (404)", customer, del, "/api/v1/cart/items/{id}", "stocked-item", "", {}, 404);
        row("POST /cart/merge", customer, post, "/api/v1/cart/merge", "stocked-item", "",
            R"({"lines": [{"item_id": %ID%, "quantity": 1}, {"item_id": 999999999, "quantity": 2}]})", 200);
        row("POST /cart/merge bad lines (422)", customer, post, "/api/v1/cart/merge", "", "",
            R"({"lines": [{"item_id": 0, "quantity": 11}, {"sku": "A"}]})", 422);
        row("POST /cart/merge as operator (403)", op, post, "/api/v1/cart/merge", "", "", R"({"lines": []})", 403);
        row("GET /wishlist", customer, get, "/api/v1/wishlist", "", "", {}, 200);
        row("GET /wishlist as operator (403)", op, get, "/api/v1/wishlist", "", "", {}, 403);
        row("PUT /wishlist/items/{id}", customer, put, "/api/v1/wishlist/items/{id}", "stocked-item", "", {}, 200);
        row("PUT /wishlist/items/{id} again", customer, put, "/api/v1/wishlist/items/{id}", "stocked-item", "", {}, 200);
        row("PUT /wishlist/items/{id} missing (404)", customer, put, "/api/v1/wishlist/items/{id}", "missing-item", "", {}, 404);
        row("POST /wishlist/items/{id}/move-to-cart", customer, post, "/api/v1/wishlist/items/{id}/move-to-cart", "stocked-item", "", {}, 200);
        row("POST /wishlist/items/{id}/move-to-cart not in it (404)", customer, post, "/api/v1/wishlist/items/{id}/move-to-cart",
            "stocked-item", "", {}, 404);
        row("DELETE /wishlist/items/{id} not in it (404)", customer, del, "/api/v1/wishlist/items/{id}", "stocked-item", "", {}, 404);
        row("DELETE /wishlist/items/{id} as admin (403)", admin, del, "/api/v1/wishlist/items/{id}", "stocked-item", "", {}, 403);
        row("POST /orders as supplier (403)", supplier, post, "/api/v1/orders", "", "", checkout, 403);
        row("POST /orders malformed (400)", customer, post, "/api/v1/orders", "", "", "[", 400);
        row("POST /orders bad fields (422)", customer, post, "/api/v1/orders", "", "",
            R"({"pincode": "012345", "address": "   ", "payment": "card", "coupon": "FREE"})", 422);
        row("POST /orders unknown pincode (422)", customer, post, "/api/v1/orders", "", "",
            R"({"pincode": "999999", "address": "Nowhere", "payment": "cod"})", 422);
        row("GET /orders", customer, get, "/api/v1/orders", "", "", {}, 200);
        row("GET /orders as operator", op, get, "/api/v1/orders", "", "", {}, 200);
        row("GET /orders as admin", admin, get, "/api/v1/orders", "", "limit=5", {}, 200);
        row("GET /orders bad cursor (422)", customer, get, "/api/v1/orders", "", "after=garbage", {}, 422);
        row("GET /orders limit=101 (422)", admin, get, "/api/v1/orders", "", "limit=101", {}, 422);
        row("GET /orders as supplier (403)", supplier, get, "/api/v1/orders", "", "", {}, 403);
        row("GET /orders/{id} missing (404)", admin, get, "/api/v1/orders/{id}", "missing-order", "", {}, 404);
        row("GET /orders/{id} as supplier (403)", supplier, get, "/api/v1/orders/{id}", "missing-order", "", {}, 403);
        row("POST /orders/{id}/cancel missing (404)", customer, post, "/api/v1/orders/{id}/cancel", "missing-order", "", {}, 404);
        row("POST /orders/{id}/cancel as operator (403)", op, post, "/api/v1/orders/{id}/cancel", "missing-order", "", {}, 403);
        row("POST /orders/{id}/payment missing (404)", customer, post, "/api/v1/orders/{id}/payment", "missing-order", "",
            R"({"card_number": "4111 1111 1111 1111"})", 404);
        row("POST /orders/{id}/payment letters (422)", customer, post, "/api/v1/orders/{id}/payment", "missing-order", "",
            R"({"card_number": "4111-1111-1111-1111"})", 422);
        row("POST /orders/{id}/payment as admin (403)", admin, post, "/api/v1/orders/{id}/payment", "missing-order", "",
            R"({"card_number": "4111 1111 1111 1111"})", 403);
        row("GET /healthz", none, get, "/healthz", "", "", {}, 200);
        row("GET /readyz", none, get, "/readyz", "", "", {}, 0); // 200, or 503 while a consumer catches up
        row("GET /metrics", none, get, "/metrics", "", "", {}, 200);
        row("GET /api/v1/openapi.json", none, get, "/api/v1/openapi.json", "", "", {}, 200);
    }
    void responsesMatchTheDocument()
    {
        QFETCH(QString, caller);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, target);
        QFETCH(QString, query);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        const Fixture f = fixture(server);
        QVERIFY(f.itemId > 0 && f.userId > 0 && f.televisions > 0);
        static int serial = 0;
        const QByteArray tv = tvBody(f.televisions, QStringLiteral("CONTRACT-%1").arg(++serial));
        body.replace("%TV%", tv);

        qint64 id = 0;
        if (target == QLatin1String("item")) {
            id = f.itemId;
        } else if (target == QLatin1String("televisions")) {
            id = f.televisions;
        } else if (target == QLatin1String("missing-item")) {
            id = f.missingItem;
        } else if (target == QLatin1String("missing-user")) {
            id = f.missingUser;
        } else if (target == QLatin1String("own-item")) {
            ApiCall owner(server->url());
            owner.login(DemoAccounts::Supplier, DemoAccounts::Password);
            const ApiResponse created = owner.send("POST", paths::items(), tvBody(f.televisions, QStringLiteral("CONTRACT-OWN-%1").arg(++serial)));
            QCOMPARE(created.status, 201);
            id = created.json().value(QStringLiteral("id")).toInteger();
        } else if (target == QLatin1String("new-user")) {
            ApiCall admin(server->url());
            admin.login(DemoAccounts::Admin, DemoAccounts::Password);
            const ApiResponse created = admin.postJson(paths::adminUsers(), {{QStringLiteral("email"), QStringLiteral("contract-%1@example.com").arg(++serial)},
                                                                             {QStringLiteral("password"), QStringLiteral("contract-password")},
                                                                             {QStringLiteral("name"), QStringLiteral("Contract")},
                                                                             {QStringLiteral("roles"), QJsonArray{QStringLiteral("supplier")}}});
            QCOMPARE(created.status, 201);
            id = created.json().value(QStringLiteral("id")).toInteger();
        }
        QString failure;
        if (!target.isEmpty() && !id) {
            id = networkTarget(server, target, body, &failure);
            QVERIFY2(id > 0, qPrintable(target + QStringLiteral(": ") + failure));
        }
        networkBody(server, body, &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QString concrete = path;
        concrete.replace(QLatin1String("{id}"), QString::number(id));
        query.replace(QLatin1String("%ID%"), QString::number(id));
        body.replace("%ID%", QByteArray::number(id));

        if (path.startsWith(paths::search()))
            QVERIFY2(waitUntilSearchable(server->url()), "the search index was not built within a minute");
        ApiCall api(server->url());
        if (caller == QLatin1String("garbage"))
            api.setToken("garbage");
        else if (!caller.isEmpty())
            QVERIFY(!api.login(caller, DemoAccounts::Password).isEmpty());
        const ApiResponse r = api.send(method, concrete, body, "application/json", {}, QUrlQuery(query));
        if (status != 0)
            QVERIFY2(r.status == status, qPrintable(QStringLiteral("%1, expected %2: %3").arg(r.status).arg(status).arg(QString::fromUtf8(r.body.left(400)))));
        const QStringList errors = conformance(*doc, r, path, method);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        if (r.status == 422)
            QVERIFY2(!r.json().value(QStringLiteral("errors")).toArray().isEmpty(), "a 422 names its fields");
        if (r.status == 200 && query.startsWith(QLatin1String("limit=")) && query != QLatin1String("limit=5"))
            QVERIFY2(r.json().value(QStringLiteral("next")).isString(), "a full page has a next cursor");
    }

private:
    // One request of a scenario: sent, its status compared and its answer checked against the
    // document; what is wrong goes to `failures`.
    static ApiResponse exchange(const SchemaChecker &doc, QStringList &failures, ApiCall &api, const QByteArray &method,
                                const QString &templatePath, qint64 id, const QByteArray &body, int status,
                                const HeaderList &headers, const QUrlQuery &query)
    {
        QString concrete = templatePath;
        concrete.replace(QLatin1String("{id}"), QString::number(id));
        const ApiResponse r = api.send(method, concrete, body, "application/json", headers, query);
        const QString what = QString::fromLatin1(method) + QLatin1Char(' ') + concrete
            + (query.isEmpty() ? QString() : QString(QLatin1Char('?') + query.toString()));
        if (r.status != status)
            failures << what + QStringLiteral(": %1, expected %2: %3").arg(r.status).arg(status).arg(QString::fromUtf8(r.body.left(400)));
        for (const QString &e : conformance(doc, r, templatePath, method))
            failures << what + QStringLiteral(": ") + e;
        if (r.status == 422 && r.json().value(QStringLiteral("errors")).toArray().isEmpty())
            failures << what + QStringLiteral(": a 422 names its fields");
        return r;
    }

    // A new customer in Delhi (110001), logged in on `api`.
    static bool newCustomer(ApiCall &api)
    {
        static int serial = 0;
        const QString email = QStringLiteral("contract-buyer-%1@example.com").arg(++serial);
        const ApiResponse r = api.postJson(paths::register_(), {{QStringLiteral("email"), email},
                                                                {QStringLiteral("password"), DemoAccounts::Password},
                                                                {QStringLiteral("name"), QStringLiteral("Contract Buyer")},
                                                                {QStringLiteral("pincode"), QStringLiteral("110001")}});
        return r.status == 201 && !api.login(email, DemoAccounts::Password).isEmpty();
    }

    static QStringList fieldsOf(const ApiResponse &r)
    {
        QStringList fields;
        for (const QJsonValue &e : r.json().value(QStringLiteral("errors")).toArray())
            fields << e.toObject().value(QStringLiteral("field")).toString();
        return fields;
    }

private Q_SLOTS:
    // Cart, wishlist and orders, a customer's whole way through them (and another customer's
    // shortage), every answer checked against the document.
    void cartAndOrdersFollowTheDocument()
    {
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        const QString db = server->databaseUrl();
        // Stock in Delhi for a Delhi customer, and an item no warehouse holds.
        const qint64 stocked = scalar(db, QStringLiteral("SELECT MIN(s.item_id) FROM stock s JOIN warehouses w ON w.id = s.warehouse_id "
                                                         "JOIN items i ON i.id = s.item_id WHERE w.code = 'DEL-1' AND i.status = 'active' "
                                                         "AND s.on_hand - s.reserved > 5")).toLongLong();
        const qint64 unstocked = scalar(db, QStringLiteral("SELECT MIN(i.id) FROM items i WHERE i.status = 'active' AND NOT EXISTS "
                                                           "(SELECT 1 FROM stock s WHERE s.item_id = i.id AND s.on_hand > s.reserved)")).toLongLong();
        const qint64 missingItem = scalar(db, QStringLiteral("SELECT MAX(id) FROM items")).toLongLong() + 1000;
        QVERIFY(stocked > 0 && unstocked > 0);

        QStringList failures;
        const auto call = [&](ApiCall &api, const char *method, const char *path, qint64 id, const QByteArray &body, int status,
                              const HeaderList &headers = {}, const QString &query = {}) {
            return exchange(*doc, failures, api, QByteArray(method), QString::fromLatin1(path), id, body, status, headers, QUrlQuery(query));
        };
        const auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        const auto checkout = [&](const char *payment) {
            return json({{QStringLiteral("pincode"), QStringLiteral("110001")},
                         {QStringLiteral("address"), QStringLiteral("12 Janpath, New Delhi")},
                         {QStringLiteral("payment"), QLatin1String(payment)}});
        };
        const auto card = [&](const char *number) { return json({{QStringLiteral("card_number"), QLatin1String(number)}}); };
        const auto quantity = [&](int n) { return json({{QStringLiteral("quantity"), n}}); };
        const auto lines = [](const ApiResponse &r) { return r.json().value(QStringLiteral("lines")).toArray(); };
        const auto items = [](const ApiResponse &r) { return r.json().value(QStringLiteral("items")).toArray(); };
        const auto str = [](const QJsonValue &v, const char *key) { return v.toObject().value(QLatin1String(key)).toString(); };
        const auto num = [](const QJsonValue &v, const char *key) { return v.toObject().value(QLatin1String(key)).toInteger(); };
#define CONFORMS() QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))))

        ApiCall buyer(server->url()), other(server->url()), admin(server->url()), op(server->url());
        QVERIFY(newCustomer(buyer));
        QVERIFY(newCustomer(other));
        QVERIFY(!admin.login(DemoAccounts::Admin, DemoAccounts::Password).isEmpty());
        QVERIFY(!op.login(DemoAccounts::Operator, DemoAccounts::Password).isEmpty());

        // An empty cart, for the account's pincode; ordering it answers 422 naming the cart.
        ApiResponse r = call(buyer, "GET", "/api/v1/cart", 0, {}, 200);
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("pincode")).toString(), QStringLiteral("110001"));
        QVERIFY(lines(r).isEmpty());
        r = call(buyer, "POST", "/api/v1/orders", 0, checkout("cod"), 422);
        CONFORMS();
        QCOMPARE(fieldsOf(r), QStringList{QStringLiteral("cart")});

        // Into the cart: one unit, one more from the wishlist, one merged (an unknown item skipped).
        r = call(buyer, "PUT", "/api/v1/cart/items/{id}", stocked, quantity(1), 200);
        CONFORMS();
        QCOMPARE(lines(r).size(), 1);
        QCOMPARE(num(lines(r).at(0), "item_id"), stocked);
        QVERIFY2(lines(r).at(0).toObject().value(QStringLiteral("deliverable")).toBool(), r.body.constData());
        QVERIFY(lines(r).at(0).toObject().value(QStringLiteral("delivery")).isObject());
        call(buyer, "PUT", "/api/v1/wishlist/items/{id}", stocked, {}, 200);
        r = call(buyer, "GET", "/api/v1/wishlist", 0, {}, 200);
        CONFORMS();
        QCOMPARE(items(r).size(), 1);
        QCOMPARE(num(items(r).at(0), "item_id"), stocked);
        r = call(buyer, "POST", "/api/v1/wishlist/items/{id}/move-to-cart", stocked, {}, 200);
        CONFORMS();
        QCOMPARE(num(lines(r).at(0), "quantity"), 2);
        call(buyer, "DELETE", "/api/v1/wishlist/items/{id}", stocked, {}, 404); // moved: no longer there
        call(buyer, "PUT", "/api/v1/wishlist/items/{id}", unstocked, {}, 200);
        r = call(buyer, "DELETE", "/api/v1/wishlist/items/{id}", unstocked, {}, 200);
        CONFORMS();
        QVERIFY(items(r).isEmpty());
        r = call(buyer, "POST", "/api/v1/cart/merge", 0,
                 json({{QStringLiteral("lines"), QJsonArray{QJsonObject{{QStringLiteral("item_id"), stocked}, {QStringLiteral("quantity"), 1}},
                                                            QJsonObject{{QStringLiteral("item_id"), missingItem}, {QStringLiteral("quantity"), 3}}}}}),
                 200);
        CONFORMS();
        QCOMPARE(lines(r).size(), 1);
        QCOMPARE(num(lines(r).at(0), "quantity"), 3);
        r = call(buyer, "GET", "/api/v1/cart", 0, {}, 200, {}, QStringLiteral("pincode=682555"));
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("pincode")).toString(), QStringLiteral("682555"));
        r = call(buyer, "PUT", "/api/v1/cart/items/{id}", stocked, quantity(2), 200);
        CONFORMS();
        const QJsonObject line = lines(r).at(0).toObject();
        QCOMPARE(num(line.value(QStringLiteral("line_total")), "amount"), 2 * num(line.value(QStringLiteral("unit_price")), "amount"));
        QCOMPARE(num(r.json().value(QStringLiteral("total")), "amount"), num(line.value(QStringLiteral("line_total")), "amount"));

        // Checkout with an Idempotency-Key: 201 and Location, the cart emptied; a retry answers 200
        // with the same order; the key with another body 409; a key over 100 characters 422.
        static int serial = 0;
        const HeaderList key{{"Idempotency-Key", "contract-checkout-" + QByteArray::number(++serial)}};
        r = call(buyer, "POST", "/api/v1/orders", 0, checkout("cod"), 201, key);
        CONFORMS();
        const qint64 codOrder = r.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(QString::fromLatin1(r.header("Location")), paths::order(codOrder));
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("placed"));
        QCOMPARE(r.json().value(QStringLiteral("payment_status")).toString(), QStringLiteral("pending"));
        QCOMPARE(lines(r).size(), 1);
        QCOMPARE(num(lines(r).at(0), "quantity"), 2);
        const QJsonArray codShipments = r.json().value(QStringLiteral("shipments")).toArray();
        QVERIFY(!codShipments.isEmpty());
        for (const QJsonValue &s : codShipments)
            QCOMPARE(num(s, "order_id"), codOrder);
        r = call(buyer, "GET", "/api/v1/cart", 0, {}, 200);
        QVERIFY(lines(r).isEmpty());
        r = call(buyer, "POST", "/api/v1/orders", 0, checkout("cod"), 200, key);
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("id")).toInteger(), codOrder);
        QCOMPARE(QString::fromLatin1(r.header("Location")), paths::order(codOrder));
        call(buyer, "POST", "/api/v1/orders", 0, checkout("prepaid"), 409, key);
        r = call(buyer, "POST", "/api/v1/orders", 0, checkout("cod"), 422, {{"Idempotency-Key", QByteArray(101, 'k')}});
        CONFORMS();
        QCOMPARE(fieldsOf(r), QStringList{QStringLiteral("Idempotency-Key")});

        // Without a key: a prepaid order.
        call(buyer, "PUT", "/api/v1/cart/items/{id}", stocked, quantity(1), 200);
        r = call(buyer, "POST", "/api/v1/orders", 0, checkout("prepaid"), 201);
        CONFORMS();
        const qint64 prepaidOrder = r.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(r.json().value(QStringLiteral("payment")).toString(), QStringLiteral("prepaid"));

        // Newest first, a page at a time; who sees which order.
        r = call(buyer, "GET", "/api/v1/orders", 0, {}, 200);
        CONFORMS();
        QCOMPARE(idsOf(r), (QList<qint64>{prepaidOrder, codOrder}));
        QVERIFY(r.json().value(QStringLiteral("next")).isNull());
        r = call(buyer, "GET", "/api/v1/orders", 0, {}, 200, {}, QStringLiteral("limit=1"));
        CONFORMS();
        QCOMPARE(idsOf(r), QList<qint64>{prepaidOrder});
        const QString next = r.json().value(QStringLiteral("next")).toString();
        QVERIFY(!next.isEmpty());
        r = call(buyer, "GET", "/api/v1/orders", 0, {}, 200, {}, QStringLiteral("limit=1&after=") + next);
        CONFORMS();
        QCOMPARE(idsOf(r), QList<qint64>{codOrder});
        call(buyer, "GET", "/api/v1/orders/{id}", prepaidOrder, {}, 200);
        call(other, "GET", "/api/v1/orders/{id}", prepaidOrder, {}, 404);
        r = call(other, "GET", "/api/v1/orders", 0, {}, 200);
        QVERIFY(items(r).isEmpty());
        call(admin, "GET", "/api/v1/orders/{id}", prepaidOrder, {}, 200);
        r = call(admin, "GET", "/api/v1/orders", 0, {}, 200);
        CONFORMS();
        QVERIFY(idsOf(r).contains(prepaidOrder));

        // The simulated gateway: a declined card, then one that pays; then nothing more to pay.
        call(buyer, "POST", "/api/v1/orders/{id}/payment", codOrder, card("4111 1111 1111 1111"), 409);
        r = call(buyer, "POST", "/api/v1/orders/{id}/payment", prepaidOrder, card("4111 1111 1111 1112"), 422); // Luhn
        CONFORMS();
        QCOMPARE(fieldsOf(r), QStringList{QStringLiteral("card_number")});
        r = call(buyer, "POST", "/api/v1/orders/{id}/payment", prepaidOrder, card("4000 0000 0000 0002"), 200);
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("payment_status")).toString(), QStringLiteral("failed"));
        r = call(buyer, "POST", "/api/v1/orders/{id}/payment", prepaidOrder, card("4111111111111111"), 200);
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("payment_status")).toString(), QStringLiteral("paid"));
        call(buyer, "POST", "/api/v1/orders/{id}/payment", prepaidOrder, card("4111111111111111"), 409);
        call(other, "POST", "/api/v1/orders/{id}/payment", prepaidOrder, card("4111111111111111"), 404);

        // Cancelling: the customer (or an admin), once; a retry of the first checkout now answers
        // the cancelled order.
        call(op, "POST", "/api/v1/orders/{id}/cancel", codOrder, {}, 403);
        call(other, "POST", "/api/v1/orders/{id}/cancel", codOrder, {}, 404);
        r = call(buyer, "POST", "/api/v1/orders/{id}/cancel", codOrder, {}, 200);
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        for (const QJsonValue &s : r.json().value(QStringLiteral("shipments")).toArray())
            QCOMPARE(str(s, "status"), QStringLiteral("cancelled"));
        call(buyer, "POST", "/api/v1/orders/{id}/cancel", codOrder, {}, 409);
        call(buyer, "POST", "/api/v1/orders/{id}/payment", codOrder, card("4111111111111111"), 409);
        r = call(buyer, "POST", "/api/v1/orders", 0, checkout("cod"), 200, key);
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));

        // Shipped (placed -> packed, picking skipped, -> shipped): no longer cancelled.
        call(buyer, "PUT", "/api/v1/cart/items/{id}", stocked, quantity(1), 200);
        r = call(buyer, "POST", "/api/v1/orders", 0, checkout("cod"), 201);
        CONFORMS();
        const qint64 shippedOrder = r.json().value(QStringLiteral("id")).toInteger();
        for (const QJsonValue &s : r.json().value(QStringLiteral("shipments")).toArray()) {
            r = call(admin, "POST", "/api/v1/shipments/{id}/status", num(s, "id"), R"({"status": "packed"})", 200);
            QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("packed"));
            call(admin, "POST", "/api/v1/shipments/{id}/status", num(s, "id"), R"({"status": "shipped"})", 200);
        }
        r = call(buyer, "GET", "/api/v1/orders/{id}", shippedOrder, {}, 200);
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("shipped"));
        call(buyer, "POST", "/api/v1/orders/{id}/cancel", shippedOrder, {}, 409);
        call(admin, "POST", "/api/v1/orders/{id}/cancel", shippedOrder, {}, 409);

        // Short of stock: 409 naming the line that cannot be had; nothing changes.
        call(other, "PUT", "/api/v1/cart/items/{id}", unstocked, quantity(1), 200);
        call(other, "PUT", "/api/v1/cart/items/{id}", stocked, quantity(1), 200);
        r = call(other, "POST", "/api/v1/orders", 0, checkout("cod"), 409);
        CONFORMS();
        QCOMPARE(fieldsOf(r), QStringList{QStringLiteral("cart.%1").arg(unstocked)});
        QVERIFY2(r.json().value(QStringLiteral("errors")).toArray().at(0).toObject().value(QStringLiteral("message")).toString()
                     .startsWith(QLatin1String("out_of_stock")),
                 r.body.constData());
        r = call(other, "GET", "/api/v1/cart", 0, {}, 200);
        CONFORMS();
        QCOMPARE(lines(r).size(), 2);
        r = call(other, "GET", "/api/v1/orders", 0, {}, 200);
        CONFORMS();
        QVERIFY(items(r).isEmpty());
#undef CONFORMS
    }

    // Search and completion: answers with and without a pincode, with facets, a second page, a
    // spelling suggestion and refusals, each checked against the document, and what the document
    // promises about their content.
    void searchFollowsTheDocument()
    {
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        QVERIFY2(waitUntilSearchable(server->url()), "the search index was not built within a minute");
        QStringList failures;
        ApiCall anonymous(server->url()), customer(server->url()), forged(server->url());
        QVERIFY(!customer.login(DemoAccounts::Customer, DemoAccounts::Password).isEmpty());
        forged.setToken("garbage");
        const auto call = [&](ApiCall &api, const QString &path, const QString &query, int status) {
            return exchange(*doc, failures, api, "GET", path, 0, {}, status, {}, QUrlQuery(query));
        };
        const auto search = [&](ApiCall &api, const QString &query, int status = 200) {
            return call(api, paths::search(), query, status);
        };
        const auto hits = [](const ApiResponse &r) { return r.json().value(QStringLiteral("items")).toArray(); };
        const auto facets = [](const ApiResponse &r) { return r.json().value(QStringLiteral("facets")).toObject(); };
        const auto facetLabels = [](const ApiResponse &r) { return r.json().value(QStringLiteral("facet_labels")).toObject(); };
        // What the schema cannot say (OpenAPI 3.0 has no rule for key names): each facet is named
        // after the parameter its values go back as, and facet_labels has the same names.
        const QStringList always{QStringLiteral("brand"), QStringLiteral("category"), QStringLiteral("price")};
        const QRegularExpression facetName(QStringLiteral("^(category|brand|price|attr\\..+)$"));
        const auto facetNames = [&](const ApiResponse &r) {
            const QStringList names = facets(r).keys();
            for (const QString &name : names) {
                if (!facetName.match(name).hasMatch())
                    failures << QStringLiteral("facet %1 is not a parameter: %2").arg(name, QString::fromUtf8(r.body));
            }
            if (facetLabels(r).keys() != names)
                failures << QStringLiteral("facet_labels do not name the facets: ") + QString::fromUtf8(r.body);
            for (const QString &name : always) {
                if (!names.contains(name))
                    failures << QStringLiteral("no %1 facet: %2").arg(name, QString::fromUtf8(r.body));
            }
            return names;
        };
#define CONFORMS() QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))))

        // Without a pincode: hits without delivery, and facets (category, brand, price, then the
        // televisions' attributes).
        ApiResponse r = search(anonymous, QStringLiteral("q=tv"));
        CONFORMS();
        QVERIFY2(!hits(r).isEmpty(), r.body.constData());
        QVERIFY(r.json().value(QStringLiteral("total")).toInteger() >= hits(r).size());
        for (const QJsonValue &h : hits(r))
            QVERIFY2(h.toObject().value(QStringLiteral("delivery")).isNull(), r.body.constData());
        const QStringList names = facetNames(r);
        CONFORMS();
        const auto firstAttribute = std::find_if(names.cbegin(), names.cend(),
                                                 [](const QString &n) { return n.startsWith(QLatin1String("attr.")); });
        QVERIFY2(firstAttribute != names.cend(), r.body.constData());
        for (const QString &name : names) {
            QVERIFY2(!facets(r).value(name).toArray().isEmpty(), r.body.constData());
            QVERIFY2(!facetLabels(r).value(name).toString().isEmpty(), r.body.constData());
        }
        QCOMPARE(facetLabels(r).value(QStringLiteral("category")).toString(), QStringLiteral("Category"));
        QCOMPARE(facetLabels(r).value(QStringLiteral("brand")).toString(), QStringLiteral("Brand"));
        QCOMPARE(facetLabels(r).value(QStringLiteral("price")).toString(), QStringLiteral("Price"));
        QVERIFY(r.json().value(QStringLiteral("suggestion")).isNull());
        const QString attribute = *firstAttribute;

        // Nothing found: category, brand and price are still there, with no values, and no attribute is.
        r = search(anonymous, QStringLiteral("q=zzqxv+%22no+such+phrase%22"));
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("total")).toInteger(), 0);
        QCOMPARE(facetNames(r), always);
        CONFORMS();
        for (const QString &name : always)
            QVERIFY2(facets(r).value(name).toArray().isEmpty(), r.body.constData());

        // With a pincode, a page at a time: every hit with its promise; the second page follows.
        r = search(customer, QStringLiteral("q=tv&pincode=560001&limit=2"));
        CONFORMS();
        QCOMPARE(hits(r).size(), 2);
        for (const QJsonValue &h : hits(r))
            QVERIFY2(h.toObject().value(QStringLiteral("delivery")).isObject(), r.body.constData());
        const QString next = r.json().value(QStringLiteral("next")).toString();
        QVERIFY2(!next.isEmpty(), r.body.constData());
        const QList<qint64> first = idsOf(r);
        r = search(customer, QStringLiteral("q=tv&pincode=560001&limit=2&after=") + next);
        CONFORMS();
        QVERIFY(!hits(r).isEmpty());
        for (qint64 id : idsOf(r))
            QVERIFY2(!first.contains(id), "a hit on two pages");

        // Fastest first, filtered by price; a filter alone, no words.
        r = search(anonymous, QStringLiteral("q=tv&pincode=110001&sort=fastest&price_min=1000000"));
        CONFORMS();
        qint64 soonest = 0;
        for (const QJsonValue &h : hits(r)) {
            const QJsonObject hit = h.toObject();
            QVERIFY(hit.value(QStringLiteral("price")).toObject().value(QStringLiteral("amount")).toInteger() >= 1000000);
            const qint64 eta = hit.value(QStringLiteral("delivery")).toObject().value(QStringLiteral("eta_days")).toInteger();
            QVERIFY2(eta >= soonest, r.body.constData());
            soonest = eta;
        }
        r = search(anonymous, QStringLiteral("brand=Samsung&brand=LG&sort=price_asc"));
        CONFORMS();
        QVERIFY2(!hits(r).isEmpty(), r.body.constData());

        // A ticked facet value finds as many as its count.
        r = search(anonymous, QStringLiteral("q=tv"));
        const QJsonObject value = facets(r).value(attribute).toArray().at(0).toObject();
        QUrlQuery ticked(QStringLiteral("q=tv"));
        ticked.addQueryItem(attribute, value.value(QStringLiteral("value")).toString());
        r = search(anonymous, ticked.toString());
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("total")).toInteger(), value.value(QStringLiteral("count")).toInteger());

        // Did you mean.
        r = search(anonymous, QStringLiteral("q=samsnug"));
        CONFORMS();
        QCOMPARE(r.json().value(QStringLiteral("suggestion")).toString(), QStringLiteral("samsung"));
        QVERIFY(r.json().value(QStringLiteral("next")).isNull());

        // Refusals: every wrong parameter named at once; a forged token.
        r = search(anonymous, QStringLiteral("q=tv&pincode=999999&attr.flavour=mango&after=garbage"), 422);
        CONFORMS();
        QStringList fields = fieldsOf(r);
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("after"), QStringLiteral("attr.flavour"), QStringLiteral("pincode")}));
        r = search(anonymous, QStringLiteral("q=tv&limit=101&price_min=5&price_max=4"), 422);
        CONFORMS();
        fields = fieldsOf(r);
        fields.sort();
        QCOMPARE(fields, (QStringList{QStringLiteral("limit"), QStringLiteral("price_min")}));
        search(forged, QStringLiteral("q=tv"), 401);
        CONFORMS();

        // Completion.
        r = call(anonymous, paths::searchSuggest(), QStringLiteral("q=sam"), 200);
        CONFORMS();
        QJsonArray completions = r.json().value(QStringLiteral("completions")).toArray();
        QVERIFY2(!completions.isEmpty() && completions.size() <= 10, r.body.constData());
        for (const QJsonValue &c : std::as_const(completions))
            QVERIFY2(c.toString().startsWith(QLatin1String("sam")), r.body.constData());
        r = call(customer, paths::searchSuggest(), QStringLiteral("q=smart+t"), 200);
        CONFORMS();
        completions = r.json().value(QStringLiteral("completions")).toArray();
        QVERIFY2(completions.contains(QStringLiteral("smart tv")), r.body.constData());
        for (const QJsonValue &c : std::as_const(completions))
            QVERIFY2(c.toString().startsWith(QLatin1String("smart t")), r.body.constData());
        r = call(anonymous, paths::searchSuggest(), QStringLiteral("q=s"), 200);
        CONFORMS();
        QVERIFY(r.json().value(QStringLiteral("completions")).toArray().isEmpty());
        r = call(anonymous, paths::searchSuggest(), QStringLiteral("q=") + QString(201, u'a'), 422);
        CONFORMS();
        QCOMPARE(fieldsOf(r), QStringList{QStringLiteral("q")});
#undef CONFORMS
    }

    // Document -> server: each documented operation is routed (answered, even if refused).
    void everyDocumentedOperationIsServed()
    {
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        const Fixture f = fixture(server);
        const QJsonObject pathsObject = doc->document().value(QStringLiteral("paths")).toObject();
        QVERIFY(pathsObject.size() >= 12);
        int operations = 0;
        QStringList failures;
        for (auto p = pathsObject.constBegin(); p != pathsObject.constEnd(); ++p) {
            QString concrete = p.key();
            concrete.replace(QLatin1String("{id}"),
                             QString::number(concrete.startsWith(QLatin1String("/api/v1/admin/users/")) ? f.userId : f.itemId));
            const QJsonObject item = p.value().toObject();
            for (auto m = item.constBegin(); m != item.constEnd(); ++m) {
                if (!HttpMethods.contains(m.key()))
                    continue;
                ++operations;
                const QByteArray method = m.key().toUpper().toLatin1();
                // Anonymous and without a body: nothing can change, and every route answers.
                ApiCall api(server->url());
                const ApiResponse r = api.send(method, concrete, {}, "application/json");
                const QString what = QString::fromLatin1(method) + QLatin1Char(' ') + p.key();
                if (isUnrouted(r))
                    failures << what + QStringLiteral(": documented but not served (%1)").arg(r.status);
                for (const QString &e : conformance(*doc, r, p.key(), method))
                    failures << what + QStringLiteral(": ") + e;
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QCOMPARE(operations, 52);
    }

    // Server -> document: every route of API.md that the server answers is documented. Routes
    // still to come are listed too: once the server answers one, this fails until it is documented.
    void everyServedRouteIsDocumented_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("servedToday");
        const auto route = [](const char *method, const char *path, bool today) {
            QTest::addRow("%s %s", method, path) << QByteArray(method) << QString::fromLatin1(path) << today;
        };
        route("POST", "/api/v1/auth/register", true);
        route("POST", "/api/v1/auth/login", true);
        route("GET", "/api/v1/me", true);
        route("POST", "/api/v1/admin/users", true);
        route("GET", "/api/v1/admin/users", true);
        route("PATCH", "/api/v1/admin/users/{id}", true);
        route("GET", "/api/v1/categories", true);
        route("GET", "/api/v1/items/{id}", true);
        route("GET", "/api/v1/items", true);
        route("POST", "/api/v1/items", true);
        route("PUT", "/api/v1/items/{id}", true);
        route("PATCH", "/api/v1/items/{id}", true);
        route("DELETE", "/api/v1/items/{id}", true);
        route("GET", "/healthz", true);
        route("GET", "/readyz", true);
        route("GET", "/metrics", true);
        route("GET", "/api/v1/openapi.json", true);
        route("POST", "/api/v1/supplier/submissions", true);
        route("GET", "/api/v1/supplier/submissions", true);
        route("GET", "/api/v1/supplier/submissions/{id}", true);
        route("GET", "/api/v1/serviceability", true);
        route("GET", "/api/v1/warehouses", true);
        route("POST", "/api/v1/warehouses", true);
        route("PATCH", "/api/v1/warehouses/{id}", true);
        route("GET", "/api/v1/warehouses/{id}/summary", true);
        route("GET", "/api/v1/warehouses/{id}/stock", true);
        route("POST", "/api/v1/warehouses/{id}/receipts", true);
        route("GET", "/api/v1/warehouses/{id}/fulfilment", true);
        route("POST", "/api/v1/shipments/{id}/status", true);
        route("GET", "/api/v1/couriers", true);
        route("POST", "/api/v1/couriers", true);
        route("PATCH", "/api/v1/couriers/{id}", true);
        route("GET", "/api/v1/hubs", true);
        route("GET", "/api/v1/lanes", true);
        route("POST", "/api/v1/lanes", true);
        route("PATCH", "/api/v1/lanes/{id}", true);
        route("DELETE", "/api/v1/lanes/{id}", true);
        // API.md writes {item_id}; the document names every path parameter {id}, as the server's routes do.
        route("GET", "/api/v1/cart", true);
        route("PUT", "/api/v1/cart/items/{id}", true);
        route("DELETE", "/api/v1/cart/items/{id}", true);
        route("POST", "/api/v1/cart/merge", true);
        route("GET", "/api/v1/wishlist", true);
        route("PUT", "/api/v1/wishlist/items/{id}", true);
        route("DELETE", "/api/v1/wishlist/items/{id}", true);
        route("POST", "/api/v1/wishlist/items/{id}/move-to-cart", true);
        route("POST", "/api/v1/orders", true);
        route("GET", "/api/v1/orders", true);
        route("GET", "/api/v1/orders/{id}", true);
        route("POST", "/api/v1/orders/{id}/cancel", true);
        route("POST", "/api/v1/orders/{id}/payment", true);
        route("GET", "/api/v1/search", true);
        route("GET", "/api/v1/search/suggest", true);
        // API.md routes not served yet.
        route("GET", "/api/v1/reports/trending", false);
        route("GET", "/api/v1/recommendations", false);
        // Methods API.md does not give these paths.
        route("DELETE", "/api/v1/admin/users/{id}", false);
        route("GET", "/api/v1/admin/users/{id}", false);
        route("PUT", "/api/v1/me", false);
        route("DELETE", "/api/v1/categories", false);
        route("GET", "/api/v1/warehouses/{id}", false);
        route("DELETE", "/api/v1/warehouses/{id}", false);
        route("GET", "/api/v1/couriers/{id}", false);
        route("DELETE", "/api/v1/couriers/{id}", false);
        route("GET", "/api/v1/lanes/{id}", false);
        route("GET", "/api/v1/shipments/{id}", false);
        route("DELETE", "/api/v1/cart", false);
        route("GET", "/api/v1/cart/items/{id}", false);
        route("GET", "/api/v1/wishlist/items/{id}", false);
        route("PATCH", "/api/v1/orders/{id}", false);
        route("DELETE", "/api/v1/orders/{id}", false);
        route("GET", "/api/v1/orders/{id}/payment", false);
        route("POST", "/api/v1/search", false);
    }
    void everyServedRouteIsDocumented()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(bool, servedToday);
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        const Fixture f = fixture(server);
        QString concrete = path;
        concrete.replace(QRegularExpression(QStringLiteral("\\{[a-z_]+\\}")),
                         QString::number(path.startsWith(QLatin1String("/api/v1/admin/users/")) ? f.userId : f.itemId));

        ApiCall api(server->url());
        const ApiResponse r = api.send(method, concrete, {}, "application/json");
        const bool served = !isUnrouted(r);
        const bool documented = doc->document().value(QStringLiteral("paths")).toObject().value(path).toObject()
                                    .contains(QString::fromLatin1(method.toLower()));
        if (servedToday)
            QVERIFY2(served, qPrintable(QStringLiteral("not served: %1 %2").arg(r.status).arg(QString::fromUtf8(r.body))));
        if (served)
            QVERIFY2(documented, "the server answers this route: add it to resources/openapi.json and docs/api-changelog.md");
        else
            QVERIFY2(!documented, "documented, but the server does not answer it");
    }

    // The routes the server itself reports in /metrics (after the probes above) are documented.
    void metricsRoutesAreDocumented()
    {
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        ApiCall api(server->url());
        const ApiResponse r = api.get(paths::metrics());
        QCOMPARE(r.status, 200);
        static const QRegularExpression label(QStringLiteral("route=\"([A-Z]+) ([^\"]+)\""));
        QSet<QString> routes;
        for (auto it = label.globalMatch(QString::fromUtf8(r.body)); it.hasNext();) {
            const auto m = it.next();
            routes.insert(m.captured(1) + QLatin1Char(' ') + m.captured(2));
        }
        QVERIFY2(routes.size() >= 10, qPrintable(QString::number(routes.size())));
        const QJsonObject pathsObject = doc->document().value(QStringLiteral("paths")).toObject();
        for (const QString &route : std::as_const(routes)) {
            const QString method = route.section(QLatin1Char(' '), 0, 0).toLower();
            const QString path = route.section(QLatin1Char(' '), 1);
            QVERIFY2(pathsObject.value(path).toObject().contains(method), qPrintable(route + QStringLiteral(" is not documented")));
        }
    }

    // While the node's search index is being built, /search and /search/suggest answer 503 as the
    // document says. A file where the index is built keeps it from being built; the server is
    // restarted over a removed index, then the file goes and the index comes back. Last: it
    // restarts the shared server.
    void searchNotReadyFollowsTheDocument()
    {
        PINCART_SERVER(m_servers, server);
        QString error;
        const auto doc = fetchDocument(server, &error);
        QVERIFY2(doc, qPrintable(error));
        QVERIFY(waitUntilSearchable(server->url()));
        server->stop();
        const QString index = server->dataDir() + QStringLiteral("/search");
        const QString blocker = index + QStringLiteral(".new");
        QVERIFY(QDir(index).removeRecursively());
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const auto unblock = qScopeGuard([&] { QFile::remove(blocker); });
        QVERIFY2(server->restart(), qPrintable(server->error()));

        QStringList failures;
        ApiCall api(server->url());
        ApiResponse r = exchange(*doc, failures, api, "GET", paths::search(), 0, {}, 503, {}, QUrlQuery(QStringLiteral("q=tv")));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY(!r.header("Retry-After").isEmpty());
        exchange(*doc, failures, api, "GET", paths::searchSuggest(), 0, {}, 503, {}, QUrlQuery(QStringLiteral("q=sam")));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        // Refused input is refused before the index is asked.
        exchange(*doc, failures, api, "GET", paths::search(), 0, {}, 422, {}, QUrlQuery(QStringLiteral("q=tv&limit=0")));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));

        QVERIFY(QFile::remove(blocker));
        QVERIFY2(waitUntilSearchable(server->url()), "the search index was not rebuilt");
        exchange(*doc, failures, api, "GET", paths::search(), 0, {}, 200, {}, QUrlQuery(QStringLiteral("q=tv")));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestContractApi)
#include "tst_api_contract.moc"

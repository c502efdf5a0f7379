// Supplier onboarding over real HTTP, on SQLite and MariaDB: CSV and JSON submissions, the
// onboarding consumer's results (exact accepted counts and errors), upserts by SKU, access.

#include "apitest.h"

#include "apipaths.h"
#include "codecs.h"

using namespace pincart;
using namespace pincart::test;

namespace {

const QByteArray TvHeader = "sku,title,description,brand,category_id,price,attr.screen_size,attr.panel,attr.resolution,attr.smart\n";

QByteArray tvRow(const QString &sku, const QString &title, const QString &price, const QString &size = QStringLiteral("55"),
                 const QString &panel = QStringLiteral("OLED"))
{
    return QStringLiteral("%1,\"%2\",A television.,Acme,101,\"%3\",%4,%5,4K,true\n").arg(sku, title, price, size, panel).toUtf8();
}

// Polls the submission until it is no longer pending.
Submission waitForResult(ApiCall &api, qint64 id)
{
    Submission s;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 60000) {
        const ApiResponse r = api.get(paths::submission(id));
        auto decoded = submissionFromJson(r.json());
        if (decoded && decoded->status != Submission::Status::Pending)
            return *decoded;
        QTest::qWait(100);
    }
    return s;
}

} // namespace

class TestOnboardingApi : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers;

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanupTestCase() { m_servers.stopAll(); }
    void csvRowsBecomeItems();
    void sameSkuAgainUpdates();
    void jsonSingleItem();
    void brokenHeaderIsRejectedWhole();
    void access_data();
    void access();
    void tooLargeIsRefused();
};

void TestOnboardingApi::csvRowsBecomeItems()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Supplier, DemoAccounts::Password);
    const QByteArray csv = TvHeader + tvRow(QStringLiteral("OB-1"), QString::fromUtf8("सैमसंग टीवी, 55"), QStringLiteral("49999"))
                           + tvRow(QStringLiteral("OB-2"), QStringLiteral("Bad size TV"), QStringLiteral("100"), QStringLiteral("500"))
                           + tvRow(QStringLiteral("OB-3"), QStringLiteral("Bad panel TV"), QStringLiteral("100"), QStringLiteral("43"), QStringLiteral("CRT"))
                           + tvRow(QStringLiteral("OB-4"), QStringLiteral("Fine TV four"), QStringLiteral("1,299.50"));
    const qint64 itemsBefore = rowCount(server->databaseUrl(), QStringLiteral("items"));
    const ApiResponse r = api.send("POST", paths::submissions(), csv, "text/csv");
    QCOMPARE(r.status, 202);
    auto pending = submissionFromJson(r.json());
    QVERIFY(pending.ok());
    QCOMPARE(pending->status, Submission::Status::Pending);

    const Submission done = waitForResult(api, pending->id);
    QCOMPARE(done.status, Submission::Status::Partial);
    QCOMPARE(done.rowsTotal, 4);
    QCOMPARE(done.rowsAccepted, 2);
    QCOMPARE(done.rowsProcessed, 4);
    QCOMPARE(done.errors, (QList<Submission::RowError>{
                              {2, QStringLiteral("attr.screen_size"), done.errors.value(0).message},
                              {3, QStringLiteral("attr.panel"), done.errors.value(1).message}}));
    QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("items")), itemsBefore + 2);

    // The accepted rows are real items, readable at once, in the supplier's list.
    const qint64 me = api.get(paths::me()).json().value(QStringLiteral("id")).toInteger();
    QUrlQuery q(QStringLiteral("limit=100&supplier=%1").arg(me));
    QString after;
    QStringList titles;
    do {
        QUrlQuery page = q;
        if (!after.isEmpty())
            page.addQueryItem(QStringLiteral("after"), after);
        const auto items = itemPageFromJson(api.get(paths::items(), page).json());
        QVERIFY(items.ok());
        for (const Item &i : items->items)
            titles << i.title;
        after = items->next;
    } while (!after.isEmpty());
    QVERIFY(titles.contains(QString::fromUtf8("सैमसंग टीवी, 55")));
    QVERIFY(titles.contains(QStringLiteral("Fine TV four")));
}

void TestOnboardingApi::sameSkuAgainUpdates()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Supplier, DemoAccounts::Password);
    const auto submit = [&](const QByteArray &csv) {
        const ApiResponse r = api.send("POST", paths::submissions(), csv, "text/csv");
        return waitForResult(api, r.json().value(QStringLiteral("id")).toInteger());
    };
    QCOMPARE(submit(TvHeader + tvRow(QStringLiteral("UP-1"), QStringLiteral("First title"), QStringLiteral("1000"))).status,
             Submission::Status::Accepted);
    const qint64 count = rowCount(server->databaseUrl(), QStringLiteral("items"));
    // Same SKU (in another case too): updated in place, never duplicated.
    QCOMPARE(submit(TvHeader + tvRow(QStringLiteral("up-1"), QStringLiteral("Second title"), QStringLiteral("900"))).status,
             Submission::Status::Accepted);
    QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("items")), count);
    const qint64 me = api.get(paths::me()).json().value(QStringLiteral("id")).toInteger();
    bool found = false;
    QString after;
    do {
        QUrlQuery q(QStringLiteral("limit=100&supplier=%1").arg(me));
        if (!after.isEmpty())
            q.addQueryItem(QStringLiteral("after"), after);
        const auto page = itemPageFromJson(api.get(paths::items(), q).json());
        for (const Item &i : page->items) {
            if (i.sku.compare(QStringLiteral("UP-1"), Qt::CaseInsensitive) == 0) {
                found = true;
                QCOMPARE(i.title, QStringLiteral("Second title"));
                QCOMPARE(i.price.amount, 90000);
                QCOMPARE(i.version, 2);
                // The cached copy follows too.
                QCOMPARE(api.get(paths::item(i.id)).json().value(QStringLiteral("title")).toString(), QStringLiteral("Second title"));
            }
        }
        after = page->next;
    } while (!after.isEmpty());
    QVERIFY(found);
}

void TestOnboardingApi::jsonSingleItem()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Supplier2, DemoAccounts::Password);
    const QJsonObject item = QJsonDocument::fromJson(
        "{\"sku\":\"JS-1\",\"title\":\"Json TV\",\"description\":\"\",\"brand\":\"Acme\",\"category_id\":101,"
        "\"price\":{\"amount\":100000,\"currency\":\"INR\"},"
        "\"attributes\":{\"screen_size\":50,\"panel\":\"LED\",\"resolution\":\"4K\",\"smart\":false}}").object();
    ApiResponse r = api.postJson(paths::submissions(), item);
    QCOMPARE(r.status, 202);
    QCOMPARE(waitForResult(api, r.json().value(QStringLiteral("id")).toInteger()).status, Submission::Status::Accepted);
    QJsonObject bad = item;
    bad.insert(QStringLiteral("price"), QJsonObject{{QStringLiteral("amount"), -5}, {QStringLiteral("currency"), QStringLiteral("INR")}});
    r = api.postJson(paths::submissions(), bad);
    QCOMPARE(r.status, 202);
    const Submission rejected = waitForResult(api, r.json().value(QStringLiteral("id")).toInteger());
    QCOMPARE(rejected.status, Submission::Status::Rejected);
    QCOMPARE(rejected.errors.value(0).field, QStringLiteral("price.amount"));
    // Malformed JSON never becomes a submission.
    QCOMPARE(api.send("POST", paths::submissions(), "{\"sku\":").status, 400);
}

void TestOnboardingApi::brokenHeaderIsRejectedWhole()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Supplier, DemoAccounts::Password);
    const qint64 before = rowCount(server->databaseUrl(), QStringLiteral("items"));
    const ApiResponse r = api.send("POST", paths::submissions(), "sku,title,colour_of_box\nX-1,Some title,red\n", "text/csv");
    QCOMPARE(r.status, 202);
    const Submission s = waitForResult(api, r.json().value(QStringLiteral("id")).toInteger());
    QCOMPARE(s.status, Submission::Status::Rejected);
    QVERIFY(!s.errors.isEmpty());
    QCOMPARE(s.errors.first().row, 0);
    QCOMPARE(rowCount(server->databaseUrl(), QStringLiteral("items")), before);
}

void TestOnboardingApi::access_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("status");
    QTest::addRow("owner") << QStringLiteral("owner") << 200;
    QTest::addRow("another supplier") << QStringLiteral("other") << 404;
    QTest::addRow("admin") << QStringLiteral("admin") << 200;
    QTest::addRow("customer") << QStringLiteral("customer") << 403;
    QTest::addRow("no token") << QString() << 401;
}

void TestOnboardingApi::access()
{
    QFETCH(QString, who);
    QFETCH(int, status);
    PINCART_SERVER(m_servers, server);
    ApiCall owner(server->url());
    owner.login(DemoAccounts::Supplier, DemoAccounts::Password);
    const ApiResponse created = owner.send("POST", paths::submissions(), TvHeader + tvRow(QStringLiteral("AC-1"), QStringLiteral("Access TV"), QStringLiteral("1000")), "text/csv");
    QCOMPARE(created.status, 202);
    const qint64 id = created.json().value(QStringLiteral("id")).toInteger();

    ApiCall caller(server->url());
    if (who == QLatin1String("owner"))
        caller.login(DemoAccounts::Supplier, DemoAccounts::Password);
    else if (who == QLatin1String("other"))
        caller.login(DemoAccounts::Supplier2, DemoAccounts::Password);
    else if (who == QLatin1String("admin"))
        caller.login(DemoAccounts::Admin, DemoAccounts::Password);
    else if (who == QLatin1String("customer"))
        caller.login(DemoAccounts::Customer, DemoAccounts::Password);
    const ApiResponse r = caller.get(paths::submission(id));
    QCOMPARE(r.status, status);
    // Lists: each supplier sees only its own.
    if (who == QLatin1String("other")) {
        const auto page = submissionPageFromJson(caller.get(paths::submissions()).json());
        QVERIFY(page.ok());
        for (const Submission &s : page->items)
            QVERIFY(s.id != id);
        QCOMPARE(caller.send("POST", paths::submissions(), "x", "text/plain").status, 400);
    }
    if (who == QLatin1String("customer"))
        QCOMPARE(caller.send("POST", paths::submissions(), TvHeader, "text/csv").status, 403);
}

void TestOnboardingApi::tooLargeIsRefused()
{
    PINCART_SERVER(m_servers, server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Supplier, DemoAccounts::Password);
    const QByteArray before = databaseFingerprint(server->databaseUrl(), {QStringLiteral("submissions"), QStringLiteral("events")});
    QByteArray csv = TvHeader;
    const QByteArray row = tvRow(QStringLiteral("BIG-%1"), QString(180, QLatin1Char('x')), QStringLiteral("1000"));
    while (csv.size() < (33 << 20))
        csv += row;
    const ApiResponse r = api.send("POST", paths::submissions(), csv, "text/csv");
    QCOMPARE(r.status, 413);
    QCOMPARE(databaseFingerprint(server->databaseUrl(), {QStringLiteral("submissions"), QStringLiteral("events")}), before);
}

QTEST_GUILESS_MAIN(TestOnboardingApi)
#include "tst_api_onboarding.moc"

// Search over real HTTP, on SQLite and MariaDB, over a fixed seeded catalogue and the demo delivery
// network on the real pincode directory: relevance, freshness after changes, a rebuilt index,
// facets that agree with their filters, the pincode filter against /serviceability, pages, "did
// you mean", completion, the search.performed record, and bad input.

#include "apipaths.h"
#include "apitest.h"
#include "logisticscodecs.h"
#include "searchcodecs.h"

#include <functional>
#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>

using namespace pincart;
using namespace pincart::test;

namespace {

TestServer::Options catalogue()
{
    TestServer::Options o;
    o.items = 2000;
    o.seed = 42;
    o.loadPincodes = true;
    return o;
}

// The index is built (or caught up) on the indexer's thread after the server listens.
bool waitUntilSearchable(const QUrl &url)
{
    ApiCall api(url);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        if (api.get(paths::search(), QUrlQuery(QStringLiteral("q=a"))).status != 503)
            return true;
        QTest::qWait(50);
    }
    return false;
}

SearchResult search(ApiCall &api, const SearchRequest &request, int *status = nullptr)
{
    const ApiResponse r = api.get(paths::search(), request.toQuery());
    if (status)
        *status = r.status;
    const auto result = searchResultFromJson(r.json());
    return result ? *result : SearchResult{};
}

SearchRequest text(const QString &q, int limit = 20)
{
    SearchRequest r;
    r.text = q;
    r.limit = limit;
    return r;
}

QList<qint64> idsOf(const SearchResult &result)
{
    QList<qint64> ids;
    for (const SearchHit &h : result.items)
        ids << h.id;
    return ids;
}

// Every page of a search, following `next`.
QList<SearchHit> allPages(ApiCall &api, SearchRequest request, qint64 *total = nullptr)
{
    QList<SearchHit> hits;
    for (int pages = 0; pages < 200; ++pages) {
        const SearchResult page = search(api, request);
        if (total && pages == 0)
            *total = page.total;
        hits << page.items;
        if (page.next.isEmpty())
            break;
        request.after = page.next;
    }
    return hits;
}

// The whole catalogue through GET /items: what relevance is judged against, read independently of
// the search index.
QHash<qint64, Item> allItems(ApiCall &api)
{
    QHash<qint64, Item> items;
    QString after;
    do {
        QUrlQuery q(QStringLiteral("limit=100"));
        if (!after.isEmpty())
            q.addQueryItem(QStringLiteral("after"), after);
        const auto page = itemPageFromJson(api.get(paths::items(), q).json());
        if (!page)
            break;
        for (const Item &i : page->items)
            items.insert(i.id, i);
        after = page->next;
    } while (!after.isEmpty());
    return items;
}

QString attr(const Item &item, const char *name)
{
    const QJsonValue v = item.attributes.value(QLatin1String(name));
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

using ItemTest = std::function<bool(const Item &)>;

constexpr qint64 Televisions = 101;

qint64 categoryBySlug(ApiCall &api, const QString &slug)
{
    const auto list = categoriesFromJson(
        api.get(paths::categories()).json().value(QStringLiteral("items")).toArray());
    for (const Category &c : list ? *list : QList<Category>()) {
        if (c.slug == slug)
            return c.id;
    }
    return 0;
}

QJsonObject newTv(const QString &sku, const QString &title)
{
    return {
        {QStringLiteral("sku"), sku},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), QStringLiteral("A television made for this test.")},
        {QStringLiteral("brand"), QStringLiteral("Freshbrand")},
        {QStringLiteral("category_id"), Televisions},
        {QStringLiteral("price"), QJsonObject{{QStringLiteral("amount"), 3999900},
                                              {QStringLiteral("currency"), QStringLiteral("INR")}}},
        {QStringLiteral("attributes"),
         QJsonObject{{QStringLiteral("screen_size"), 65},
                     {QStringLiteral("panel"), QStringLiteral("QLED")},
                     {QStringLiteral("resolution"), QStringLiteral("4K")},
                     {QStringLiteral("smart"), true}}}};
}

} // namespace

Q_DECLARE_METATYPE(ItemTest)
Q_DECLARE_METATYPE(pincart::SearchSort)

class TestSearchApi : public QObject
{
    Q_OBJECT

    ServerMatrix m_servers{catalogue()};
    std::map<Backend, QHash<qint64, Item>> m_items;

    TestServer *ready(QString *error)
    {
        TestServer *server = m_servers.current(error);
        if (server && !waitUntilSearchable(server->url())) {
            *error = QStringLiteral("the search index never became ready");
            return nullptr;
        }
        return server;
    }
    const QHash<qint64, Item> &items(TestServer *server)
    {
        QFETCH_GLOBAL(pincart::test::Backend, backend);
        auto &cached = m_items[backend];
        if (cached.isEmpty()) {
            ApiCall api(server->url());
            cached = allItems(api);
        }
        return cached;
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanupTestCase() { m_servers.stopAll(); }
    void relevance_data();
    void relevance();
    void spelling_data();
    void spelling();
    void completion();
    void facetsAgreeWithFilters_data();
    void facetsAgreeWithFilters();
    void pincodeFilterAgreesWithServiceability_data();
    void pincodeFilterAgreesWithServiceability();
    void pagesWalkEveryHitOnce_data();
    void pagesWalkEveryHitOnce();
    void filtersNarrow();
    void bothMatchersAgree_data();
    void bothMatchersAgree();
    void searchesAreRecorded();
    void badInput_data();
    void badInput();
    void changesAreSearchableWithinASecond();
    void aDeletedIndexIsRebuiltAtStart();
};

#define SEARCH_SERVER(server)                                                                      \
    QString serverError_;                                                                          \
    TestServer *server = ready(&serverError_);                                                     \
    if (!server)                                                                                   \
        QFAIL(qPrintable(QStringLiteral("server did not start: ") + serverError_));

void TestSearchApi::relevance_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<ItemTest>("relevant"); // what every one of the top five must be
    const auto titleHas = [](const QString &word) {
        return [word](const Item &i) {
            return i.title.contains(word, Qt::CaseInsensitive);
        };
    };
    QTest::newRow("oled tv 55") << "oled tv 55" << ItemTest([](const Item &i) {
        return i.categoryId == Televisions && attr(i, "panel") == u"OLED"
               && attr(i, "screen_size") == u"55";
    });
    QTest::newRow("red tshirt xl") << "red tshirt xl" << ItemTest([](const Item &i) {
        return i.title.contains(u"T-shirt") && attr(i, "colour") == u"Red"
               && attr(i, "size") == u"XL";
    });
    QTest::newRow("running shoes") << "running shoes" << ItemTest([](const Item &i) {
        return attr(i, "type") == u"Running" && i.title.contains(u"Shoes");
    });
    QTest::newRow("brand alone") << "Samsung"
                                 << ItemTest([](const Item &i) { return i.brand == u"Samsung"; });
    QTest::newRow("brand, lower case")
        << "bajaj" << ItemTest([](const Item &i) { return i.brand == u"Bajaj"; });
    QTest::newRow("hindi title word")
        << QString::fromUtf8("गोदान") << ItemTest(titleHas(QString::fromUtf8("गोदान")));
    QTest::newRow("phrase") << "\"frost free\" refrigerator" << ItemTest([](const Item &i) {
        return i.title.contains(u"Frost Free") && i.title.contains(u"Refrigerator");
    });
    QTest::newRow("plural finds singular (stemming)")
        << "laptops 16 gb" << ItemTest([](const Item &i) {
               return i.title.contains(u"Laptop") && i.title.contains(u"16 GB RAM");
           });
    QTest::newRow("prefix") << "refrig*" << ItemTest(titleHas(QStringLiteral("Refrigerator")));
}

void TestSearchApi::relevance()
{
    SEARCH_SERVER(server);
    QFETCH(QString, query);
    QFETCH(ItemTest, relevant);
    const auto &catalogue = items(server);
    QVERIFY(catalogue.size() >= 2000);
    const qsizetype expected = std::count_if(catalogue.cbegin(), catalogue.cend(), relevant);
    QVERIFY2(expected > 0,
             "the seeded catalogue has no item for this query: the row proves nothing");

    ApiCall api(server->url());
    const SearchResult result = search(api, text(query, 5));
    QCOMPARE(result.items.size(), qMin<qsizetype>(5, expected));
    for (const SearchHit &hit : result.items) {
        QVERIFY2(catalogue.contains(hit.id), qPrintable(QString::number(hit.id)));
        const Item &item = catalogue[hit.id];
        QVERIFY2(
            relevant(item),
            qPrintable(QStringLiteral("%1 (%2) is in the top five").arg(item.title).arg(item.id)));
        QCOMPARE(hit.title, item.title);
        QCOMPARE(hit.brand, item.brand);
        QCOMPARE(hit.price.amount, item.price.amount);
        QVERIFY(!hit.delivery); // no pincode, no promise
    }
    QVERIFY(result.total >= result.items.size());
}

void TestSearchApi::spelling_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("suggestion");
    QTest::newRow("transposed letters") << "samsnug"
                                        << "samsung";
    QTest::newRow("a letter missing") << "refrigerato"
                                      << "refrigerator";
    QTest::newRow("one word of two") << "bajaj mixr"
                                     << "bajaj mixer";
    QTest::newRow("spelt right") << "samsung"
                                 << "";
    QTest::newRow("nothing like it") << "qqqqzzzz"
                                     << "";
}

void TestSearchApi::spelling()
{
    SEARCH_SERVER(server);
    QFETCH(QString, query);
    QFETCH(QString, suggestion);
    ApiCall api(server->url());
    const SearchResult result = search(api, text(query));
    QCOMPARE(result.suggestion, suggestion);
    if (!suggestion.isEmpty()) {
        // Following the suggestion finds more than the misspelling did.
        QVERIFY(search(api, text(suggestion)).total > result.total);
        // Where nothing can be delivered, the suggestion would find nothing either: none is made.
        SearchRequest nowhere = text(query);
        nowhere.pincode = QStringLiteral("682555"); // Lakshadweep: no courier goes there
        QCOMPARE(search(api, nowhere).suggestion, QString());
    }
}

void TestSearchApi::completion()
{
    SEARCH_SERVER(server);
    ApiCall api(server->url());
    const auto complete = [&api](const QString &typed) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("q"), typed);
        const ApiResponse r = api.get(paths::searchSuggest(), q);
        const auto list = completionsFromJson(r.json());
        return r.status == 200 && list ? *list : QStringList{QStringLiteral("<error>")};
    };
    QVERIFY(complete(QStringLiteral("sams")).contains(QStringLiteral("samsung")));
    QVERIFY(complete(QStringLiteral("refr")).contains(QStringLiteral("refrigerator")));
    // After a word, every completion keeps it and finds something with it.
    const QStringList afterBrand = complete(QStringLiteral("samsung r"));
    QVERIFY(!afterBrand.isEmpty());
    for (const QString &c : afterBrand) {
        QVERIFY2(c.startsWith(u"samsung r"), qPrintable(c));
        QVERIFY2(search(api, text(c)).total > 0, qPrintable(c));
    }
    QVERIFY(complete(QStringLiteral("s")).isEmpty()); // one letter: too broad to help
    QVERIFY(complete(QString()).isEmpty());
    QVERIFY(complete(QStringLiteral("zzzzqqq")).isEmpty());
    // Common little words are no completion.
    for (const QString &c : complete(QStringLiteral("smart t")))
        QVERIFY2(c != u"smart the" && c != u"smart to", qPrintable(c));
    QVERIFY(complete(QStringLiteral("sams")).size() <= SearchLimits::MaxCompletions);
}

void TestSearchApi::facetsAgreeWithFilters_data()
{
    QTest::addColumn<QString>("query"); // a query string of GET /search
    QTest::newRow("free text") << "q=tv";
    QTest::newRow("category") << "category=101";
    QTest::newRow("text within a parent category") << "q=black&category=2";
    QTest::newRow("with a pincode") << "q=shoes&pincode=411001";
    QTest::newRow("brand filter") << "q=refrigerator&brand=LG&brand=Samsung";
}

void TestSearchApi::facetsAgreeWithFilters()
{
    SEARCH_SERVER(server);
    QFETCH(QString, query);
    ApiCall api(server->url());
    const ApiResponse base = api.get(paths::search(), QUrlQuery(query));
    QCOMPARE(base.status, 200);
    const auto result = searchResultFromJson(base.json());
    QVERIFY(result);
    QVERIFY(result->total > 0);
    int checked = 0;
    for (const Facet &facet : result->facets) {
        qint64 sum = 0;
        for (const FacetValue &value : facet.values)
            sum += value.count;
        if (facet.name == u"category" || facet.name == u"price")
            QCOMPARE(sum, result->total); // every hit has exactly one
        for (const FacetValue &value : facet.values.mid(0, 6)) {
            QUrlQuery ticked(query);
            if (facet.name == u"price") {
                const QStringList bounds = value.value.split(u'-');
                QCOMPARE(bounds.size(), 2);
                ticked.addQueryItem(QStringLiteral("price_min"), bounds[0]);
                if (!bounds[1].isEmpty())
                    ticked.addQueryItem(QStringLiteral("price_max"), bounds[1]);
            } else {
                ticked.removeAllQueryItems(facet.name);
                ticked.addQueryItem(facet.name, value.value);
            }
            const auto narrowed = searchResultFromJson(api.get(paths::search(), ticked).json());
            QVERIFY(narrowed);
            QVERIFY2(narrowed->total == value.count,
                     qPrintable(QStringLiteral("%1=%2: facet says %3, ticking it finds %4")
                                    .arg(facet.name, value.value)
                                    .arg(value.count)
                                    .arg(narrowed->total)));
            ++checked;
        }
    }
    QVERIFY(checked >= 5);
}

void TestSearchApi::pincodeFilterAgreesWithServiceability_data()
{
    QTest::addColumn<QString>("pincode");
    QTest::addColumn<bool>("reachable");
    QTest::newRow("Pune") << "411001" << true;
    QTest::newRow("Kolkata") << "700001" << true;
    QTest::newRow("rural Assam") << "788001" << true;
    QTest::newRow("Lakshadweep (no courier)") << "682555" << false;
}

void TestSearchApi::pincodeFilterAgreesWithServiceability()
{
    SEARCH_SERVER(server);
    QFETCH(QString, pincode);
    QFETCH(bool, reachable);
    ApiCall api(server->url());
    const auto serviceability = [&](qint64 item) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("item"), QString::number(item));
        q.addQueryItem(QStringLiteral("pincode"), pincode);
        const auto answer = serviceabilityFromJson(api.get(paths::serviceability(), q).json());
        return answer ? *answer : Serviceability{};
    };
    SearchRequest everywhere = text(QStringLiteral("shoes"), 50);
    SearchRequest here = everywhere;
    here.pincode = pincode;
    const SearchResult all = search(api, everywhere);
    const SearchResult deliverable = search(api, here);
    QVERIFY(all.total > 0);
    if (!reachable) {
        QCOMPARE(deliverable.total, 0);
        return;
    }
    QVERIFY(deliverable.total > 0);
    QVERIFY(deliverable.total <= all.total);
    // Every hit shown is deliverable, with the promise /serviceability gives.
    for (const SearchHit &hit : deliverable.items.mid(0, 15)) {
        QVERIFY(hit.delivery);
        const Serviceability s = serviceability(hit.id);
        QVERIFY2(s.deliverable, qPrintable(QString::number(hit.id)));
        QCOMPARE(hit.delivery->promiseDate, s.promise.promiseDate);
        QCOMPARE(hit.delivery->etaDays, s.promise.etaDays);
    }
    // And the hits left out are the ones that cannot come.
    const QList<qint64> shown = idsOf(search(api, [&] {
        SearchRequest r = here;
        r.limit = 100;
        return r;
    }()));
    int leftOut = 0;
    for (const SearchHit &hit : all.items) {
        if (shown.contains(hit.id) || deliverable.total > 100)
            continue;
        QVERIFY2(!serviceability(hit.id).deliverable, qPrintable(QString::number(hit.id)));
        ++leftOut;
    }
    if (deliverable.total < all.total && deliverable.total <= 100)
        QVERIFY(leftOut > 0);
}

void TestSearchApi::pagesWalkEveryHitOnce_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<SearchSort>("sort");
    QTest::newRow("relevance") << "q=tv" << SearchSort::Relevance;
    QTest::newRow("price, low first") << "q=tv" << SearchSort::PriceAsc;
    QTest::newRow("price, high first") << "category=101" << SearchSort::PriceDesc;
    QTest::newRow("fastest") << "q=shoes&pincode=560001" << SearchSort::Fastest;
}

void TestSearchApi::pagesWalkEveryHitOnce()
{
    SEARCH_SERVER(server);
    QFETCH(QString, query);
    QFETCH(SearchSort, sort);
    ApiCall api(server->url());
    QUrlQuery q(query);
    auto request = searchRequestFromQuery(q);
    QVERIFY(request);
    request->sort = sort;
    request->limit = 7; // pages that do not divide the total
    qint64 total = 0;
    const QList<SearchHit> hits = allPages(api, *request, &total);
    QVERIFY(total > 7);
    QCOMPARE(hits.size(), qMin<qint64>(total, 1000 + 7));
    QSet<qint64> seen;
    for (int i = 0; i < hits.size(); ++i) {
        QVERIFY2(!seen.contains(hits[i].id), "an item on two pages");
        seen.insert(hits[i].id);
        if (i == 0)
            continue;
        const SearchHit &a = hits[i - 1];
        const SearchHit &b = hits[i];
        if (sort == SearchSort::PriceAsc)
            QVERIFY(a.price.amount < b.price.amount
                    || (a.price.amount == b.price.amount && a.id < b.id));
        if (sort == SearchSort::PriceDesc)
            QVERIFY(a.price.amount > b.price.amount
                    || (a.price.amount == b.price.amount && a.id < b.id));
        if (sort == SearchSort::Fastest) {
            QVERIFY(a.delivery && b.delivery);
            QVERIFY(a.delivery->etaDays <= b.delivery->etaDays);
        }
    }
}

void TestSearchApi::filtersNarrow()
{
    SEARCH_SERVER(server);
    ApiCall api(server->url());
    const auto &catalogue = items(server);
    // A parent category takes in its sub-categories: "tv" within Electronics finds what the
    // category facet counts under it.
    const qint64 electronics = categoryBySlug(api, QStringLiteral("electronics"));
    QVERIFY(electronics);
    const auto categories = categoriesFromJson(
        api.get(paths::categories()).json().value(QStringLiteral("items")).toArray());
    QVERIFY(categories);
    QSet<QString> underElectronics;
    for (const Category &c : *categories) {
        if (c.parentId == electronics)
            underElectronics.insert(QString::number(c.id));
    }
    SearchRequest tvs = text(QStringLiteral("tv"));
    const SearchResult anywhere = search(api, tvs);
    qint64 counted = 0;
    for (const Facet &f : anywhere.facets) {
        for (const FacetValue &v : f.values)
            counted += f.name == u"category" && underElectronics.contains(v.value) ? v.count : 0;
    }
    tvs.categoryId = electronics;
    const qint64 within = search(api, tvs).total;
    QCOMPARE(within, counted);
    QVERIFY(within > 0 && within < anywhere.total); // "tv" also appears outside electronics

    // attr and price filters against the catalogue itself.
    SearchRequest oled;
    oled.categoryId = Televisions;
    oled.attributes.insert(QStringLiteral("panel"), {QStringLiteral("oled")}); // any case
    oled.priceMaxMinor = 5000000;
    oled.limit = 100;
    const auto expected = std::count_if(catalogue.cbegin(), catalogue.cend(), [](const Item &i) {
        return i.categoryId == Televisions && attr(i, "panel") == u"OLED"
               && i.price.amount <= 5000000 && i.status == Item::Status::Active;
    });
    const SearchResult found = search(api, oled);
    QCOMPARE(found.total, qint64(expected));
    for (const SearchHit &h : found.items)
        QVERIFY(h.price.amount <= 5000000);

    // A flag filters by the facet's word or JSON's.
    SearchRequest smart;
    smart.categoryId = Televisions;
    smart.attributes.insert(QStringLiteral("smart"), {QStringLiteral("Yes")});
    const qint64 smartTvs = search(api, smart).total;
    QVERIFY(smartTvs > 0);
    smart.attributes[QStringLiteral("smart")] = {QStringLiteral("true")};
    QCOMPARE(search(api, smart).total, smartTvs);
    smart.attributes[QStringLiteral("smart")] = {QStringLiteral("false")};
    const qint64 otherTvs = search(api, smart).total;
    smart.attributes.clear();
    QCOMPARE(smartTvs + otherTvs, search(api, smart).total);

    // Two brands are either.
    SearchRequest brands = text(QStringLiteral("refrigerator"));
    brands.brands = QStringList{QStringLiteral("LG")};
    const qint64 lg = search(api, brands).total;
    brands.brands = QStringList{QStringLiteral("Samsung")};
    const qint64 samsung = search(api, brands).total;
    brands.brands = QStringList{QStringLiteral("LG"), QStringLiteral("Samsung")};
    QCOMPARE(search(api, brands).total, lg + samsung);
}

void TestSearchApi::bothMatchersAgree_data()
{
    QTest::addColumn<QString>("plain");     // walked by PlainQueryWalk
    QTest::addColumn<QString>("operators"); // the same query through Xapian's matcher
    QTest::addColumn<QString>("filters");
    QTest::newRow("one word") << "tv"
                              << "+tv"
                              << "";
    QTest::newRow("two words") << "black shirt"
                               << "+black +shirt"
                               << "";
    QTest::newRow("with a pincode") << "shoes"
                                    << "+shoes"
                                    << "pincode=411001";
    QTest::newRow("with filters") << "smart"
                                  << "+smart"
                                  << "category=101&attr.panel=OLED&attr.panel=QLED";
    QTest::newRow("brands and price") << "refrigerator"
                                      << "+refrigerator"
                                      << "brand=LG&brand=Samsung&price_max=3000000";
}

void TestSearchApi::bothMatchersAgree()
{
    SEARCH_SERVER(server);
    QFETCH(QString, plain);
    QFETCH(QString, operators);
    QFETCH(QString, filters);
    ApiCall api(server->url());
    const auto run = [&](const QString &q, const QString &sort) {
        QUrlQuery query(filters);
        query.addQueryItem(QStringLiteral("q"), q);
        query.addQueryItem(QStringLiteral("sort"), sort);
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
        // Sent encoded so that '+' stays an operator.
        QUrlQuery encoded;
        for (const auto &[k, v] : query.queryItems(QUrl::FullyDecoded))
            encoded.addQueryItem(k, QString(v).replace(u'+', QLatin1String("%2B")));
        const auto r = searchResultFromJson(api.get(paths::search(), encoded).json());
        return r ? *r : SearchResult{};
    };
    for (const QString &sort : {QStringLiteral("relevance"), QStringLiteral("price_asc")}) {
        const SearchResult a = run(plain, sort);
        const SearchResult b = run(operators, sort);
        QVERIFY(a.total > 0);
        QCOMPARE(a.total, b.total);
        QCOMPARE(a.facets.size(), b.facets.size());
        for (int i = 0; i < a.facets.size(); ++i) {
            QCOMPARE(a.facets[i].name, b.facets[i].name);
            for (int j = 0; j < a.facets[i].values.size(); ++j) {
                QCOMPARE(a.facets[i].values[j].value, b.facets[i].values[j].value);
                QCOMPARE(a.facets[i].values[j].count, b.facets[i].values[j].count);
            }
        }
        if (sort == u"price_asc") {
            QCOMPARE(idsOf(a), idsOf(b));
        } else {
            // Same hits on the first page: BM25 either way, scored by different code.
            const QList<qint64> ia = idsOf(a);
            const QList<qint64> ib = idsOf(b);
            const QSet<qint64> sa(ia.cbegin(), ia.cend());
            const QSet<qint64> sb(ib.cbegin(), ib.cend());
            if (a.total <= 100)
                QCOMPARE(sa, sb);
        }
    }
}

void TestSearchApi::searchesAreRecorded()
{
    SEARCH_SERVER(server);
    ApiCall api(server->url());
    api.login(DemoAccounts::Customer, DemoAccounts::Password);
    const QString marker
        = QStringLiteral("recordedquery%1").arg(QDateTime::currentMSecsSinceEpoch());
    SearchRequest r = text(marker);
    r.pincode = QStringLiteral("411001");
    int status = 0;
    search(api, r, &status);
    QCOMPARE(status, 200);
    // Anonymous searches are recorded too, and do not spoil the batch they are written in.
    ApiCall anonymous(server->url());
    const QString anonymousMarker
        = QStringLiteral("unsignedquery%1").arg(QDateTime::currentMSecsSinceEpoch());
    search(anonymous, text(anonymousMarker), &status);
    QCOMPARE(status, 200);
    const qint64 me = api.get(paths::me()).json().value(QStringLiteral("id")).toInteger();
    QVERIFY(me > 0);
    // Written off the request path, a moment later.
    const QString sql
        = QStringLiteral("SELECT event_key FROM events WHERE topic = 'search.performed' "
                         "AND payload LIKE '%%1%'")
              .arg(marker);
    QTRY_COMPARE_WITH_TIMEOUT(queryScalar(server->databaseUrl(), sql).toString(),
                              QString::number(me), 5000);
    const QString payload
        = queryScalar(server->databaseUrl(),
                      QString(sql).replace(QStringLiteral("event_key"), QStringLiteral("payload")))
              .toString();
    const QJsonObject recorded = QJsonDocument::fromJson(payload.toUtf8()).object();
    QCOMPARE(recorded.value(QStringLiteral("pincode")).toString(), QStringLiteral("411001"));
    QCOMPARE(recorded.value(QStringLiteral("results")).toInt(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        queryScalar(server->databaseUrl(), QStringLiteral("SELECT event_key FROM events WHERE "
                                                          "payload LIKE '%%1%'")
                                               .arg(anonymousMarker))
            .toString(),
        QStringLiteral("anonymous"), 5000);
}

void TestSearchApi::badInput_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("nothing to search for") << "" << 422 << "q";
    QTest::newRow("an empty query") << "q=" << 422 << "q";
    QTest::newRow("a 10 kB query") << "q=" + QString(10240, u'a') << 422 << "q";
    QTest::newRow("unknown attribute") << "q=tv&attr.flavour=mango" << 422 << "attr.flavour";
    QTest::newRow("limit 10000") << "q=tv&limit=10000" << 422 << "limit";
    QTest::newRow("limit 0") << "q=tv&limit=0" << 422 << "limit";
    QTest::newRow("garbage after") << "q=tv&after=%%%garbage" << 422 << "after";
    QTest::newRow("well-formed but forged after") << "q=tv&after=eC4xLjI" << 422 << "after";
    QTest::newRow("a price cursor for relevance")
        << "q=tv&after=YS4xMzM5OTAwLjc2MA" << 422 << "after";
    QTest::newRow("relevance past the window") << "q=tv&after=ci41MDAwLjA" << 422 << "after";
    QTest::newRow("pincode of five digits") << "q=tv&pincode=41100" << 422 << "pincode";
    QTest::newRow("pincode not in the directory") << "q=tv&pincode=999999" << 422 << "pincode";
    QTest::newRow("negative price") << "q=tv&price_min=-5" << 422 << "price_min";
    QTest::newRow("price range upside down")
        << "q=tv&price_min=500&price_max=100" << 422 << "price_min";
    QTest::newRow("category not a number") << "q=tv&category=tv" << 422 << "category";
    QTest::newRow("category that does not exist") << "q=tv&category=999999" << 422 << "category";
    QTest::newRow("fastest without a pincode") << "q=tv&sort=fastest" << 422 << "sort";
    QTest::newRow("unknown sort") << "q=tv&sort=cheapest" << 422 << "sort";
    QTest::newRow("unknown parameter") << "q=tv&colour=red" << 422 << "colour";
    QTest::newRow("q twice") << "q=tv&q=phone" << 422 << "q";
    QTest::newRow("SQL-looking text is just text") << "q=%27%3B+DROP+TABLE+items%3B--" << 200 << "";
    QTest::newRow("operators only") << "q=%22%22+AND+OR+NOT+*" << 200 << "";
    QTest::newRow("unbalanced quote") << "q=%22samsung" << 200 << "";
}

void TestSearchApi::badInput()
{
    SEARCH_SERVER(server);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, field);
    ApiCall api(server->url());
    const QByteArray before = databaseFingerprint(
        server->databaseUrl(), {QStringLiteral("items"), QStringLiteral("stock")});
    const ApiResponse r = api.get(paths::search(), QUrlQuery(query));
    QCOMPARE(r.status, status);
    if (status >= 400) {
        QVERIFY(isProblem(r));
        const QJsonArray errors = r.json().value(QStringLiteral("errors")).toArray();
        QStringList fields;
        for (const QJsonValue &e : errors)
            fields << e.toObject().value(QStringLiteral("field")).toString();
        QVERIFY2(fields.contains(field), qPrintable(fields.join(u',')));
    } else {
        QVERIFY(searchResultFromJson(r.json()));
    }
    QCOMPARE(databaseFingerprint(server->databaseUrl(),
                                 {QStringLiteral("items"), QStringLiteral("stock")}),
             before);
}

void TestSearchApi::changesAreSearchableWithinASecond()
{
    SEARCH_SERVER(server);
    ApiCall supplier(server->url());
    QVERIFY(!supplier.login(DemoAccounts::Supplier, DemoAccounts::Password).isEmpty());
    ApiCall api(server->url());
    const auto finds = [&api](const QString &q) {
        return idsOf(search(api, text(q)));
    };
    const QString sku = QStringLiteral("FRESH-%1").arg(QDateTime::currentMSecsSinceEpoch());

    ApiResponse r = supplier.postJson(paths::items(),
                                      newTv(sku, QStringLiteral("Zephyrine Quasar Television")));
    QCOMPARE(r.status, 201);
    const qint64 id = itemFromJson(r.json())->id;
    QTRY_VERIFY_WITH_TIMEOUT(finds(QStringLiteral("zephyrine")).contains(id), 1000);
    QVERIFY(finds(QStringLiteral("freshbrand quasar")).contains(id));

    r = supplier.sendJson(
        "PATCH", paths::item(id),
        {{QStringLiteral("title"), QStringLiteral("Borealis Quasar Television")}});
    QCOMPARE(r.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(finds(QStringLiteral("borealis")).contains(id), 1000);
    QVERIFY(!finds(QStringLiteral("zephyrine")).contains(id));

    // Made inactive, it leaves search; active again, it is back.
    r = supplier.sendJson("PATCH", paths::item(id),
                          {{QStringLiteral("status"), QStringLiteral("inactive")}});
    QCOMPARE(r.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!finds(QStringLiteral("borealis")).contains(id), 1000);
    r = supplier.sendJson("PATCH", paths::item(id),
                          {{QStringLiteral("status"), QStringLiteral("active")}});
    QCOMPARE(r.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(finds(QStringLiteral("borealis")).contains(id), 1000);

    r = supplier.send("DELETE", paths::item(id));
    QCOMPARE(r.status, 204);
    QTRY_VERIFY_WITH_TIMEOUT(!finds(QStringLiteral("borealis")).contains(id), 1000);
}

void TestSearchApi::aDeletedIndexIsRebuiltAtStart()
{
    SEARCH_SERVER(server);
    const QStringList queries{
        QStringLiteral("q=oled+tv+55"), QStringLiteral("q=shoes&pincode=411001&sort=fastest"),
        QStringLiteral("category=101&sort=price_asc"), QStringLiteral("q=samsnug")};
    const auto answers = [&] {
        ApiCall api(server->url());
        QList<QByteArray> out;
        for (const QString &q : queries) {
            const ApiResponse r = api.get(paths::search(), QUrlQuery(q));
            out << QByteArray::number(r.status) + ' '
                       + QJsonDocument(r.json()).toJson(QJsonDocument::Compact);
        }
        return out;
    };
    const QList<QByteArray> before = answers();
    // Restarted over its index: resumes from the offset stored in it.
    QVERIFY(server->restart());
    QVERIFY(waitUntilSearchable(server->url()));
    QCOMPARE(answers(), before);
    // Restarted without it: rebuilt from the database, same answers.
    server->stop();
    const QString indexDir = server->dataDir() + QStringLiteral("/search");
    QVERIFY(QDir(indexDir).exists());
    QVERIFY(QDir(indexDir).removeRecursively());
    QVERIFY(server->restart());
    QVERIFY(waitUntilSearchable(server->url()));
    QVERIFY(QDir(indexDir).exists());
    QCOMPARE(answers(), before);
    // A corrupt one likewise.
    server->stop();
    const QStringList files = QDir(indexDir).entryList({QStringLiteral("*.glass")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files) {
        QFile file(indexDir + u'/' + f);
        QVERIFY(file.open(QIODevice::ReadWrite | QIODevice::Truncate));
        file.write("not a xapian table");
    }
    QVERIFY(server->restart());
    QVERIFY(waitUntilSearchable(server->url()));
    QCOMPARE(answers(), before);
}

QTEST_MAIN(TestSearchApi)
#include "tst_api_search.moc"

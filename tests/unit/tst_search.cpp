// The parts of search that need no server: reading GET /search's query string (and the client's
// writing of it), the answer's JSON, cursors, the indexing schema of a document, and the facts
// snapshots readers hold while the indexer changes them.

#include "categorytree.h"
#include "searchcodecs.h"
#include "searchcursor.h"
#include "searchdocument.h"
#include "searchfacts.h"
#include "searchschema.h"

#include <QTest>

using namespace pincart;
using namespace pincart::server;

Q_DECLARE_METATYPE(pincart::SearchSort)

namespace {

QStringList fieldsOf(const DomainError &e)
{
    QStringList out;
    for (const FieldError &f : e.fields())
        out << f.field;
    return out;
}

std::set<std::string> termsOf(const Xapian::Document &doc)
{
    std::set<std::string> out;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        out.insert(*t);
    return out;
}

CategoryTree demoTree()
{
    Category electronics{
        1, std::nullopt, QStringLiteral("Electronics"), QStringLiteral("electronics"), {}};
    AttributeSpec panel{QStringLiteral("panel"), QStringLiteral("Panel type"),
                        AttributeSpec::Type::Enum};
    panel.values = {QStringLiteral("LED"), QStringLiteral("OLED")};
    panel.facet = true;
    AttributeSpec smart{QStringLiteral("smart"), QStringLiteral("Smart TV"),
                        AttributeSpec::Type::Bool};
    smart.facet = true;
    AttributeSpec size{QStringLiteral("screen_size"), QStringLiteral("Screen size"),
                       AttributeSpec::Type::Number};
    size.facet = true;
    Category tvs{
        101, 1, QStringLiteral("Televisions"), QStringLiteral("televisions"), {panel, smart, size}};
    return CategoryTree({electronics, tvs});
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRequests_data();
    void readsRequests();
    void refusesBadRequests_data();
    void refusesBadRequests();
    void requestsRoundTrip_data();
    void requestsRoundTrip();
    void resultsRoundTrip();
    void cursors_data();
    void cursors();
    void hyphenJoined_data();
    void hyphenJoined();
    void documentTerms();
    void factsSnapshotsStayPut();
};

void TestSearch::readsRequests_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("brands");
    QTest::addColumn<SearchSort>("sort");
    QTest::addColumn<int>("limit");
    QTest::newRow("plain words") << "q=oled+tv"
                                 << "oled tv" << 0 << SearchSort::Relevance << 20;
    QTest::newRow("a plus sign, encoded") << "q=c%2B%2B+book"
                                          << "c++ book" << 0 << SearchSort::Relevance << 20;
    QTest::newRow("spaces squeezed") << "q=%20%20red%20%20shirt%20"
                                     << "red shirt" << 0 << SearchSort::Relevance << 20;
    QTest::newRow("hindi") << "q=%E0%A4%97%E0%A5%8B%E0%A4%A6%E0%A4%BE%E0%A4%A8"
                           << QString::fromUtf8("गोदान") << 0 << SearchSort::Relevance << 20;
    QTest::newRow("brands repeat") << "q=tv&brand=LG&brand=Sony"
                                   << "tv" << 2 << SearchSort::Relevance << 20;
    QTest::newRow("filters without words") << "category=101&sort=price_desc&limit=100"
                                           << "" << 0 << SearchSort::PriceDesc << 100;
    QTest::newRow("fastest with a pincode") << "q=tv&pincode=411001&sort=fastest&limit=1"
                                            << "tv" << 0 << SearchSort::Fastest << 1;
}

void TestSearch::readsRequests()
{
    QFETCH(QString, query);
    QFETCH(QString, text);
    QFETCH(int, brands);
    QFETCH(SearchSort, sort);
    QFETCH(int, limit);
    const auto r = searchRequestFromQuery(QUrlQuery(query));
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    QCOMPARE(r->text, text);
    QCOMPARE(r->brands.size(), brands);
    QCOMPARE(r->sort, sort);
    QCOMPARE(r->limit, limit);
}

void TestSearch::refusesBadRequests_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("nothing") << ""
                             << "q";
    QTest::newRow("blank words") << "q=%20%20"
                                 << "q";
    QTest::newRow("201 characters") << "q=" + QString(201, u'x') << "q";
    QTest::newRow("limit 0") << "q=a&limit=0"
                             << "limit";
    QTest::newRow("limit 101") << "q=a&limit=101"
                               << "limit";
    QTest::newRow("limit words") << "q=a&limit=ten"
                                 << "limit";
    QTest::newRow("pincode starting 0") << "q=a&pincode=011001"
                                        << "pincode";
    QTest::newRow("pincode letters") << "q=a&pincode=41100x"
                                     << "pincode";
    QTest::newRow("negative price") << "q=a&price_max=-1"
                                    << "price_max";
    QTest::newRow("price upside down") << "q=a&price_min=10&price_max=9"
                                       << "price_min";
    QTest::newRow("category zero") << "q=a&category=0"
                                   << "category";
    QTest::newRow("sort unknown") << "q=a&sort=random"
                                  << "sort";
    QTest::newRow("fastest, no pincode") << "q=a&sort=fastest"
                                         << "sort";
    QTest::newRow("empty brand") << "q=a&brand="
                                 << "brand";
    QTest::newRow("attr without a name") << "q=a&attr.=x"
                                         << "attr.";
    QTest::newRow("attr without a value") << "q=a&attr.panel="
                                          << "attr.panel";
    QTest::newRow("21 brands") << "q=a" + QString("&brand=b").repeated(21) << "brand";
    QTest::newRow("after empty") << "q=a&after="
                                 << "after";
    QTest::newRow("unknown parameter") << "q=a&page=2"
                                       << "page";
    QTest::newRow("sort twice") << "q=a&sort=price_asc&sort=price_desc"
                                << "sort";
}

void TestSearch::refusesBadRequests()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const auto r = searchRequestFromQuery(QUrlQuery(query));
    QVERIFY(!r);
    QCOMPARE(r.error().kind(), DomainError::Kind::Validation);
    QVERIFY2(fieldsOf(r.error()).contains(field), qPrintable(fieldsOf(r.error()).join(u',')));
}

void TestSearch::requestsRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("brand");
    QTest::newRow("plain") << "oled tv 55"
                           << "LG";
    QTest::newRow("plus and ampersand") << "c++ & rust"
                                        << "Marks & Spencer";
    QTest::newRow("equals and hash") << "a=b #1"
                                     << "Brand=#";
    QTest::newRow("percent") << "100% cotton"
                             << "50%";
    QTest::newRow("hindi") << QString::fromUtf8("गोदान प्रेमचंद") << QString::fromUtf8("राजकमल");
}

void TestSearch::requestsRoundTrip()
{
    QFETCH(QString, text);
    QFETCH(QString, brand);
    SearchRequest sent;
    sent.text = text;
    sent.brands = {brand, QStringLiteral("Other")};
    sent.pincode = QStringLiteral("560001");
    sent.categoryId = 101;
    sent.priceMinMinor = 100;
    sent.priceMaxMinor = 5000000;
    sent.attributes.insert(QStringLiteral("panel"),
                           {QStringLiteral("OLED"), QStringLiteral("QLED")});
    sent.sort = SearchSort::PriceAsc;
    sent.after = QStringLiteral("YS4xLjI");
    sent.limit = 37;
    // Through the URL as the client sends it and the server receives it.
    QUrl url(QStringLiteral("http://h/api/v1/search"));
    url.setQuery(sent.toQuery());
    const auto got = searchRequestFromQuery(QUrlQuery(QUrl(url.toEncoded())));
    QVERIFY2(got, got ? "" : qPrintable(got.error().toString()));
    QCOMPARE(got->text, sent.text);
    QCOMPARE(got->brands, sent.brands);
    QCOMPARE(got->pincode, sent.pincode);
    QCOMPARE(got->categoryId, sent.categoryId);
    QCOMPARE(got->priceMinMinor, sent.priceMinMinor);
    QCOMPARE(got->priceMaxMinor, sent.priceMaxMinor);
    QCOMPARE(got->attributes, sent.attributes);
    QCOMPARE(got->sort, sent.sort);
    QCOMPARE(got->after, sent.after);
    QCOMPARE(got->limit, sent.limit);
}

void TestSearch::resultsRoundTrip()
{
    SearchResult r;
    r.total = 12345;
    SearchHit withPromise{7,
                          QStringLiteral("LG 139 cm (55 inch) OLED TV \"C3\""),
                          QStringLiteral("LG"),
                          101,
                          Money{6499900, QStringLiteral("INR")},
                          SearchDelivery{2, QDate(2026, 11, 27), 3}};
    SearchHit without{8,   QString::fromUtf8("गोदान"),          QString(),
                      401, Money{14900, QStringLiteral("INR")}, std::nullopt};
    r.items = {withPromise, without};
    r.facets = {Facet{QStringLiteral("brand"),
                      QStringLiteral("Brand"),
                      {{QStringLiteral("LG"), QStringLiteral("LG"), 3}}},
                Facet{QStringLiteral("attr.panel"), QStringLiteral("Panel type"), {}}};
    r.suggestion = QStringLiteral("samsung");
    r.next = QStringLiteral("ci4yMC4w");
    const auto back = searchResultFromJson(toJson(r));
    QVERIFY(back);
    QCOMPARE(back->total, r.total);
    QCOMPARE(back->items.size(), 2);
    QCOMPARE(back->items[0].title, withPromise.title);
    QCOMPARE(back->items[0].price, withPromise.price);
    QVERIFY(back->items[0].delivery);
    QCOMPARE(back->items[0].delivery->promiseDate, QDate(2026, 11, 27));
    QCOMPARE(back->items[0].delivery->warehouseId, 3);
    QVERIFY(!back->items[1].delivery);
    QCOMPARE(back->items[1].title, without.title);
    QCOMPARE(back->facets.size(), 2);
    QCOMPARE(back->facets[0].values[0].count, 3);
    QCOMPARE(back->facets[1].name, QStringLiteral("attr.panel"));
    QCOMPARE(back->suggestion, r.suggestion);
    QCOMPARE(back->next, r.next);
    // The last page: no cursor, no suggestion (nulls on the wire).
    r.next.clear();
    r.suggestion.clear();
    const QJsonObject json = toJson(r);
    QVERIFY(json.value(QStringLiteral("next")).isNull());
    QVERIFY(searchResultFromJson(json)->next.isEmpty());
    // A hit without a title is malformed.
    QJsonObject broken = json;
    QJsonArray items = broken.value(QStringLiteral("items")).toArray();
    QJsonObject first = items[0].toObject();
    first.remove(QStringLiteral("title"));
    items[0] = first;
    broken.insert(QStringLiteral("items"), items);
    QVERIFY(!searchResultFromJson(broken));
}

void TestSearch::cursors_data()
{
    QTest::addColumn<SearchSort>("sort");
    QTest::addColumn<qint64>("key");
    QTest::addColumn<qint64>("id");
    QTest::newRow("relevance") << SearchSort::Relevance << qint64(40) << qint64(0);
    QTest::newRow("price") << SearchSort::PriceAsc << qint64(4999900) << qint64(17);
    QTest::newRow("price, descending (negated)")
        << SearchSort::PriceDesc << qint64(-4999900) << qint64(17);
    QTest::newRow("fastest") << SearchSort::Fastest << qint64(2000000000014900) << qint64(99999);
}

void TestSearch::cursors()
{
    QFETCH(SearchSort, sort);
    QFETCH(qint64, key);
    QFETCH(qint64, id);
    const QString text = SearchCursor{sort, key, id}.encode();
    const auto back = SearchCursor::decode(text, sort);
    QVERIFY(back);
    QCOMPARE(back->key, key);
    QCOMPARE(back->id, id);
    // Not for another sort, not tampered with, not garbage.
    const SearchSort other
        = sort == SearchSort::PriceAsc ? SearchSort::Fastest : SearchSort::PriceAsc;
    QVERIFY(!SearchCursor::decode(text, other));
    QVERIFY(!SearchCursor::decode(text + QStringLiteral("!"), sort));
    QVERIFY(!SearchCursor::decode(QStringLiteral("%%%"), sort));
    QVERIFY(!SearchCursor::decode(QString(), sort));
    QVERIFY(
        !SearchCursor::decode(QStringLiteral("ci4xMDAxLjA"), SearchSort::Relevance)); // rank 1001
}

void TestSearch::hyphenJoined_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("joined");
    QTest::newRow("t-shirt") << "Men's Slim Fit T-shirt, Red"
                             << "Tshirt";
    QTest::newRow("two") << "Wi-Fi and V-neck"
                         << "WiFi Vneck";
    QTest::newRow("three parts") << "state-of-the-art"
                                 << "stateoftheart";
    QTest::newRow("none") << "Frost Free Refrigerator"
                          << "";
    QTest::newRow("a dash alone") << "A - B"
                                  << "";
}

void TestSearch::hyphenJoined()
{
    QFETCH(QString, text);
    QFETCH(QString, joined);
    QCOMPARE(hyphenJoinedWords(text), joined);
}

void TestSearch::documentTerms()
{
    const CategoryTree tree = demoTree();
    Item tv;
    tv.id = 42;
    tv.title = QStringLiteral("Acme 139 cm (55 inch) OLED Smart TV, Wi-Fi");
    tv.brand = QStringLiteral("Acme Vision");
    tv.categoryId = 101;
    tv.description = QStringLiteral("Bright pictures for the living room.");
    tv.attributes = QJsonObject{{QStringLiteral("panel"), QStringLiteral("OLED")},
                                {QStringLiteral("smart"), true},
                                {QStringLiteral("screen_size"), 55}};
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem(searchschema::Language));
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    SpellingWords spelling;
    const Xapian::Document doc = searchDocument(tv, tree, terms, &spelling);
    const auto t = termsOf(doc);
    // Filters: the item, its category and every ancestor, the brand, each attribute value.
    for (const char *expected : {"Q42", "XC101", "XC1", "XBacme vision", "XApanel=oled",
                                 "XAsmart=yes", "XAscreen_size=55"})
        QVERIFY2(t.count(expected), expected);
    // Words, stems, the joined spelling and category names.
    for (const char *expected :
         {"oled", "55", "wifi", "televisions", "Ztelevis", "living", "acme", "smart"})
        QVERIFY2(t.count(expected), expected);
    QCOMPARE(doc.get_data(), tv.title.toStdString());
    // Title words weigh more than description words.
    Xapian::termcount oled = 0;
    Xapian::termcount living = 0;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (*it == "oled")
            oled = it.get_wdf();
        if (*it == "living")
            living = it.get_wdf();
    }
    QVERIFY(oled > living);
    // Spelling counts title and brand words only.
    QCOMPARE(spelling.count("acme"), size_t(1));
    QCOMPARE(spelling["acme"], Xapian::termcount(1)); // once per item, title and brand alike
    QCOMPARE(spelling.count("living"), size_t(0));
    QCOMPARE(spelling.count("Zoled"), size_t(0));
}

void TestSearch::factsSnapshotsStayPut()
{
    SearchFactsBuilder builder;
    ItemFacts a;
    a.priceMinor = 100;
    a.categoryId = 101;
    a.brand = builder.brandOrdinal(QStringLiteral("LG"));
    builder.set(5, a);
    builder.setStockMask(5, 0b101);
    builder.setStockMask(9000, 0b1); // stock before its item: kept, not present
    const auto first = builder.publish();
    QVERIFY(first->find(5));
    QCOMPARE(first->find(5)->stockMask, quint64(0b101));
    QVERIFY(!first->find(9000));
    QVERIFY(!first->find(6));
    QVERIFY(!first->find(quint64(1) << 40)); // far beyond every chunk
    QCOMPARE(first->count(), quint32(1));

    // Changes after a publish do not reach the published snapshot.
    a.priceMinor = 200;
    builder.set(5, a);
    builder.set(9000, a);
    QCOMPARE(builder.brandOrdinal(QStringLiteral("lg")), quint32(1)); // one brand, any case
    const quint32 sony = builder.brandOrdinal(QStringLiteral("Sony"));
    QCOMPARE(first->find(5)->priceMinor, 100);
    QVERIFY(!first->find(9000));
    QCOMPARE(first->dictionaries().brands.size(), 1);
    const auto second = builder.publish();
    QCOMPARE(second->find(5)->priceMinor, 200);
    QCOMPARE(second->find(5)->stockMask, quint64(0b101)); // stock follows its own events
    QVERIFY(second->find(9000));
    QCOMPARE(second->find(9000)->stockMask, quint64(0b1));
    QCOMPARE(second->count(), quint32(2));
    QCOMPARE(second->dictionaries().brands[int(sony) - 1], QStringLiteral("Sony"));

    builder.remove(5);
    builder.remove(5); // a replayed delete
    const auto third = builder.publish();
    QVERIFY(!third->find(5));
    QVERIFY(second->find(5));
    QCOMPARE(third->count(), quint32(1));

    // Warehouse slots: stable, and refused past the mask's width.
    for (int w = 0; w < SearchDictionaries::MaxWarehouseSlots; ++w)
        QCOMPARE(builder.warehouseSlot(1000 + w), w);
    QCOMPARE(builder.warehouseSlot(1000), 0);
    QCOMPARE(builder.warehouseSlot(5000), -1);
    QCOMPARE(builder.attributeOrdinal(QStringLiteral("panel"), QStringLiteral("OLED")), quint16(1));
    QCOMPARE(builder.attributeOrdinal(QStringLiteral("panel"), QStringLiteral("oled")), quint16(1));
    QCOMPARE(builder.attributeOrdinal(QStringLiteral("panel"), QStringLiteral("LED")), quint16(2));
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"

// The Storefront's search against a real seeded server with the demo delivery network, signed in
// through the login dialog as the demo customer (pincode 560001). What the widgets show is checked
// against what GET /search and GET /search/suggest answer for the same question: completions
// appear while typing (one request for a burst of keys); results carry their delivery promise for
// the pincode; ticking a facet value gives exactly its count of rows, and Clear filters undoes it;
// the sort selector orders by price (and by delivery with a pincode only); scrolling the table
// fetches the following pages until every hit is listed once; a misspelling offers "Did you mean"
// and its button searches the suggestion; a newer query supersedes one still loading; bad
// pincodes are marked (locally, or from the server's 422) while the window keeps answering; a hit
// opens in the item pane with Add to cart, and the category tree still browses.

#include "apicall.h"
#include "apiclient.h"
#include "apipaths.h"
#include "app/appcontroller.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/settings.h"
#include "models/cartmodel.h"
#include "models/categorytreemodel.h"
#include "models/completionmodel.h"
#include "models/facetmodel.h"
#include "models/itemlistmodel.h"
#include "models/searchfilters.h"
#include "models/searchresultmodel.h"
#include "models/searchtext.h"
#include "searchcodecs.h"
#include "storefront/facetpanel.h"
#include "storefront/itemdetailpane.h"
#include "storefront/searchbar.h"
#include "storefront/searchcontroller.h"
#include "storefront/searchresultspanel.h"
#include "storefront/storefrontwidget.h"
#include "testserver.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace pincart;
using namespace pincart::test;

using State = PagedTableModel::State;
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
constexpr int Timeout = 15000;
const QString CustomerPincode = QStringLiteral("560001");

namespace {

QList<qint64> idsOf(const QList<SearchHit> &hits)
{
    QList<qint64> ids;
    for (const SearchHit &h : hits)
        ids << h.id;
    return ids;
}

const Facet *facetNamed(const QList<Facet> &facets, const QString &name)
{
    for (const Facet &f : facets) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

// The first facet whose name starts with `prefix` ("attr." for any attribute).
const Facet *facetStarting(const QList<Facet> &facets, const QString &prefix)
{
    for (const Facet &f : facets) {
        if (f.name.startsWith(prefix))
            return &f;
    }
    return nullptr;
}

// A TCP relay in front of the test server that holds back the answers to requests containing
// `slowMarker` for `delay`, so an older query's answer arrives after a newer one's.
class SlowRelay
{
public:
    SlowRelay(quint16 upstreamPort, QByteArray slowMarker, int delayMs)
        : m_upstreamPort(upstreamPort)
        , m_marker(std::move(slowMarker))
        , m_delayMs(delayMs)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int held() const { return m_held; }

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
            auto slow = std::make_shared<bool>(false); // the connection's latest request
            QObject::connect(client, &QTcpSocket::readyRead, upstream,
                             [this, client, upstream, slow] {
                                 const QByteArray request = client->readAll();
                                 *slow = request.contains(m_marker);
                                 upstream->write(request);
                             });
            QObject::connect(upstream, &QTcpSocket::readyRead, client,
                             [this, client, upstream, slow] {
                                 const QByteArray answer = upstream->readAll();
                                 if (!*slow) {
                                     client->write(answer);
                                     return;
                                 }
                                 ++m_held;
                                 QTimer::singleShot(m_delayMs, client,
                                                    [client, answer] { client->write(answer); });
                             });
            QObject::connect(upstream, &QTcpSocket::disconnected, client,
                             [client] { client->disconnectFromHost(); });
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    }

    QTcpServer m_server;
    quint16 m_upstreamPort;
    QByteArray m_marker;
    int m_delayMs;
    int m_held = 0;
};

} // namespace

class TestStorefrontSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    // No server needed: how facet values become request parameters.
    void priceBands_data();
    void priceBands();
    void filtersMakeTheRequest();

    void completionsWhileTyping_data();
    void completionsWhileTyping();
    void choosingACompletionSearchesIt();
    void resultsCarryPromises_data();
    void resultsCarryPromises();
    void facetNarrowsToItsCount_data();
    void facetNarrowsToItsCount();
    void sortOrdersResults_data();
    void sortOrdersResults();
    void fastestNeedsAPincode();
    void scrollingFetchesNextPages();
    void didYouMeanSearchesSuggestion_data();
    void didYouMeanSearchesSuggestion();
    void newerQuerySupersedesOlder();
    void badPincode_data();
    void badPincode();
    void hitOpensDetailAndCategoriesStillBrowse();

private:
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
    // GET /search as the demo customer, every page when `allPages`.
    SearchResult apiSearch(SearchRequest request, bool allPages = false);
    QStringList apiCompletions(const QString &prefix);
    // Types `text` into the search box (replacing what was there) and presses Enter.
    void typeAndSearch(const QString &text);
    // Waits for the first page of `text` (and whatever else the view asked for) to be in.
    bool waitForResults(StorefrontWidget *store, const QString &text);
    // Scrolls the results table down until every page is loaded; false on a failure or timeout.
    bool scrollToEnd(StorefrontWidget *store, int *fetchesByScrolling = nullptr);
    // Replaces the search bar's pincode with `text` and leaves the field (Enter).
    void typePincode(const QString &text);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiCall> m_buyer;
    // A query with many deliverable hits over several brands, categories and price bands.
    QString m_broad;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AppController> m_app;
};

void TestStorefrontSearch::initTestCase()
{
    QApplication::setQuitOnLastWindowClosed(false);
    m_server = std::make_unique<TestServer>(
        Backend::Sqlite, TestServer::Options{.items = 200, .loadPincodes = true});
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_buyer = std::make_unique<ApiCall>(m_server->url());
    QVERIFY(!m_buyer->login(DemoAccounts::Customer, DemoAccounts::Password).isEmpty());

    // The index catches up with the catalogue after the server starts.
    SearchRequest probe;
    probe.text = QStringLiteral("samsung");
    QTRY_VERIFY_WITH_TIMEOUT(apiSearch(probe).total > 0, 30000);

    // The broad query of the facet and paging tests: the first candidate that has enough hits
    // deliverable to 560001 and something to narrow in every facet.
    for (const QString &candidate :
         {QStringLiteral("black"), QStringLiteral("smart"), QStringLiteral("men"),
          QStringLiteral("blue"), QStringLiteral("samsung"), QStringLiteral("gb")}) {
        SearchRequest r;
        r.text = candidate;
        r.pincode = CustomerPincode;
        const SearchResult result = apiSearch(r);
        const auto many = [&](const QString &name) {
            const Facet *f = facetNamed(result.facets, name);
            return f && f->values.size() >= 2;
        };
        if (result.total >= 25 && many(QStringLiteral("brand")) && many(QStringLiteral("category"))
            && many(QStringLiteral("price"))) {
            m_broad = candidate;
            break;
        }
    }
    QVERIFY2(!m_broad.isEmpty(), "no candidate query has enough deliverable hits to test with");
    qInfo("broad query: %s", qPrintable(m_broad));
}

void TestStorefrontSearch::cleanupTestCase()
{
    m_buyer.reset();
    m_server.reset();
}

void TestStorefrontSearch::init()
{
    m_settingsDir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<Settings>(m_settingsDir->filePath(QStringLiteral("pincart.ini")));
    m_app = std::make_unique<AppController>(m_settings.get(), AppController::Options{});
    m_app->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_app->loginDialog()));
}

void TestStorefrontSearch::cleanup()
{
    m_app.reset();
    m_settings.reset();
    m_settingsDir.reset();
}

StorefrontWidget *TestStorefrontSearch::signIn(const QUrl &server)
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
    MainWindow *window = m_app->mainWindow();
    if (!QTest::qWaitForWindowExposed(window))
        return nullptr;
    // The completion popup shows only while the search box has the focus.
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window))
        return nullptr;
    return window->storefront();
}

SearchResult TestStorefrontSearch::apiSearch(SearchRequest request, bool allPages)
{
    SearchResult all;
    for (;;) {
        const ApiResponse r = m_buyer->get(paths::search(), request.toQuery());
        const auto page = searchResultFromJson(r.json());
        if (r.status != 200 || !page) {
            qWarning("GET /search %s: %d %s", qPrintable(request.toQuery().toString()), r.status,
                     r.body.constData());
            return {};
        }
        if (all.items.isEmpty() && all.facets.isEmpty()) {
            all.total = page->total;
            all.facets = page->facets;
            all.suggestion = page->suggestion;
        }
        all.items << page->items;
        all.next = page->next;
        if (!allPages || page->next.isEmpty() || page->items.isEmpty())
            return all;
        request.after = page->next;
        request.limit = SearchLimits::MaxPageSize;
    }
}

QStringList TestStorefrontSearch::apiCompletions(const QString &prefix)
{
    SearchRequest request;
    request.text = prefix;
    const ApiResponse r = m_buyer->get(paths::searchSuggest(), request.toQuery());
    const auto completions = completionsFromJson(r.json());
    if (r.status != 200 || !completions) {
        qWarning("GET /search/suggest?q=%s: %d %s", qPrintable(prefix), r.status,
                 r.body.constData());
        return {};
    }
    return *completions;
}

void TestStorefrontSearch::typeAndSearch(const QString &text)
{
    auto *edit = find<QLineEdit>(QStringLiteral("searchEdit"));
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

bool TestStorefrontSearch::waitForResults(StorefrontWidget *store, const QString &text)
{
    SearchResultModel *results = store->search()->results();
    // Ready or Complete: the first page is in (an empty one completes the list).
    const auto answered = [&] {
        return results->request().text == text
               && (results->state() == State::Ready || results->state() == State::Complete
                   || results->state() == State::Failed);
    };
    if (!QTest::qWaitFor(answered, Timeout)) {
        qWarning("no answer for %s", qPrintable(text));
        return false;
    }
    if (results->state() == State::Failed) {
        qWarning("search for %s failed: %s", qPrintable(text), qPrintable(results->errorString()));
        return false;
    }
    return true;
}

bool TestStorefrontSearch::scrollToEnd(StorefrontWidget *store, int *fetchesByScrolling)
{
    SearchResultModel *results = store->search()->results();
    QTableView *view = store->searchResultsPanel()->view();
    QElapsedTimer clock;
    clock.start();
    while (results->state() != State::Complete) {
        if (results->state() == State::Failed || clock.elapsed() > 4 * Timeout)
            return false;
        if (results->state() == State::Loading) {
            QTest::qWait(10);
            continue;
        }
        // Ready: the user scrolls to the bottom, and the view asks the model for more.
        const int before = results->rowCount();
        view->scrollToBottom();
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        if (!QTest::qWaitFor([&] { return results->rowCount() > before; }, Timeout))
            return false;
        if (fetchesByScrolling)
            ++*fetchesByScrolling;
    }
    return true;
}

void TestStorefrontSearch::typePincode(const QString &text)
{
    auto *pincode = find<QLineEdit>(QStringLiteral("searchPincodeEdit"));
    QVERIFY(pincode);
    pincode->setFocus();
    pincode->selectAll();
    if (text.isEmpty())
        QTest::keyClick(pincode, Qt::Key_Delete);
    else
        QTest::keyClicks(pincode, text);
    QTest::keyClick(pincode, Qt::Key_Return);
}

void TestStorefrontSearch::priceBands_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("max"); // -1: open ended

    QTest::addRow("band") << QStringLiteral("100000-499999") << true << qint64(100000)
                          << qint64(499999);
    QTest::addRow("from zero") << QStringLiteral("0-99999") << true << qint64(0) << qint64(99999);
    QTest::addRow("open last band")
        << QStringLiteral("5000000-") << true << qint64(5000000) << qint64(-1);
    QTest::addRow("one price") << QStringLiteral("4999-4999") << true << qint64(4999)
                               << qint64(4999);
    QTest::addRow("empty") << QString() << false << qint64(0) << qint64(0);
    QTest::addRow("no dash") << QStringLiteral("100000") << false << qint64(0) << qint64(0);
    QTest::addRow("no lower bound") << QStringLiteral("-5000") << false << qint64(0) << qint64(0);
    QTest::addRow("negative upper") << QStringLiteral("10--5") << false << qint64(0) << qint64(0);
    QTest::addRow("reversed") << QStringLiteral("5000-100") << false << qint64(0) << qint64(0);
    QTest::addRow("rupees with a dot")
        << QStringLiteral("10.5-20") << false << qint64(0) << qint64(0);
    QTest::addRow("letters") << QStringLiteral("cheap-dear") << false << qint64(0) << qint64(0);
}

void TestStorefrontSearch::priceBands()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QFETCH(qint64, min);
    QFETCH(qint64, max);
    const auto band = parsePriceBand(value);
    QCOMPARE(band.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(band->minMinor, std::optional<qint64>(min));
    QCOMPARE(band->maxMinor, max < 0 ? std::nullopt : std::optional<qint64>(max));
}

void TestStorefrontSearch::filtersMakeTheRequest()
{
    SearchFilters filters;
    QVERIFY(filters.set(QStringLiteral("brand"), QStringLiteral("Samsung"), {}, true));
    QVERIFY(filters.set(QStringLiteral("brand"), QStringLiteral("LG"), {}, true));
    QVERIFY(!filters.set(QStringLiteral("brand"), QStringLiteral("LG"), {}, true)); // no change
    QVERIFY(
        filters.set(QStringLiteral("category"), QStringLiteral("7"), QStringLiteral("TVs"), true));
    // One category and one price band at a time: the second replaces the first.
    QVERIFY(filters.set(QStringLiteral("category"), QStringLiteral("9"), QStringLiteral("Phones"),
                        true));
    QVERIFY(filters.set(QStringLiteral("price"), QStringLiteral("0-99999"), {}, true));
    QVERIFY(filters.set(QStringLiteral("price"), QStringLiteral("100000-"), {}, true));
    QVERIFY(filters.set(QStringLiteral("attr.screen_size"), QStringLiteral("55"), {}, true));
    // What cannot be sent is refused.
    QVERIFY(!filters.set(QStringLiteral("category"), QStringLiteral("tvs"), {}, true));
    QVERIFY(!filters.set(QStringLiteral("price"), QStringLiteral("cheap"), {}, true));
    QVERIFY(!filters.set(QStringLiteral("colour"), QStringLiteral("red"), {}, true));
    QVERIFY(!filters.set(QStringLiteral("attr."), QStringLiteral("red"), {}, true));

    SearchRequest request;
    request.text = QStringLiteral("tv");
    request.brands = {QStringLiteral("stale")};
    filters.applyTo(request);
    QCOMPARE(request.text, QStringLiteral("tv"));
    QCOMPARE(request.brands, QStringList({QStringLiteral("Samsung"), QStringLiteral("LG")}));
    QCOMPARE(request.categoryId, std::optional<qint64>(9));
    QCOMPARE(request.priceMinMinor, std::optional<qint64>(100000));
    QCOMPARE(request.priceMaxMinor, std::optional<qint64>());
    QCOMPARE(request.attributes.value(QStringLiteral("screen_size")),
             QStringList{QStringLiteral("55")});
    QCOMPARE(filters.choices(QStringLiteral("category")).constFirst().label,
             QStringLiteral("Phones"));

    QVERIFY(filters.set(QStringLiteral("brand"), QStringLiteral("Samsung"), {}, false));
    QVERIFY(filters.set(QStringLiteral("brand"), QStringLiteral("LG"), {}, false));
    filters.applyTo(request);
    QVERIFY(request.brands.isEmpty());
    QVERIFY(!filters.facets().contains(QStringLiteral("brand")));
    filters.clear();
    filters.applyTo(request);
    QVERIFY(!request.categoryId && !request.priceMinMinor && request.attributes.isEmpty());
}

void TestStorefrontSearch::completionsWhileTyping_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("expected"); // must be among the completions

    QTest::addRow("brand") << QStringLiteral("sams") << QStringLiteral("samsung");
    QTest::addRow("brand, capitals") << QStringLiteral("SAMS") << QStringLiteral("samsung");
    QTest::addRow("product word") << QStringLiteral("refrig") << QStringLiteral("refrigerator");
    QTest::addRow("second word") << QStringLiteral("samsung ga") << QString();
}

void TestStorefrontSearch::completionsWhileTyping()
{
    QFETCH(QString, prefix);
    QFETCH(QString, expected);
    const QStringList fromServer = apiCompletions(prefix);
    if (!expected.isEmpty())
        QVERIFY2(fromServer.contains(expected, Qt::CaseInsensitive),
                 qPrintable(fromServer.join(u',')));

    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchBar *bar = store->searchBar();
    CompletionModel *completions = bar->completionModel();
    QAbstractItemModelTester tester(completions, Fatal);
    auto *edit = find<QLineEdit>(QStringLiteral("searchEdit"));
    QVERIFY(edit);
    edit->setFocus();
    QTRY_VERIFY(edit->hasFocus());

    // A burst of keys (faster than the pause completion waits for) asks once, for all of them.
    QTest::keyClicks(edit, prefix);
    QTRY_COMPARE_WITH_TIMEOUT(completions->prefix(), prefix.trimmed(), Timeout);
    QCOMPARE(completions->requestCount(), 1);
    QCOMPARE(completions->stringList(), fromServer);
    if (!fromServer.isEmpty()) {
        QTRY_VERIFY(bar->completer()->popup()->isVisible());
        QCOMPARE(bar->completer()->popup()->model()->rowCount(), fromServer.size());
    }
    // Nothing was searched: typing only completes.
    QVERIFY(!store->isSearching());
    QCOMPARE(store->search()->results()->request().text, QString());

    // Typed on after a pause: the list follows the latest prefix only, and a single letter
    // empties it without asking.
    const int asked = completions->requestCount();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTRY_COMPARE_WITH_TIMEOUT(completions->prefix(), prefix.chopped(1).trimmed(), Timeout);
    QCOMPARE(completions->requestCount(), asked + 1);
    QCOMPARE(completions->stringList(), apiCompletions(prefix.chopped(1)));
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("s"));
    QCOMPARE(completions->rowCount(), 0);
    QTest::qWait(300);
    QCOMPARE(completions->requestCount(), asked + 1);
}

void TestStorefrontSearch::choosingACompletionSearchesIt()
{
    const QStringList fromServer = apiCompletions(QStringLiteral("sams"));
    QVERIFY(!fromServer.isEmpty());
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchBar *bar = store->searchBar();
    auto *edit = find<QLineEdit>(QStringLiteral("searchEdit"));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("sams"));
    QAbstractItemView *popup = bar->completer()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible() && popup->model()->rowCount() > 0, Timeout);

    // A click on the last completion: the box shows it and it is searched, once.
    QSignalSpy searches(bar, &SearchBar::searchRequested);
    const QModelIndex last = popup->model()->index(popup->model()->rowCount() - 1, 0);
    const QString chosen = last.data().toString();
    popup->scrollTo(last);
    QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, popup->visualRect(last).center());
    QTRY_VERIFY_WITH_TIMEOUT(store->isSearching(), Timeout);
    QCOMPARE(edit->text(), chosen);
    QVERIFY(waitForResults(store, chosen));
    QCOMPARE(searches.size(), 1);
    QVERIFY(!popup->isVisible());
    // The answer to the search does not bring completions back.
    QTest::qWait(300);
    QVERIFY(!popup->isVisible());
}

void TestStorefrontSearch::resultsCarryPromises_data()
{
    QTest::addColumn<QString>("query");
    QTest::addRow("brand") << QStringLiteral("samsung");
    QTest::addRow("product") << QStringLiteral("shoes");
    QTest::addRow("broad") << QString(); // m_broad
}

void TestStorefrontSearch::resultsCarryPromises()
{
    QFETCH(QString, query);
    if (query.isEmpty())
        query = m_broad;
    SearchRequest asked;
    asked.text = query;
    asked.pincode = CustomerPincode;
    const SearchResult expected = apiSearch(asked);
    QVERIFY2(expected.total > 0, qPrintable(query));

    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    QAbstractItemModelTester tester(results, Fatal);
    QCOMPARE(find<QLineEdit>(QStringLiteral("searchPincodeEdit"))->text(), CustomerPincode);
    QVERIFY(!store->isSearching());
    typeAndSearch(query);
    QTRY_VERIFY(store->isSearching());
    QVERIFY(waitForResults(store, query));
    QCOMPARE(results->request().pincode, CustomerPincode);
    QCOMPARE(results->total(), expected.total);
    QVERIFY(store->facetPanel()->isVisible() && store->searchResultsPanel()->isVisible());
    QVERIFY(!find<QTreeView>(QStringLiteral("categoriesView"))->isVisible());
    QCOMPARE(find<QLabel>(QStringLiteral("searchSummaryLabel"))->text(),
             searchSummaryText(expected.total, query, CustomerPincode));

    // The first page as the server orders it; every row deliverable, with its promise date.
    QVERIFY(results->rowCount() >= expected.items.size());
    QTableView *view = store->searchResultsPanel()->view();
    QCOMPARE(view->model(), results);
    for (int row = 0; row < expected.items.size(); ++row) {
        const SearchHit &hit = expected.items.at(row);
        QVERIFY2(hit.delivery, "the server sent an undeliverable hit for a pincode");
        const auto cell = [&](int column) {
            return results->index(row, column).data().toString();
        };
        QCOMPARE(results->index(row, 0).data(SearchResultModel::ItemIdRole).toLongLong(), hit.id);
        QCOMPARE(cell(SearchResultModel::TitleColumn), hit.title);
        QCOMPARE(cell(SearchResultModel::BrandColumn), hit.brand);
        QCOMPARE(cell(SearchResultModel::PriceColumn), hit.price.toDisplayString());
        QCOMPARE(cell(SearchResultModel::DeliveryColumn), arrivesByText(hit.delivery->promiseDate));
        QVERIFY2(cell(SearchResultModel::DeliveryColumn).startsWith(QStringLiteral("Arrives by ")),
                 qPrintable(cell(SearchResultModel::DeliveryColumn)));
        QCOMPARE(results->index(row, 0).data(SearchResultModel::PromiseDateRole).toDate(),
                 hit.delivery->promiseDate);
        QVERIFY(hit.delivery->promiseDate >= QDate::currentDate().addDays(-1));
    }

    // Without a pincode the same words find at least as much, with no promise to show.
    typePincode(QString());
    QTRY_COMPARE_WITH_TIMEOUT(results->request().pincode, QString(), Timeout);
    QVERIFY(waitForResults(store, query));
    QVERIFY(results->total() >= expected.total);
    QCOMPARE(results->index(0, SearchResultModel::DeliveryColumn).data().toString(),
             QStringLiteral("—"));
    QVERIFY(!results->index(0, 0).data(SearchResultModel::PromiseDateRole).isValid());
}

void TestStorefrontSearch::facetNarrowsToItsCount_data()
{
    QTest::addColumn<QString>("facet"); // a facet name, or a prefix ending in '.'
    QTest::addRow("brand") << QStringLiteral("brand");
    QTest::addRow("category") << QStringLiteral("category");
    QTest::addRow("price band") << QStringLiteral("price");
    QTest::addRow("attribute") << QStringLiteral("attr.");
}

void TestStorefrontSearch::facetNarrowsToItsCount()
{
    QFETCH(QString, facet);
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    FacetModel *facets = store->search()->facets();
    QAbstractItemModelTester resultsTester(results, Fatal);
    QAbstractItemModelTester facetsTester(facets, Fatal);
    results->setPageSize(10); // so that the narrowed list takes pages too
    typeAndSearch(m_broad);
    QVERIFY(waitForResults(store, m_broad));
    const qint64 before = results->total();

    // A value of that facet that narrows: fewer hits than the search has.
    const Facet *chosenFacet = facet.endsWith(u'.') ? facetStarting(results->facets(), facet)
                                                    : facetNamed(results->facets(), facet);
    if (!chosenFacet && facet.endsWith(u'.')) {
        // The broad query spans categories: attribute facets come with a category ticked.
        const Facet *categories = facetNamed(results->facets(), QStringLiteral("category"));
        QVERIFY(categories && !categories->values.isEmpty());
        const QModelIndex first
            = facets->indexOfValue(categories->name, categories->values.constFirst().value);
        QVERIFY(facets->setData(first, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(waitForResults(store, m_broad));
        chosenFacet = facetStarting(results->facets(), facet);
    }
    QVERIFY2(chosenFacet, qPrintable(QStringLiteral("no %1 facet for %2").arg(facet, m_broad)));
    const qint64 shown = results->total();
    QVERIFY(shown <= before);
    FacetValue value;
    for (const FacetValue &v : chosenFacet->values) {
        if (v.count > 0 && v.count < shown) {
            value = v;
            break;
        }
    }
    QVERIFY2(value.count > 0, qPrintable(QStringLiteral("nothing narrows in %1").arg(facet)));
    const QString facetName = chosenFacet->name;

    // Shown as "label (count)", and ticked in the panel as a user would: current row, Space.
    QTreeView *view = find<QTreeView>(QStringLiteral("facetsView"));
    QVERIFY(view && view->isVisible());
    QModelIndex index = facets->indexOfValue(facetName, value.value);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), QStringLiteral("%1 (%2)").arg(value.label).arg(value.count));
    QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    view->setFocus();
    view->scrollTo(index);
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(facets->filters().isSelected(facetName, value.value), true);
    QVERIFY(waitForResults(store, m_broad));
    QCOMPARE(results->total(), qint64(value.count));
    QVERIFY(scrollToEnd(store));
    QCOMPARE(results->rowCount(), value.count);
    const QList<qint64> ids = idsOf(results->hits());
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), value.count);
    for (const SearchHit &hit : results->hits()) {
        if (facetName == QLatin1String("brand"))
            QCOMPARE(hit.brand, value.value);
        if (facetName == QLatin1String("price")) {
            const auto band = parsePriceBand(value.value);
            QVERIFY(band && hit.price.amount >= *band->minMinor
                    && (!band->maxMinor || hit.price.amount <= *band->maxMinor));
        }
        QVERIFY(hit.delivery); // the pincode still filters
    }
    // The server agrees: the same filter by the API gives the same rows.
    SearchRequest same = results->request();
    QCOMPARE(idsOf(apiSearch(same, true).items), idsOf(results->hits()));
    // The value stays ticked in the new facets, and Clear filters is offered.
    index = facets->indexOfValue(facetName, value.value);
    QVERIFY(index.isValid());
    QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    auto *clear = find<QPushButton>(QStringLiteral("clearFiltersButton"));
    QVERIFY(clear && clear->isEnabled());

    // Clear filters: back to the broad search (whatever else was ticked included).
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(facets->filters().isEmpty());
    QVERIFY(waitForResults(store, m_broad));
    QCOMPARE(results->total(), before);
    QVERIFY(!clear->isEnabled());
    QCOMPARE(facets->indexOfValue(facetName, value.value).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
}

void TestStorefrontSearch::sortOrdersResults_data()
{
    QTest::addColumn<SearchSort>("sort");
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("ascending");
    QTest::addRow("price low to high")
        << SearchSort::PriceAsc << int(SearchResultModel::PriceAmountRole) << true;
    QTest::addRow("price high to low")
        << SearchSort::PriceDesc << int(SearchResultModel::PriceAmountRole) << false;
    QTest::addRow("fastest delivery")
        << SearchSort::Fastest << int(SearchResultModel::EtaDaysRole) << true;
}

void TestStorefrontSearch::sortOrdersResults()
{
    QFETCH(SearchSort, sort);
    QFETCH(int, role);
    QFETCH(bool, ascending);
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    typeAndSearch(m_broad);
    QVERIFY(waitForResults(store, m_broad));
    const qint64 total = results->total();

    auto *combo = find<QComboBox>(QStringLiteral("searchSortCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), searchSortText(SearchSort::Relevance));
    const int choice = combo->findText(searchSortText(sort));
    QVERIFY(choice >= 0);
    combo->setFocus();
    combo->setCurrentIndex(choice); // as the popup's choice does
    QCOMPARE(results->request().sort, sort);
    QVERIFY(waitForResults(store, m_broad));
    QCOMPARE(results->total(), total); // the same hits, in another order
    QVERIFY(scrollToEnd(store));
    QCOMPARE(results->rowCount(), int(total));
    for (int row = 1; row < results->rowCount(); ++row) {
        const qint64 previous = results->index(row - 1, 0).data(role).toLongLong();
        const qint64 current = results->index(row, 0).data(role).toLongLong();
        QVERIFY2(
            ascending ? previous <= current : previous >= current,
            qPrintable(QStringLiteral("row %1: %2 then %3").arg(row).arg(previous).arg(current)));
    }
    // The order is the server's: the same as the API's for the same request.
    QCOMPARE(idsOf(results->hits()), idsOf(apiSearch(results->request(), true).items));
}

void TestStorefrontSearch::fastestNeedsAPincode()
{
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    auto *combo = find<QComboBox>(QStringLiteral("searchSortCombo"));
    QVERIFY(combo);
    const int fastest = combo->findText(searchSortText(SearchSort::Fastest));
    const auto fastestEnabled = [&] {
        return combo->model()->flags(combo->model()->index(fastest, 0)).testFlag(Qt::ItemIsEnabled);
    };
    QVERIFY(fastestEnabled());
    typeAndSearch(m_broad);
    QVERIFY(waitForResults(store, m_broad));
    combo->setCurrentIndex(fastest);
    QVERIFY(waitForResults(store, m_broad));
    QCOMPARE(results->request().sort, SearchSort::Fastest);

    // Without a pincode there is no delivery date to sort by: relevance, in one search.
    QSignalSpy resets(results, &QAbstractItemModel::modelReset);
    typePincode(QString());
    QCOMPARE(resets.size(), 1);
    QVERIFY(!fastestEnabled());
    QCOMPARE(combo->currentText(), searchSortText(SearchSort::Relevance));
    QCOMPARE(results->request().sort, SearchSort::Relevance);
    QCOMPARE(results->request().pincode, QString());
    QVERIFY(waitForResults(store, m_broad));

    typePincode(CustomerPincode);
    QVERIFY(fastestEnabled());
    QCOMPARE(results->request().pincode, CustomerPincode);
    QVERIFY(waitForResults(store, m_broad));
}

void TestStorefrontSearch::scrollingFetchesNextPages()
{
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    // No QAbstractItemModelTester here: it calls fetchMore() itself, and this test is about who
    // does (the view, as it scrolls).
    results->setPageSize(5);                // a small catalogue, many pages
    m_app->mainWindow()->resize(1000, 480); // fewer rows than the hits fit in the table
    SearchRequest asked;
    asked.text = m_broad;
    asked.pincode = CustomerPincode;
    const SearchResult expected = apiSearch(asked, true);
    QVERIFY(expected.total > 20);

    typeAndSearch(m_broad);
    QVERIFY(waitForResults(store, m_broad));
    QVERIFY(results->rowCount() < expected.total);
    QCOMPARE(results->state(), State::Ready);
    QVERIFY(store->searchResultsPanel()->statusText().contains(QStringLiteral("scroll down")));
    int fetches = 0;
    QVERIFY(scrollToEnd(store, &fetches));
    QVERIFY2(fetches >= 1, "nothing was fetched by scrolling");
    // Every hit once, in the server's order, and the status says it is all.
    QCOMPARE(results->rowCount(), int(expected.total));
    QCOMPARE(idsOf(results->hits()), idsOf(expected.items));
    QVERIFY(!results->canFetchMore({}));
    QCOMPARE(store->searchResultsPanel()->statusText(),
             QStringLiteral("%1 results").arg(expected.total));
}

void TestStorefrontSearch::didYouMeanSearchesSuggestion_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("suggestion");
    QTest::addRow("swapped letters") << QStringLiteral("samsnug") << QStringLiteral("samsung");
    QTest::addRow("missing letter")
        << QStringLiteral("refrigerter") << QStringLiteral("refrigerator");
    QTest::addRow("two words, one wrong")
        << QStringLiteral("wireles headphones") << QStringLiteral("wireless headphones");
}

void TestStorefrontSearch::didYouMeanSearchesSuggestion()
{
    QFETCH(QString, typed);
    QFETCH(QString, suggestion);
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    auto *didYouMean = find<QWidget>(QStringLiteral("didYouMean"));
    auto *button = find<QPushButton>(QStringLiteral("didYouMeanButton"));
    QVERIFY(didYouMean && button);
    QVERIFY(!didYouMean->isVisible());

    typeAndSearch(typed);
    QVERIFY(waitForResults(store, typed));
    QCOMPARE(results->suggestion(), suggestion);
    QVERIFY(didYouMean->isVisible());
    QCOMPARE(button->text(), suggestion);

    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(find<QLineEdit>(QStringLiteral("searchEdit"))->text(), suggestion);
    QVERIFY(waitForResults(store, suggestion));
    QVERIFY(results->total() > 0);
    QCOMPARE(results->suggestion(), QString());
    QVERIFY(!didYouMean->isVisible());
    QCOMPARE(find<QLabel>(QStringLiteral("searchSummaryLabel"))->text(),
             searchSummaryText(results->total(), suggestion, CustomerPincode));
}

void TestStorefrontSearch::newerQuerySupersedesOlder()
{
    // The broad query's answer is held back for a second: it is still on its way when the
    // customer searches again, and would land after the newer answer.
    SlowRelay relay(m_server->port(), "q=" + m_broad.toUtf8(), 1000);
    QVERIFY(relay.listen());
    StorefrontWidget *store = signIn(relay.url());
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    QAbstractItemModelTester tester(results, Fatal);
    SearchRequest asked;
    asked.text = QStringLiteral("shoes");
    asked.pincode = CustomerPincode;
    const SearchResult expected = apiSearch(asked);
    QVERIFY(expected.total > 0);
    QStringList rowsOf; // the query each row insertion belonged to
    connect(results, &QAbstractItemModel::rowsInserted, results,
            [&] { rowsOf << results->request().text; });

    typeAndSearch(m_broad);
    QTRY_COMPARE(results->request().text, m_broad);
    QCOMPARE(results->state(), State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(relay.held(), 1, Timeout); // answered by the server, held back
    QCOMPARE(results->state(), State::Loading);
    typeAndSearch(QStringLiteral("shoes"));
    QTRY_COMPARE(results->request().text, QStringLiteral("shoes"));
    QVERIFY(waitForResults(store, QStringLiteral("shoes")));
    QTest::qWait(1500); // the held answer to the first query is due now
    QVERIFY2(!rowsOf.isEmpty() && !rowsOf.contains(m_broad), qPrintable(rowsOf.join(u',')));
    QCOMPARE(results->request().text, QStringLiteral("shoes"));
    QCOMPARE(results->total(), expected.total);
    QCOMPARE(idsOf(results->hits().mid(0, expected.items.size())), idsOf(expected.items));
    QCOMPARE(find<QLabel>(QStringLiteral("searchSummaryLabel"))->text(),
             searchSummaryText(expected.total, QStringLiteral("shoes"), CustomerPincode));
}

void TestStorefrontSearch::badPincode_data()
{
    QTest::addColumn<QString>("pincode");
    QTest::addColumn<bool>("askedServer"); // the format is fine: only the directory can say

    QTest::addRow("five digits") << QStringLiteral("56000") << false;
    QTest::addRow("leading zero") << QStringLiteral("056000") << false;
    QTest::addRow("letters") << QStringLiteral("56OO01") << false;
    QTest::addRow("spaces inside") << QStringLiteral("560 01") << false;
    QTest::addRow("not in the directory") << QStringLiteral("999999") << true;
}

void TestStorefrontSearch::badPincode()
{
    QFETCH(QString, pincode);
    QFETCH(bool, askedServer);
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    typeAndSearch(m_broad);
    QVERIFY(waitForResults(store, m_broad));
    const int rows = results->rowCount();
    auto *hint = find<QLabel>(QStringLiteral("searchPincodeEditHint"));
    QVERIFY(hint && !hint->isVisible());

    QSignalSpy resets(results, &QAbstractItemModel::modelReset);
    typePincode(pincode);
    if (!askedServer) {
        // Marked at once, nothing sent: the results stay those of 560001.
        QVERIFY(hint->isVisible() && !hint->text().isEmpty());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(results->request().pincode, CustomerPincode);
        QCOMPARE(results->rowCount(), rows);
    } else {
        QCOMPARE(resets.size(), 1);
        QCOMPARE(results->request().pincode, pincode);
        QTRY_COMPARE_WITH_TIMEOUT(results->state(), State::Failed, Timeout);
        QCOMPARE(results->lastError()->kind(), DomainError::Kind::Validation);
        QTRY_VERIFY(hint->isVisible());
        QVERIFY2(hint->text().startsWith(pincode), qPrintable(hint->text()));
        QCOMPARE(results->rowCount(), 0);
        QVERIFY2(store->searchResultsPanel()->statusText().startsWith(
                     QStringLiteral("Could not load results")),
                 qPrintable(store->searchResultsPanel()->statusText()));
        QVERIFY(find<QWidget>(QStringLiteral("searchStatus"))
                    ->findChild<QPushButton *>(QStringLiteral("retryButton"))
                    ->isVisible());
    }

    // The window keeps answering: the search box takes keys and another search runs.
    auto *edit = find<QLineEdit>(QStringLiteral("searchEdit"));
    QElapsedTimer clock;
    clock.start();
    typeAndSearch(QStringLiteral("shoes"));
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(edit->text(), QStringLiteral("shoes"));

    // A good pincode again: the hint goes and the results come back.
    typePincode(CustomerPincode);
    QVERIFY(!hint->isVisible());
    QVERIFY(waitForResults(store, QStringLiteral("shoes")));
    QCOMPARE(results->request().pincode, CustomerPincode);
    QVERIFY(results->total() > 0);
}

void TestStorefrontSearch::hitOpensDetailAndCategoriesStillBrowse()
{
    StorefrontWidget *store = signIn();
    QVERIFY(store);
    SearchResultModel *results = store->search()->results();
    typeAndSearch(QStringLiteral("samsung"));
    QVERIFY(waitForResults(store, QStringLiteral("samsung")));
    QVERIFY(results->rowCount() > 0);
    const SearchHit hit = results->at(0);

    // A click on the first row opens it in the item pane, with its description and Add to cart.
    QTableView *view = store->searchResultsPanel()->view();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(results->index(0, 0)).center());
    auto *detail = find<ItemDetailPane>(QStringLiteral("detailPane"));
    QVERIFY(detail);
    QTRY_COMPARE_WITH_TIMEOUT(detail->itemId(), std::optional<qint64>(hit.id), Timeout);
    QCOMPARE(find<QLabel>(QStringLiteral("detailTitle"))->text(), hit.title);
    QTRY_VERIFY_WITH_TIMEOUT(!find<QLabel>(QStringLiteral("detailDescription"))->text().isEmpty(),
                             Timeout);
    auto *add = find<QPushButton>(QStringLiteral("addToCartButton"));
    QVERIFY(add && add->isVisible());
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(store->cartModel()->rowOfItem(hit.id).has_value(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(detail->cartFeedback(), QStringLiteral("In your cart: 1."), Timeout);
    QCOMPARE(m_buyer->send("DELETE", paths::cartItem(hit.id)).status, 200);

    // Browse categories: the tree and the catalogue are back, and a category lists its items.
    QTest::mouseClick(find<QPushButton>(QStringLiteral("browseCategoriesButton")), Qt::LeftButton);
    QVERIFY(!store->isSearching());
    QVERIFY(!detail->itemId());
    auto *categories = find<QTreeView>(QStringLiteral("categoriesView"));
    QVERIFY(categories && categories->isVisible());
    QVERIFY(find<QTableView>(QStringLiteral("itemsView"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(store->categoryModel()->state() == CategoryTreeModel::State::Loaded,
                             Timeout);
    const QModelIndex tv = store->categoryModel()->indexOfCategory(hit.categoryId);
    QVERIFY(tv.isValid());
    categories->scrollTo(tv);
    categories->setCurrentIndex(tv);
    QTRY_VERIFY_WITH_TIMEOUT(store->itemModel()->query().categoryId == hit.categoryId
                                 && store->itemModel()->rowCount() > 0,
                             Timeout);
    for (const Item &item : store->itemModel()->rows())
        QCOMPARE(item.categoryId, hit.categoryId);

    // Searching again leaves the category view; an empty search box goes back to it.
    typeAndSearch(QStringLiteral("shoes"));
    QTRY_VERIFY(store->isSearching());
    typeAndSearch(QString());
    QTRY_VERIFY(!store->isSearching());
}

QTEST_MAIN(TestStorefrontSearch)
#include "tst_storefrontsearch.moc"

// The client's models against a real seeded server: paging with the keyset cursor, one request at
// a time, resets, failures, all under QAbstractItemModelTester (Fatal) while pages arrive.

#include "apiclient.h"
#include "models/categorytreemodel.h"
#include "models/itemlistmodel.h"
#include "models/userlistmodel.h"
#include "testserver.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace pincart;
using namespace pincart::test;

using State = PagedTableModel::State;
using Tester = QAbstractItemModelTester;
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
constexpr int Timeout = 15000;

class TestClientModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void itemsPageUntilComplete();
    void fetchMoreNeverOverlaps();
    void itemsUnderModelTester();
    void itemsFollowTheCategory();
    void queryChangeDropsTheOldAnswer();
    void supplierSeesOwnItems();
    void categoryTreeFromServer();
    void usersPage();
    void failureWaitsForRetry();
    void destroyedWhileLoading();

private:
    // Signs `api` in; fails the test on error.
    void signIn(ApiClient &api, const QString &email, User *user = nullptr);
    // Loads every page of `model`.
    void loadAll(PagedTableModel &model);

    std::unique_ptr<TestServer> m_server;
    ApiClient m_anonymous;
};

void TestClientModels::initTestCase()
{
    m_server = std::make_unique<TestServer>(Backend::Sqlite);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_anonymous.setBaseUrl(m_server->url());
}

void TestClientModels::cleanupTestCase()
{
    m_server.reset();
}

void TestClientModels::signIn(ApiClient &api, const QString &email, User *user)
{
    api.setBaseUrl(m_server->url());
    std::optional<Result<Session>> result;
    api.login(email, DemoAccounts::Password, this, [&](Result<Session> r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), Timeout);
    // (Qt 6.4 evaluates QVERIFY2's message even on success.)
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().toString()));
    if (user)
        *user = result->value().user;
}

void TestClientModels::loadAll(PagedTableModel &model)
{
    for (int pages = 0; model.state() != State::Complete; ++pages) {
        QVERIFY2(pages < 100, "the model never completes");
        QTRY_VERIFY_WITH_TIMEOUT(model.state() != State::Loading, Timeout);
        QVERIFY2(model.state() != State::Failed, qPrintable(model.errorString()));
        if (model.canFetchMore({}))
            model.fetchMore({});
    }
}

// No model tester here: it calls fetchMore() after every insert and would page by itself.
void TestClientModels::itemsPageUntilComplete()
{
    ItemListModel model(&m_anonymous);
    QSignalSpy states(&model, &PagedTableModel::stateChanged);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.canFetchMore({})); // nothing asked yet: a view attached now starts the load
    model.fetchMore({});
    QCOMPARE(model.state(), State::Loading);
    QVERIFY(!model.canFetchMore({}));
    QTRY_VERIFY_WITH_TIMEOUT(model.state() != State::Loading, Timeout);
    QCOMPARE(model.rowCount(), model.pageSize());

    loadAll(model);
    QCOMPARE(model.rowCount(), TestServer::Options{}.items);
    QVERIFY(!model.canFetchMore({}));
    QSet<qint64> ids;
    for (const Item &item : model.rows()) {
        QVERIFY2(!ids.contains(item.id), "an item came twice: the cursor overlaps pages");
        ids.insert(item.id);
    }
    // One Loading per page request, and nothing else asked.
    const auto loads = std::count_if(states.cbegin(), states.cend(), [](const QList<QVariant> &s) {
        return s.at(0).value<State>() == State::Loading;
    });
    const int pages = (TestServer::Options{}.items + model.pageSize() - 1) / model.pageSize();
    QVERIFY2(loads == pages || loads == pages + 1, qPrintable(QString::number(loads)));

    const QModelIndex price = model.index(0, ItemListModel::PriceColumn);
    QCOMPARE(price.data().toString(), model.at(0).price.toDisplayString());
    QCOMPARE(model.headerData(ItemListModel::BrandColumn, Qt::Horizontal).toString(),
             QStringLiteral("Brand"));
}

void TestClientModels::fetchMoreNeverOverlaps()
{
    ItemListModel model(&m_anonymous); // no tester: see itemsPageUntilComplete
    model.setPageSize(7);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    model.fetchMore({}); // in flight: ignored
    model.fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(model.state() != State::Loading, Timeout);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(inserted.size(), 1);
    model.fetchMore({});
    model.fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(model.state() != State::Loading, Timeout);
    QCOMPARE(model.rowCount(), 14);
    QCOMPARE(inserted.size(), 2);
}

void TestClientModels::itemsUnderModelTester()
{
    // The tester checks every page insertion, and asks for the next page itself.
    ItemListModel model(&m_anonymous);
    model.setPageSize(9);
    Tester tester(&model, Fatal);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    Tester proxyTester(&proxy, Fatal);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Complete, Timeout);
    QCOMPARE(model.rowCount(), TestServer::Options{}.items);
    QCOMPARE(proxy.rowCount(), model.rowCount());
    proxy.setFilterFixedString(model.at(0).brand);
    QVERIFY(proxy.rowCount() > 0);
    model.reload(); // a reset under both testers, then the pages again
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Complete, Timeout);
    model.removeItem(model.at(3).id);
    QCOMPARE(model.rowCount(), TestServer::Options{}.items - 1);
}

void TestClientModels::itemsFollowTheCategory()
{
    ItemListModel all(&m_anonymous);
    all.fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(all.state() != State::Loading, Timeout);
    QVERIFY(all.rowCount() > 0);
    const qint64 categoryId = all.at(0).categoryId;

    ItemListModel model(&m_anonymous);
    Tester tester(&model, Fatal);
    ItemQuery query;
    query.categoryId = categoryId;
    model.setQuery(query);
    loadAll(model);
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, 0).data(ItemListModel::CategoryIdRole).toLongLong(), categoryId);
}

void TestClientModels::queryChangeDropsTheOldAnswer()
{
    ItemListModel all(&m_anonymous);
    Tester allTester(&all, Fatal);
    loadAll(all);
    QSet<qint64> categories;
    for (const Item &item : all.rows())
        categories.insert(item.categoryId);
    QVERIFY2(categories.size() >= 2, "the seed should span several categories");
    const QList<qint64> ids = categories.values();

    ItemListModel model(&m_anonymous);
    Tester tester(&model, Fatal);
    ItemQuery first;
    first.categoryId = ids.at(0);
    model.setQuery(first);
    QCOMPARE(model.state(), State::Loading);
    ItemQuery second;
    second.categoryId = ids.at(1);
    model.setQuery(second); // before the first answer: it must never show
    loadAll(model);
    QVERIFY(model.rowCount() > 0);
    for (const Item &item : model.rows())
        QCOMPARE(item.categoryId, ids.at(1));
}

void TestClientModels::supplierSeesOwnItems()
{
    ApiClient api;
    User supplier;
    signIn(api, DemoAccounts::Supplier, &supplier);
    if (QTest::currentTestFailed())
        return;
    ItemListModel model(&api);
    Tester tester(&model, Fatal);
    ItemQuery query;
    query.supplierId = supplier.id;
    model.setQuery(query);
    loadAll(model);
    QVERIFY2(model.rowCount() > 0, "the demo supplier should own items");
    QVERIFY(model.rowCount() < TestServer::Options{}.items); // supplier2 owns some too
    for (const Item &item : model.rows())
        QCOMPARE(item.supplierId, supplier.id);
}

void TestClientModels::categoryTreeFromServer()
{
    CategoryTreeModel model(&m_anonymous);
    Tester tester(&model, Fatal);
    QSignalSpy states(&model, &CategoryTreeModel::stateChanged);
    model.load();
    QCOMPARE(model.state(), CategoryTreeModel::State::Loading);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), CategoryTreeModel::State::Loaded, Timeout);
    QVERIFY(model.rowCount() > 0);

    // Every node sits under the category its parent_id names; roots have none.
    int nodes = 0;
    std::function<void(const QModelIndex &)> check = [&](const QModelIndex &parent) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            const Category *c
                = model.category(index.data(CategoryTreeModel::CategoryIdRole).toLongLong());
            QVERIFY(c);
            ++nodes;
            if (parent.isValid())
                QCOMPARE(c->parentId.value_or(-1),
                         parent.data(CategoryTreeModel::CategoryIdRole).toLongLong());
            else
                QVERIFY(!c->parentId || !model.category(*c->parentId));
            check(index);
        }
    };
    check({});
    QVERIFY(nodes > model.rowCount()); // a tree, not a flat list

    model.load(); // a reload replaces the tree in place
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), CategoryTreeModel::State::Loaded, Timeout);
}

void TestClientModels::usersPage()
{
    ApiClient api;
    signIn(api, DemoAccounts::Admin);
    if (QTest::currentTestFailed())
        return;
    UserListModel model(&api);
    Tester tester(&model, Fatal);
    model.setPageSize(2); // the demo accounts span several pages
    model.reload();
    loadAll(model);
    QStringList emails;
    for (int row = 0; row < model.rowCount(); ++row)
        emails << model.index(row, UserListModel::EmailColumn).data().toString();
    for (const QString &demo :
         {DemoAccounts::Customer, DemoAccounts::Supplier, DemoAccounts::Supplier2,
          DemoAccounts::Operator, DemoAccounts::Admin})
        QVERIFY2(emails.contains(demo), qPrintable(demo));
    const int admin = int(emails.indexOf(DemoAccounts::Admin));
    QVERIFY(model.index(admin, UserListModel::RolesColumn)
                .data()
                .toString()
                .contains(QStringLiteral("admin")));

    // Not an admin: refused, shown as a failure, and not retried by itself.
    ApiClient customer;
    signIn(customer, DemoAccounts::Customer);
    UserListModel refused(&customer);
    Tester refusedTester(&refused, Fatal);
    refused.reload();
    QTRY_COMPARE_WITH_TIMEOUT(refused.state(), State::Failed, Timeout);
    QVERIFY(!refused.errorString().isEmpty());
    QCOMPARE(refused.rowCount(), 0);
}

void TestClientModels::failureWaitsForRetry()
{
    ApiClient unreachable;
    unreachable.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    ItemListModel model(&unreachable);
    Tester tester(&model, Fatal);
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Failed, Timeout);
    QVERIFY(!model.errorString().isEmpty());
    QVERIFY(!model.canFetchMore({})); // a view must not hammer a failing server
    model.fetchMore({});
    QCOMPARE(model.state(), State::Failed);

    // The server is back (here: the client points at it): retry asks again.
    unreachable.setBaseUrl(m_server->url());
    model.retry();
    QCOMPARE(model.state(), State::Loading);
    // (The tester asks for the pages after it: they all come.)
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), State::Complete, Timeout);
    QCOMPARE(model.rowCount(), TestServer::Options{}.items);
    QVERIFY(model.errorString().isEmpty());
}

void TestClientModels::destroyedWhileLoading()
{
    // A window closed while its lists load: the answers must not reach the dead models.
    for (int i = 0; i < 5; ++i) {
        auto items = std::make_unique<ItemListModel>(&m_anonymous);
        auto categories = std::make_unique<CategoryTreeModel>(&m_anonymous);
        items->fetchMore({});
        categories->load();
    }
    // Let the aborted replies finish on the event loop, then prove the client still works.
    ItemListModel model(&m_anonymous);
    model.fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(model.state() != State::Loading, Timeout);
    QCOMPARE(model.state(), State::Ready);
}

QTEST_MAIN(TestClientModels)
#include "tst_clientmodels.moc"

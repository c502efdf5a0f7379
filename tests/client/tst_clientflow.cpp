// The desktop client end to end against a real seeded server: the real login dialog typed into
// and clicked, the main window's workspaces per role, the storefront paging, filtering by
// category and showing an item's attributes, bad logins, session expiry, registration, account
// creation and deleting a supplier's item.

#include "admin/adminwidget.h"
#include "admin/newaccountdialog.h"
#include "apiclient.h"
#include "app/appcontroller.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/settings.h"
#include "models/categorytreemodel.h"
#include "models/itemlistmodel.h"
#include "models/userlistmodel.h"
#include "storefront/itemdetailpane.h"
#include "storefront/storefrontwidget.h"
#include "supplier/supplierwidget.h"
#include "testserver.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace pincart;
using namespace pincart::test;

using State = PagedTableModel::State;
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
constexpr int Timeout = 15000;

namespace {

QStringList tabTitles(const MainWindow *window)
{
    QStringList titles;
    const QTabWidget *tabs = window->workspaces();
    for (int i = 0; i < tabs->count(); ++i)
        titles << tabs->tabText(i);
    return titles;
}

QString uniqueEmail(const QString &who)
{
    static int counter = 0;
    return QStringLiteral("%1-%2-%3@pincart.test")
        .arg(who)
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(++counter);
}

} // namespace

class TestClientFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void customerBrowsesTheStorefront();
    void badLogin_data();
    void badLogin();
    void workspacesFollowRoles_data();
    void workspacesFollowRoles();
    void expiredSessionReturnsToLogin();
    void registerThenSignedIn();
    void adminCreatesAccount();
    void supplierDeletesOwnItem(); // last: it changes the catalogue

private:
    // Types into the login dialog and clicks Sign in.
    void typeLogin(const QString &server, const QString &email, const QString &password);
    // Signs in through the dialog and waits for the main window.
    void signIn(const QString &email);
    template<typename T>
    T *find(QObject *root, const QString &name)
    {
        return root ? root->findChild<T *>(name) : nullptr;
    }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_settingsDir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<AppController> m_app;
};

void TestClientFlow::initTestCase()
{
    QApplication::setQuitOnLastWindowClosed(false);
    m_server = std::make_unique<TestServer>(Backend::Sqlite);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestClientFlow::cleanupTestCase()
{
    m_server.reset();
}

void TestClientFlow::init()
{
    m_settingsDir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<Settings>(m_settingsDir->filePath(QStringLiteral("pincart.ini")));
    m_app = std::make_unique<AppController>(m_settings.get(), AppController::Options{});
    m_app->start();
    QVERIFY(QTest::qWaitForWindowExposed(m_app->loginDialog()));
}

void TestClientFlow::cleanup()
{
    m_app.reset();
    m_settings.reset();
    m_settingsDir.reset();
}

void TestClientFlow::typeLogin(const QString &server, const QString &email, const QString &password)
{
    LoginDialog *dialog = m_app->loginDialog();
    for (const auto &[name, text] : {std::pair{QStringLiteral("serverUrlEdit"), server},
                                     std::pair{QStringLiteral("emailEdit"), email},
                                     std::pair{QStringLiteral("passwordEdit"), password}}) {
        auto *edit = find<QLineEdit>(dialog, name);
        QVERIFY2(edit, qPrintable(name));
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    auto *button = find<QPushButton>(dialog, QStringLiteral("loginButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestClientFlow::signIn(const QString &email)
{
    typeLogin(m_server->url().toString(), email, DemoAccounts::Password);
    QTRY_VERIFY2_WITH_TIMEOUT(m_app->mainWindow(), qPrintable(m_app->loginDialog()->errorText()),
                              Timeout);
    QVERIFY(QTest::qWaitForWindowExposed(m_app->mainWindow()));
    QVERIFY(!m_app->loginDialog()->isVisible());
}

void TestClientFlow::customerBrowsesTheStorefront()
{
    typeLogin(m_server->url().toString(), DemoAccounts::Customer, DemoAccounts::Password);
    if (QTest::currentTestFailed())
        return;
    // The request runs without freezing the dialog: it is busy, and says so.
    QVERIFY(m_app->loginDialog()->isBusy());
    QVERIFY(find<QWidget>(m_app->loginDialog(), QStringLiteral("busyIndicator"))->isVisible());
    QTRY_VERIFY2_WITH_TIMEOUT(m_app->mainWindow(), qPrintable(m_app->loginDialog()->errorText()),
                              Timeout);
    MainWindow *window = m_app->mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));

    // Remembered for next time: the server and the e-mail, not the password.
    QCOMPARE(m_settings->serverUrl(), m_server->url());
    QCOMPARE(m_settings->lastEmail(), DemoAccounts::Customer);

    QCOMPARE(tabTitles(window), QStringList{QStringLiteral("Storefront")});
    auto *who = find<QLabel>(window, QStringLiteral("sessionLabel"));
    QVERIFY(who);
    QVERIFY(who->text().contains(DemoAccounts::Customer));
    QVERIFY(who->text().contains(QStringLiteral("customer")));

    auto *store = find<StorefrontWidget>(window, QStringLiteral("storefront"));
    QVERIFY(store);
    ItemListModel *items = store->itemModel();
    QAbstractItemModelTester categoriesTester(store->categoryModel(), Fatal);
    auto *itemsView = find<QTableView>(window, QStringLiteral("itemsView"));
    auto *categoriesView = find<QTreeView>(window, QStringLiteral("categoriesView"));
    auto *detail = find<ItemDetailPane>(window, QStringLiteral("detailPane"));
    QVERIFY(itemsView && categoriesView && detail);
    QCOMPARE(itemsView->model(), store->itemProxy());

    // The first page arrives.
    QTRY_VERIFY_WITH_TIMEOUT(items->rowCount() > 0 && items->state() != State::Loading, Timeout);
    QCOMPARE(items->state(), State::Ready);
    QTRY_COMPARE_WITH_TIMEOUT(store->categoryModel()->state(), CategoryTreeModel::State::Loaded,
                              Timeout);

    // Paging: fetchMore through the view's model asks for the next page, once.
    const int before = items->rowCount();
    QVERIFY(itemsView->model()->canFetchMore({}));
    itemsView->model()->fetchMore({});
    itemsView->model()->fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(items->rowCount() > before && items->state() != State::Loading,
                             Timeout);
    QVERIFY(items->rowCount() <= before + 2 * items->pageSize()); // the view may ask once more

    // From here on under model testers (which page on by themselves: not before the check above).
    QAbstractItemModelTester itemsTester(items, Fatal);
    QAbstractItemModelTester proxyTester(store->itemProxy(), Fatal);

    // The quick filter narrows the rows loaded so far.
    const QString title = items->at(0).title;
    auto *filter = find<QLineEdit>(window, QStringLiteral("itemsFilterEdit"));
    QTest::keyClicks(filter, title);
    QVERIFY(store->itemProxy()->rowCount() >= 1);
    QVERIFY(store->itemProxy()->rowCount() < items->rowCount());
    for (int row = 0; row < store->itemProxy()->rowCount(); ++row) {
        const QModelIndex titleIndex = store->itemProxy()->index(row, ItemListModel::TitleColumn);
        const QModelIndex brandIndex = store->itemProxy()->index(row, ItemListModel::BrandColumn);
        const QModelIndex priceIndex = store->itemProxy()->index(row, ItemListModel::PriceColumn);
        QVERIFY(titleIndex.data().toString().contains(title, Qt::CaseInsensitive)
                || brandIndex.data().toString().contains(title, Qt::CaseInsensitive)
                || priceIndex.data().toString().contains(title, Qt::CaseInsensitive));
    }
    filter->clear();
    QCOMPARE(store->itemProxy()->rowCount(), items->rowCount());

    // Choosing a category (clicked in the tree) lists only that category's items.
    const qint64 categoryId = items->at(0).categoryId;
    const QModelIndex categoryIndex = store->categoryModel()->indexOfCategory(categoryId);
    QVERIFY(categoryIndex.isValid());
    categoriesView->expand(categoryIndex.parent());
    categoriesView->scrollTo(categoryIndex);
    const QRect rect = categoriesView->visualRect(categoryIndex);
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(categoriesView->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(items->query().categoryId, std::optional<qint64>(categoryId));
    QTRY_VERIFY_WITH_TIMEOUT(items->state() != State::Loading, Timeout);
    QVERIFY(items->rowCount() > 0);
    for (int row = 0; row < items->rowCount(); ++row)
        QCOMPARE(items->index(row, 0).data(ItemListModel::CategoryIdRole).toLongLong(), categoryId);

    // Choosing an item shows it, with its attributes labelled from the category schema.
    int chosen = -1;
    for (int row = 0; row < items->rowCount() && chosen < 0; ++row) {
        if (!items->at(row).attributes.isEmpty())
            chosen = row;
    }
    QVERIFY2(chosen >= 0, "the seeded category should have items with attributes");
    const Item item = items->at(chosen);
    const QModelIndex viewIndex = store->itemProxy()->mapFromSource(items->index(chosen, 0));
    itemsView->scrollTo(viewIndex);
    QTest::mouseClick(itemsView->viewport(), Qt::LeftButton, {},
                      itemsView->visualRect(viewIndex).center());
    QTRY_COMPARE_WITH_TIMEOUT(detail->itemId(), std::optional<qint64>(item.id), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(detail->statusText().isEmpty(), Timeout); // the refresh is done
    QCOMPARE(find<QLabel>(detail, QStringLiteral("detailTitle"))->text(), item.title);
    QCOMPARE(find<QLabel>(detail, QStringLiteral("detailPrice"))->text(),
             item.price.toDisplayString());
    QVERIFY(find<QLabel>(detail, QStringLiteral("detailBrand"))->text().contains(item.brand));

    const QStringList lines = detail->attributeLines();
    const QList<AttributeSpec> specs = store->categoryModel()->attributeSpecs(categoryId);
    for (auto it = item.attributes.constBegin(); it != item.attributes.constEnd(); ++it) {
        const auto spec = std::find_if(specs.cbegin(), specs.cend(),
                                       [&](const AttributeSpec &s) { return s.name == it.key(); });
        QVERIFY2(spec != specs.cend(), qPrintable(it.key()));
        QString expected = spec->label + QStringLiteral(": ");
        if (it->isBool())
            expected += it->toBool() ? QStringLiteral("Yes") : QStringLiteral("No");
        const auto line = std::find_if(lines.cbegin(), lines.cend(),
                                       [&](const QString &l) { return l.startsWith(expected); });
        QVERIFY2(line != lines.cend(),
                 qPrintable(expected + QStringLiteral(" in ") + lines.join(QStringLiteral(" | "))));
        if (spec->type == AttributeSpec::Type::Number && !spec->unit.isEmpty())
            QVERIFY2(line->endsWith(QLatin1Char(' ') + spec->unit), qPrintable(*line));
        // The pane shows the label, never the raw key (unless they are the same).
        if (spec->label != spec->name)
            QVERIFY(!line->startsWith(spec->name + QLatin1Char(':')));
    }

    // "All categories" goes back to every item.
    QTest::mouseClick(find<QPushButton>(window, QStringLiteral("allCategoriesButton")),
                      Qt::LeftButton);
    QVERIFY(!items->query().categoryId);
    QTRY_VERIFY_WITH_TIMEOUT(items->state() != State::Loading && items->rowCount() > 0, Timeout);

    // Log out: back to the login dialog, the window gone.
    auto *logout = find<QAction>(window, QStringLiteral("logoutAction"));
    QVERIFY(logout);
    logout->trigger();
    QVERIFY(m_app->loginDialog()->isVisible());
    QVERIFY(!m_app->mainWindow());
    QPointer<MainWindow> closed(window);
    QTRY_VERIFY_WITH_TIMEOUT(!closed, Timeout);
    QVERIFY(m_app->api()->token().isEmpty());
    QCOMPARE(find<QLineEdit>(m_app->loginDialog(), QStringLiteral("emailEdit"))->text(),
             DemoAccounts::Customer);
    QVERIFY(
        find<QLineEdit>(m_app->loginDialog(), QStringLiteral("passwordEdit"))->text().isEmpty());
}

void TestClientFlow::badLogin_data()
{
    QTest::addColumn<QString>("server"); // "$SERVER": the test server
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("mentions"); // a word the error must contain, if not empty

    const QString server = QStringLiteral("$SERVER");
    QTest::addRow("password:wrong")
        << server << DemoAccounts::Customer << QStringLiteral("not-the-password") << QString();
    QTest::addRow("email:unknown")
        << server << QStringLiteral("nobody@pincart.test") << DemoAccounts::Password << QString();
    QTest::addRow("email:malformed") << server << QStringLiteral("customer.pincart.demo")
                                     << DemoAccounts::Password << QStringLiteral("email");
    QTest::addRow("password:empty")
        << server << DemoAccounts::Customer << QString() << QStringLiteral("password");
    QTest::addRow("server:unreachable")
        << QStringLiteral("http://127.0.0.1:1") << DemoAccounts::Customer << DemoAccounts::Password
        << QStringLiteral("Could not reach");
    QTest::addRow("server:not-a-url") << QStringLiteral("ftp://127.0.0.1") << DemoAccounts::Customer
                                      << DemoAccounts::Password << QStringLiteral("server");
}

void TestClientFlow::badLogin()
{
    QFETCH(QString, server);
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, mentions);
    server.replace(QStringLiteral("$SERVER"), m_server->url().toString());

    LoginDialog *dialog = m_app->loginDialog();
    typeLogin(server, email, password);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    auto *error = find<QLabel>(dialog, QStringLiteral("errorLabel"));
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    if (!mentions.isEmpty())
        QVERIFY2(error->text().contains(mentions, Qt::CaseInsensitive), qPrintable(error->text()));
    QVERIFY(!m_app->mainWindow());
    QVERIFY(dialog->isVisible());
    QVERIFY(find<QPushButton>(dialog, QStringLiteral("loginButton"))->isEnabled());
    QVERIFY(m_settings->lastEmail().isEmpty()); // nothing remembered from a failed sign-in

    // The dialog still works: the right credentials get in.
    signIn(DemoAccounts::Customer);
}

void TestClientFlow::workspacesFollowRoles_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QStringList>("tabs");
    QTest::addRow("supplier") << DemoAccounts::Supplier << QStringList{QStringLiteral("Supplier")};
    QTest::addRow("operator") << DemoAccounts::Operator << QStringList{QStringLiteral("Warehouse")};
    QTest::addRow("admin") << DemoAccounts::Admin
                           << QStringList{QStringLiteral("Storefront"), QStringLiteral("Supplier"),
                                          QStringLiteral("Warehouse"), QStringLiteral("Admin")};
}

void TestClientFlow::workspacesFollowRoles()
{
    QFETCH(QString, email);
    QFETCH(QStringList, tabs);
    signIn(email);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(tabTitles(m_app->mainWindow()), tabs);
    if (tabs.contains(QStringLiteral("Warehouse"))) {
        // The workspace itself is tested in tst_warehouseflow; here: it is there, and it asks.
        QVERIFY(find<QWidget>(m_app->mainWindow(), QStringLiteral("warehouseWorkspace")));
        QVERIFY(find<QComboBox>(m_app->mainWindow(), QStringLiteral("warehouseCombo")));
    }
}

void TestClientFlow::expiredSessionReturnsToLogin()
{
    signIn(DemoAccounts::Customer);
    if (QTest::currentTestFailed())
        return;
    QPointer<MainWindow> window(m_app->mainWindow());
    Q_EMIT m_app->api()->sessionExpired(); // what the ApiClient says on a 401
    QVERIFY(m_app->loginDialog()->isVisible());
    auto *notice = find<QLabel>(m_app->loginDialog(), QStringLiteral("noticeLabel"));
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("expired")));
    QTRY_VERIFY_WITH_TIMEOUT(!window, Timeout);
    // A second 401 of the same session changes nothing.
    Q_EMIT m_app->api()->sessionExpired();
    QVERIFY(m_app->loginDialog()->isVisible());

    signIn(DemoAccounts::Customer);
}

void TestClientFlow::registerThenSignedIn()
{
    LoginDialog *dialog = m_app->loginDialog();
    QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("showRegisterButton")),
                      Qt::LeftButton);
    auto *server = find<QLineEdit>(dialog, QStringLiteral("serverUrlEdit"));
    server->clear();
    QTest::keyClicks(server, m_server->url().toString());
    const QString email = uniqueEmail(QStringLiteral("asha"));
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("registerNameEdit")),
                     QStringLiteral("Asha Rao"));
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("registerEmailEdit")), email);
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("registerPasswordEdit")),
                     QStringLiteral("a-long-password"));
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("registerPincodeEdit")),
                     QStringLiteral("560001"));
    QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("registerButton")), Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY2_WITH_TIMEOUT(m_app->mainWindow(), qPrintable(dialog->errorText()), Timeout);
    QCOMPARE(m_app->mainWindow()->user().email, email);
    QCOMPARE(tabTitles(m_app->mainWindow()), QStringList{QStringLiteral("Storefront")});

    // The same e-mail again: the server's refusal shows in the dialog.
    m_app->logout();
    QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("showRegisterButton")),
                      Qt::LeftButton);
    for (const auto &[name, text] :
         {std::pair{QStringLiteral("registerNameEdit"), QStringLiteral("Asha Again")},
          std::pair{QStringLiteral("registerEmailEdit"), email},
          std::pair{QStringLiteral("registerPasswordEdit"), QStringLiteral("another-password")},
          std::pair{QStringLiteral("registerPincodeEdit"), QStringLiteral("110001")}}) {
        auto *edit = find<QLineEdit>(dialog, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }
    QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("registerButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    QVERIFY(!dialog->errorText().isEmpty());
    QVERIFY(!m_app->mainWindow());
}

void TestClientFlow::adminCreatesAccount()
{
    signIn(DemoAccounts::Admin);
    if (QTest::currentTestFailed())
        return;
    auto *admin = find<AdminWidget>(m_app->mainWindow(), QStringLiteral("adminWorkspace"));
    QVERIFY(admin);
    UserListModel *users = admin->userModel();
    QAbstractItemModelTester tester(users, Fatal);
    QTRY_VERIFY_WITH_TIMEOUT(users->state() != State::Loading && users->rowCount() > 0, Timeout);

    QTest::mouseClick(find<QPushButton>(admin, QStringLiteral("newAccountButton")), Qt::LeftButton);
    QPointer<NewAccountDialog> dialog(admin->newAccountDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *role = find<QComboBox>(dialog, QStringLiteral("accountRoleCombo"));
    role->setCurrentIndex(role->findText(QStringLiteral("operator")));
    QVERIFY(find<QLineEdit>(dialog, QStringLiteral("accountWarehousesEdit"))->isEnabled());
    role->setCurrentIndex(role->findText(QStringLiteral("supplier")));
    const QString email = uniqueEmail(QStringLiteral("supplier"));
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("accountEmailEdit")), email);
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("accountNameEdit")),
                     QStringLiteral("Kirana Supplies"));
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("accountPasswordEdit")),
                     QStringLiteral("supplier-password"));
    QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("createAccountButton")),
                      Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!dialog, qPrintable(dialog ? dialog->errorText() : QString()),
                              Timeout);

    // The list reloads and has the new account, with its role.
    auto rowOf = [&]() -> int {
        for (int row = 0; row < users->rowCount(); ++row) {
            if (users->index(row, UserListModel::EmailColumn).data().toString() == email)
                return row;
        }
        return -1;
    };
    for (int pages = 0; rowOf() < 0; ++pages) {
        QVERIFY2(pages < 50, qPrintable(email));
        QTRY_VERIFY_WITH_TIMEOUT(users->state() != State::Loading, Timeout);
        if (rowOf() < 0) {
            QVERIFY2(users->canFetchMore({}), qPrintable(email + QStringLiteral(" not listed")));
            users->fetchMore({});
        }
    }
    QCOMPARE(users->index(rowOf(), UserListModel::RolesColumn).data().toString(),
             QStringLiteral("supplier"));

    // A taken e-mail: the server refuses, the dialog stays open and says why.
    QTest::mouseClick(find<QPushButton>(admin, QStringLiteral("newAccountButton")), Qt::LeftButton);
    dialog = admin->newAccountDialog();
    QVERIFY(dialog);
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("accountEmailEdit")), email);
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("accountNameEdit")),
                     QStringLiteral("Someone Else"));
    QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("accountPasswordEdit")),
                     QStringLiteral("another-password"));
    QTest::mouseClick(find<QPushButton>(dialog, QStringLiteral("createAccountButton")),
                      Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->errorText().isEmpty());
    dialog->reject();
}

void TestClientFlow::supplierDeletesOwnItem()
{
    signIn(DemoAccounts::Supplier);
    if (QTest::currentTestFailed())
        return;
    const User user = m_app->mainWindow()->user();
    auto *supplier = find<SupplierWidget>(m_app->mainWindow(), QStringLiteral("supplierWorkspace"));
    QVERIFY(supplier);
    ItemListModel *items = supplier->itemModel();
    QAbstractItemModelTester tester(items, Fatal);
    QTRY_VERIFY_WITH_TIMEOUT(items->state() != State::Loading && items->rowCount() > 0, Timeout);
    for (const Item &item : items->rows())
        QCOMPARE(item.supplierId, user.id);

    auto *view = find<QTableView>(supplier, QStringLiteral("supplierItemsView"));
    auto *remove = find<QPushButton>(supplier, QStringLiteral("deleteItemButton"));
    QVERIFY(!remove->isEnabled()); // nothing selected
    const Item doomed = items->at(0);
    // The view shows the items through a sorting and filtering proxy.
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
    QVERIFY(proxy);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(proxy->mapFromSource(items->index(0, 0))).center());
    QVERIFY(remove->isEnabled());

    // Cancel first: nothing happens.
    QTest::mouseClick(remove, Qt::LeftButton);
    auto *box = find<QMessageBox>(supplier, QStringLiteral("confirmDeleteBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(doomed.title));
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(items->rows().constFirst().id, doomed.id);

    QTRY_VERIFY(!find<QMessageBox>(supplier, QStringLiteral("confirmDeleteBox")));
    QTest::mouseClick(remove, Qt::LeftButton);
    box = find<QMessageBox>(supplier, QStringLiteral("confirmDeleteBox"));
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!items->rowOfItem(doomed.id), Timeout);
    auto *outcome = find<QLabel>(supplier, QStringLiteral("supplierActionLabel"));
    QVERIFY(outcome->text().contains(QStringLiteral("Deleted")));

    // Gone on the server too.
    items->reload();
    QTRY_VERIFY_WITH_TIMEOUT(items->state() != State::Loading, Timeout);
    QVERIFY(!items->rowOfItem(doomed.id));
}

QTEST_MAIN(TestClientFlow)
#include "tst_clientflow.moc"

// The Supplier workspace against a real seeded server: items made with the generated form in
// two categories (a TV and a T-shirt) are submitted, followed until accepted and found in My
// items; a CSV with a bad row is previewed, uploaded, partly accepted, and its errors listed and
// exported; an item is edited (PATCH); the history lists the submissions with their errors.

#include "apiclient.h"
#include "attributefill.h"
#include "models/categorytreemodel.h"
#include "models/csvpreviewmodel.h"
#include "models/itemlistmodel.h"
#include "models/submissionerrormodel.h"
#include "models/submissionfollower.h"
#include "models/submissionlistmodel.h"
#include "supplier/categorycombo.h"
#include "supplier/csvimportwidget.h"
#include "supplier/itemform.h"
#include "supplier/itemformdialog.h"
#include "supplier/myitemswidget.h"
#include "supplier/newitemwidget.h"
#include "supplier/submissionswidget.h"
#include "supplier/supplierwidget.h"
#include "testserver.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace pincart;
using namespace pincart::test;

using State = PagedTableModel::State;
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
constexpr int Timeout = 15000;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// SKUs no earlier run (or test) has used on this server.
QString uniqueSku(const QString &prefix)
{
    static int counter = 0;
    return QStringLiteral("%1-%2-%3")
        .arg(prefix)
        .arg(QDateTime::currentMSecsSinceEpoch() % 100000000)
        .arg(++counter);
}

QString errorsText(const QList<FieldError> &errors)
{
    return fieldErrorLines(errors).join(QStringLiteral("; "));
}

} // namespace

class TestSupplierFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void newItemAccepted_data();
    void newItemAccepted();
    void csvImportPartlyAccepted();
    void editItemPrice();
    void historyShowsErrors();

private:
    // Loads pages of `model` until `found` holds or the list is complete.
    template<typename Found>
    void loadUntil(PagedTableModel &model, Found found);
    std::optional<Item> findItem(const QString &sku);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    User m_user;
    std::unique_ptr<SupplierWidget> m_workspace;
    QStringList m_acceptedSkus; // made by newItemAccepted
    qint64 m_csvSubmission = 0; // made by csvImportPartlyAccepted
};

void TestSupplierFlow::initTestCase()
{
    m_server = std::make_unique<TestServer>(Backend::Sqlite);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_api = std::make_unique<ApiClient>();
    m_api->setBaseUrl(m_server->url());
    std::optional<Result<Session>> session;
    m_api->login(DemoAccounts::Supplier, DemoAccounts::Password, this,
                 [&](Result<Session> r) { session = r; });
    QTRY_VERIFY_WITH_TIMEOUT(session.has_value(), Timeout);
    QVERIFY2(session->ok(), qPrintable(session->ok() ? QString() : session->error().toString()));
    m_user = session->value().user;

    m_workspace = std::make_unique<SupplierWidget>(m_api.get(), m_user);
    m_workspace->resize(1000, 700);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_workspace->categoryModel()->state(),
                              CategoryTreeModel::State::Loaded, Timeout);
    QCOMPARE(m_workspace->tabs()->count(), 4);
    QVERIFY(m_workspace->newItem() && m_workspace->csvImport() && m_workspace->submissions());
}

void TestSupplierFlow::cleanupTestCase()
{
    m_workspace.reset();
    m_api.reset();
    m_server.reset();
}

template<typename Found>
void TestSupplierFlow::loadUntil(PagedTableModel &model, Found found)
{
    for (int pages = 0; !found(); ++pages) {
        QVERIFY2(pages < 100, "too many pages");
        QTRY_VERIFY_WITH_TIMEOUT(model.state() != State::Loading, Timeout);
        QVERIFY2(model.state() != State::Failed, qPrintable(model.errorString()));
        if (found() || model.state() == State::Complete)
            return;
        model.fetchMore({});
    }
}

std::optional<Item> TestSupplierFlow::findItem(const QString &sku)
{
    ItemListModel *items = m_workspace->itemModel();
    auto row = [&]() -> std::optional<int> {
        for (int r = 0; r < items->rowCount(); ++r) {
            if (items->at(r).sku == sku)
                return r;
        }
        return std::nullopt;
    };
    loadUntil(*items, [&] { return row().has_value(); });
    if (const auto r = row())
        return items->at(*r);
    return std::nullopt;
}

void TestSupplierFlow::newItemAccepted_data()
{
    QTest::addColumn<qint64>("categoryId");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("price");
    QTest::addColumn<qint64>("paise");
    QTest::addColumn<QJsonObject>("attributes");

    QTest::addRow("television") << qint64(101) << "Pincart Vision 55 OLED"
                                << "64,999.50" << qint64(6499950)
                                << json(R"({"screen_size": 55, "panel": "OLED",
                                            "resolution": "4K", "smart": true,
                                            "refresh_rate": 120})");
    QTest::addRow("t-shirt") << qint64(201) << "Pincart Organic Crew Tee"
                             << "499" << qint64(49900)
                             << json(R"({"gender": "Unisex", "colour": "Navy", "size": "XL",
                                         "collar": "Round"})");
}

void TestSupplierFlow::newItemAccepted()
{
    QFETCH(qint64, categoryId);
    QFETCH(QString, title);
    QFETCH(QString, price);
    QFETCH(qint64, paise);
    QFETCH(QJsonObject, attributes);

    NewItemWidget *page = m_workspace->newItem();
    m_workspace->tabs()->setCurrentWidget(page);
    auto *combo = page->findChild<CategoryCombo *>(QStringLiteral("newItemCategoryCombo"));
    auto *submit = page->findChild<QPushButton *>(QStringLiteral("submitItemButton"));
    QVERIFY(combo && submit);
    QVERIFY(combo->setCategoryId(categoryId));
    ItemForm *form = page->form();
    QCOMPARE(form->category().id, categoryId);
    QVERIFY(submit->isEnabled());

    // An empty form is not sent: its problems show at their fields.
    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY(!page->isBusy());
    QVERIFY(!form->errorText(QStringLiteral("sku")).isEmpty());
    QCOMPARE(form->errorText(QStringLiteral("price")), QStringLiteral("is required"));

    const QString sku = uniqueSku(categoryId == 101 ? QStringLiteral("TV") : QStringLiteral("TEE"));
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("skuEdit")), sku);
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("titleEdit")), title);
    QTest::keyClicks(form->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit")),
                     QStringLiteral("Made with the supplier workspace."));
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("brandEdit")),
                     QStringLiteral("Pincart Test"));
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("priceEdit")), price);
    fillLikeAUser(*form->attributeForm(), attributes);
    if (QTest::currentTestFailed())
        return;
    const QList<FieldError> problems = form->validate();
    QVERIFY2(problems.isEmpty(), qPrintable(errorsText(problems)));

    QTest::mouseClick(submit, Qt::LeftButton);
    QVERIFY(page->isBusy());
    QVERIFY(!submit->isEnabled()); // one submission at a time
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), Timeout);
    QVERIFY2(page->statusText().startsWith(QStringLiteral("Accepted")),
             qPrintable(page->statusText()));
    const Submission done = page->follower()->submission();
    QCOMPARE(done.status, Submission::Status::Accepted);
    QCOMPARE(done.format, Submission::Format::Json);
    QCOMPARE(done.rowsAccepted, 1);
    // Ready for the next item of the same category.
    QVERIFY(form->findChild<QLineEdit *>(QStringLiteral("skuEdit"))->text().isEmpty());
    QCOMPARE(combo->categoryId(), std::optional<qint64>(categoryId));

    // In My items (reloaded on acceptance), as it was typed.
    const std::optional<Item> item = findItem(sku);
    QVERIFY2(item, qPrintable(sku + QStringLiteral(" is not in My items")));
    QCOMPARE(item->title, title);
    QCOMPARE(item->categoryId, categoryId);
    QCOMPARE(item->price.amount, paise);
    QCOMPARE(item->supplierId, m_user.id);
    QCOMPARE(jsonText(item->attributes), jsonText(attributes));
    m_acceptedSkus << sku;
}

void TestSupplierFlow::csvImportPartlyAccepted()
{
    CsvImportWidget *page = m_workspace->csvImport();
    m_workspace->tabs()->setCurrentWidget(page);
    QAbstractItemModelTester previewTester(page->previewModel(), Fatal);
    QAbstractItemModelTester errorsTester(page->errorModel(), Fatal);
    const QString good1 = uniqueSku(QStringLiteral("CSV"));
    const QString good2 = uniqueSku(QStringLiteral("CSV"));
    const QString bad = uniqueSku(QStringLiteral("CSV"));
    const QByteArray csv
        = QStringLiteral(
              "sku,title,description,brand,category_id,price,attr.gender,attr.colour,attr.size,"
              "attr.collar\n"
              "%1,Imported tee one,,Pincart Test,201,399,Men,Black,M,Round\n"
              "%2,Imported tee two,,Pincart Test,201,449.50,Women,White,S,V-neck\n"
              "%3,Imported tee three,,Pincart Test,201,499,Men,Chartreuse,L,Polo\n")
              .arg(good1, good2, bad)
              .toUtf8();

    page->previewCsv(csv, QStringLiteral("tees.csv"));
    QTRY_VERIFY(!page->isChecking());
    QCOMPARE(page->countsText(), QStringLiteral("2 rows ok, 1 with errors"));
    CsvPreviewModel *preview = page->previewModel();
    const QModelIndex badCell = preview->index(2, preview->columnOf(QStringLiteral("attr.colour")));
    QVERIFY(badCell.data(Qt::BackgroundRole).isValid());
    const QString previewMessage = badCell.data(Qt::ToolTipRole).toString();

    auto *upload = page->findChild<QPushButton *>(QStringLiteral("uploadCsvButton"));
    QVERIFY(upload->isEnabled());
    QTest::mouseClick(upload, Qt::LeftButton);
    QVERIFY(page->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), Timeout);
    QVERIFY2(page->uploadStatusText().contains(QStringLiteral("Partly accepted")),
             qPrintable(page->uploadStatusText()));
    const Submission done = page->follower()->submission();
    QCOMPARE(done.status, Submission::Status::Partial);
    QCOMPARE(done.rowsTotal, 3);
    QCOMPARE(done.rowsAccepted, 2);
    // The server says what the preview said: the same code read the file.
    QCOMPARE(done.errors,
             (QList<Submission::RowError>{{3, QStringLiteral("attr.colour"), previewMessage}}));
    QCOMPARE(page->errorModel()->rowCount(), 1);
    m_csvSubmission = done.id;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("errors.csv"));
    QString error;
    QVERIFY2(page->exportErrors(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\r\n3,attr.colour,"));

    // The accepted rows are items now; the bad one is not.
    QVERIFY(findItem(good1));
    QVERIFY(findItem(good2));
    QVERIFY(!findItem(bad));
}

void TestSupplierFlow::editItemPrice()
{
    QVERIFY2(!m_acceptedSkus.isEmpty(), "newItemAccepted made no item");
    MyItemsWidget *mine = m_workspace->myItems();
    m_workspace->tabs()->setCurrentWidget(mine);
    const std::optional<Item> item = findItem(m_acceptedSkus.constFirst());
    QVERIFY(item);

    // The filter narrows the rows loaded so far; the proxy keeps paging to the model.
    auto *filter = mine->findChild<QLineEdit *>(QStringLiteral("myItemsFilterEdit"));
    auto *view = mine->findChild<QTableView *>(QStringLiteral("supplierItemsView"));
    QVERIFY(filter && view);
    QTest::keyClicks(filter, item->title);
    QSortFilterProxyModel *proxy = mine->itemProxy();
    int row = -1;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        QVERIFY(proxy->index(r, ItemListModel::TitleColumn).data().toString() == item->title);
        if (proxy->index(r, 0).data(ItemListModel::ItemIdRole).toLongLong() == item->id)
            row = r;
    }
    QVERIFY(row >= 0);
    view->selectRow(row);
    auto *edit = mine->findChild<QPushButton *>(QStringLiteral("editItemButton"));
    QVERIFY(edit->isEnabled());
    QTest::mouseClick(edit, Qt::LeftButton);
    QPointer<ItemFormDialog> dialog(mine->editDialog());
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!edit->isEnabled()); // one editor at a time
    auto *price = dialog->findChild<QLineEdit *>(QStringLiteral("priceEdit"));
    auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveItemButton"));
    QVERIFY(price && title && save);
    QCOMPARE(price->text(), QStringLiteral("64999.50"));

    // Checked before sending: nothing goes out while a field is wrong.
    title->setText(QStringLiteral("TV"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(!dialog->isBusy());
    QVERIFY(!dialog->errorText().isEmpty());
    QCOMPARE(dialog->form()->errorText(QStringLiteral("title")),
             QStringLiteral("must have at least 3 characters"));

    title->setText(item->title);
    price->setText(QStringLiteral("59999"));
    QCOMPARE(dialog->form()->input().price->amount, 5999900);
    QVERIFY(!dialog->form()->input().title); // PATCH: only what changed
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(!dialog, qPrintable(dialog ? dialog->errorText() : QString()),
                              Timeout);
    QVERIFY(mine->actionText().startsWith(QStringLiteral("Saved")));
    QVERIFY(edit->isEnabled());
    const auto sourceRow = m_workspace->itemModel()->rowOfItem(item->id);
    QVERIFY(sourceRow);
    QCOMPARE(m_workspace->itemModel()->at(*sourceRow).price.amount, 5999900);

    // On the server too.
    filter->clear();
    m_workspace->itemModel()->reload();
    const std::optional<Item> saved = findItem(item->sku);
    QVERIFY(saved);
    QCOMPARE(saved->price.amount, 5999900);
    QCOMPARE(jsonText(saved->attributes), jsonText(item->attributes));
}

void TestSupplierFlow::historyShowsErrors()
{
    QVERIFY2(m_csvSubmission != 0, "csvImportPartlyAccepted made no submission");
    SubmissionsWidget *history = m_workspace->submissions();
    m_workspace->tabs()->setCurrentWidget(history);
    SubmissionListModel *list = history->listModel();
    QAbstractItemModelTester tester(list, Fatal);
    history->reload();
    loadUntil(*list, [&] { return list->rowOfSubmission(m_csvSubmission).has_value(); });
    const auto row = list->rowOfSubmission(m_csvSubmission);
    QVERIFY(row);
    QCOMPARE(list->index(*row, SubmissionListModel::StatusColumn).data().toString(),
             QStringLiteral("Partly accepted"));
    QCOMPARE(list->index(*row, SubmissionListModel::RowsTotalColumn).data().toInt(), 3);
    QCOMPARE(list->index(*row, SubmissionListModel::RowsAcceptedColumn).data().toInt(), 2);
    // The form's items are there too, accepted.
    int accepted = 0;
    for (const Submission &s : list->rows())
        accepted
            += s.format == Submission::Format::Json && s.status == Submission::Status::Accepted;
    QVERIFY(accepted >= m_acceptedSkus.size());

    auto *view = history->findChild<QTableView *>(QStringLiteral("submissionsView"));
    view->setCurrentIndex(list->index(*row, 0));
    QTRY_VERIFY_WITH_TIMEOUT(
        history->shownSubmission() && history->shownSubmission()->id == m_csvSubmission, Timeout);
    QCOMPARE(history->errorModel()->rowCount(), 1);
    QCOMPARE(history->errorModel()->index(0, SubmissionErrorModel::FieldColumn).data().toString(),
             QStringLiteral("attr.colour"));
    QVERIFY(history->detailText().contains(QStringLiteral("Partly accepted")));
    QVERIFY(history->findChild<QPushButton *>(QStringLiteral("exportSubmissionErrorsButton"))
                ->isEnabled());
    QTemporaryDir dir;
    QString error;
    QVERIFY2(history->exportErrors(dir.filePath(QStringLiteral("e.csv")), &error),
             qPrintable(error));
}

QTEST_MAIN(TestSupplierFlow)
#include "tst_supplierflow.moc"

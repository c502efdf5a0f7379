// The supplier's CSV import without a server: a submission file previewed with the server's own
// parsing (CsvPreviewModel over parseSubmissionCsv) marks exactly the cells that are wrong (red
// background, the message as tooltip), counts the rows, and the import widget allows an upload
// only when the file reads as a whole and some row would be accepted; templates and error
// exports are written without their file dialogs.

#include "apiclient.h"
#include "models/categorytreemodel.h"
#include "models/csvpreviewmodel.h"
#include "models/submissionerrormodel.h"
#include "submissioncsv.h"
#include "supplier/categorycombo.h"
#include "supplier/csvimportwidget.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QCheckBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pincart;

constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

namespace {

AttributeSpec spec(const QString &name, AttributeSpec::Type type, bool required)
{
    AttributeSpec s;
    s.name = name;
    s.label = name;
    s.type = type;
    s.required = required;
    return s;
}

QList<Category> categories()
{
    Category electronics;
    electronics.id = 1;
    electronics.name = QStringLiteral("Electronics");
    Category fashion;
    fashion.id = 2;
    fashion.name = QStringLiteral("Fashion");

    Category tv;
    tv.id = 101;
    tv.parentId = 1;
    tv.name = QStringLiteral("Televisions");
    tv.slug = QStringLiteral("televisions");
    AttributeSpec size = spec(QStringLiteral("screen_size"), AttributeSpec::Type::Number, true);
    size.min = 24;
    size.max = 100;
    size.integer = true;
    size.unit = QStringLiteral("in");
    AttributeSpec panel = spec(QStringLiteral("panel"), AttributeSpec::Type::Enum, true);
    panel.values
        = QStringList{QStringLiteral("LED"), QStringLiteral("OLED"), QStringLiteral("QLED")};
    tv.attributes = {size, panel, spec(QStringLiteral("smart"), AttributeSpec::Type::Bool, false)};

    Category tee;
    tee.id = 201;
    tee.parentId = 2;
    tee.name = QStringLiteral("T-shirts");
    tee.slug = QStringLiteral("t-shirts");
    AttributeSpec colour = spec(QStringLiteral("colour"), AttributeSpec::Type::Enum, true);
    colour.values = QStringList{QStringLiteral("Black"), QStringLiteral("Navy")};
    AttributeSpec teeSize = spec(QStringLiteral("size"), AttributeSpec::Type::Enum, true);
    teeSize.values = QStringList{QStringLiteral("M"), QStringLiteral("XL")};
    AttributeSpec collar = spec(QStringLiteral("collar"), AttributeSpec::Type::Enum, false);
    collar.values = QStringList{QStringLiteral("Round"), QStringLiteral("Polo")};
    tee.attributes = {colour, teeSize, collar};
    return {electronics, fashion, tv, tee};
}

// Eight rows: two fine, six each with one mistake.
const QByteArray MixedCsv
    = "sku,title,description,brand,category_id,price,attr.screen_size,attr.panel,attr.smart,"
      "attr.colour,attr.size\n"
      "TV-1,Good TV 55,Nice,Acme,101,49999,55,OLED,yes,,\n"         // 1 fine
      "TV-2,Bad number TV,,Acme,101,29999,55in,LED,,,\n"            // 2 a unit in a number
      "TV-3,Missing panel TV,,Acme,101,19999,43,,no,,\n"            // 3 a required enum empty
      "TV-4,Unknown attribute TV,,Acme,101,24999,50,QLED,,Black,\n" // 4 not a TV attribute
      "tv-1,Duplicate TV,,Acme,101,9999,32,LED,,,\n"                // 5 the SKU of row 1
      "TS-1,Navy tee,,Kirana,201,499,,,,Navy,XL\n"                  // 6 fine
      "TS-2,Tee without size,,Kirana,201,499,,,,Navy,\n"            // 7 a required enum empty
      "X-1,Parent category item,,Kirana,2,499,,,,,\n";              // 8 not a leaf category

// No description or price column, and a misspelt one.
const QByteArray BrokenHeaderCsv = "sku,title,brand,category_id,pricee,attr.panel\n"
                                   "TV-1,Good TV,Acme,101,499,LED\n";

struct Mark
{
    int row;        // 0-based model row
    QString column; // canonical column name
    QString message;
};

// Every cell of MixedCsv that must be marked, and nothing else.
QList<Mark> mixedMarks()
{
    return {
        {1, QStringLiteral("attr.screen_size"),
         QStringLiteral("\"55in\" is not a number (write the number alone; the unit is in)")},
        {2, QStringLiteral("attr.panel"), QStringLiteral("is required")},
        {3, QStringLiteral("attr.colour"),
         QStringLiteral("is not an attribute of Televisions (leave the cell empty)")},
        {4, QStringLiteral("sku"), QStringLiteral("duplicates row 1")},
        {6, QStringLiteral("attr.size"), QStringLiteral("is required")},
        {7, QStringLiteral("category_id"), QStringLiteral("2 is not a known category")},
    };
}

const Mark *markAt(const QList<Mark> &marks, int row, const QString &column)
{
    for (const Mark &m : marks) {
        if (m.row == row && m.column == column)
            return &m;
    }
    return nullptr;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCsvPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void marksExactlyTheBadCells_data();
    void marksExactlyTheBadCells();
    void nothingElseIsMarked();
    void problemsColumnAndRowRoles();
    void brokenHeader();
    void widgetCountsAndUpload();
    void widgetUploadDisabled_data();
    void widgetUploadDisabled();
    void previewWaitsForCategories();
    void templateWrittenAndRecognised();
    void errorsExported();
    void fileDialogsDoNotBlock();

private:
    // Loads MixedCsv into m_model with the test categories.
    void loadMixed();

    std::unique_ptr<ApiClient> m_api; // never connected: nothing here talks to a server
    std::unique_ptr<CategoryTreeModel> m_tree;
    std::unique_ptr<CsvPreviewModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestCsvPreview::init()
{
    m_api = std::make_unique<ApiClient>();
    m_tree = std::make_unique<CategoryTreeModel>(m_api.get());
    m_tree->setCategories(categories());
    m_model = std::make_unique<CsvPreviewModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), Fatal);
}

void TestCsvPreview::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_tree.reset();
    m_api.reset();
}

void TestCsvPreview::loadMixed()
{
    // Leaves only, as the server's onboarding looks categories up.
    CategoryTreeModel *tree = m_tree.get();
    m_model->setCsv(MixedCsv, [tree](qint64 id) -> const Category * {
        return tree->isLeaf(id) ? tree->category(id) : nullptr;
    });
    QCOMPARE(m_model->rowCount(), 8);
    QCOMPARE(m_model->columnCount(), 12); // eleven of the file's, then Problems
}

void TestCsvPreview::marksExactlyTheBadCells_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("message");
    const QStringList names{"wrong number",  "missing required enum",         "unknown attribute",
                            "duplicate sku", "missing required t-shirt size", "not a leaf"};
    const QList<Mark> marks = mixedMarks();
    for (qsizetype i = 0; i < marks.size(); ++i)
        QTest::addRow("%s", qPrintable(names.at(i)))
            << marks.at(i).row << marks.at(i).column << marks.at(i).message;
}

void TestCsvPreview::marksExactlyTheBadCells()
{
    QFETCH(int, row);
    QFETCH(QString, column);
    QFETCH(QString, message);
    loadMixed();
    if (QTest::currentTestFailed())
        return;
    const int c = m_model->columnOf(column);
    QVERIFY2(c >= 0, qPrintable(column));
    const QModelIndex cell = m_model->index(row, c);
    const QVariant background = cell.data(Qt::BackgroundRole);
    QVERIFY(background.isValid());
    QCOMPARE(background.value<QBrush>().color(), m_model->errorColor());
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), message);
    QVERIFY(cell.data(CsvPreviewModel::RowHasErrorsRole).toBool());
}

void TestCsvPreview::nothingElseIsMarked()
{
    loadMixed();
    if (QTest::currentTestFailed())
        return;
    const QList<Mark> marks = mixedMarks();
    int marked = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (int column = 0; column < m_model->problemsColumn(); ++column) {
            const QString name = m_model->headerData(column, Qt::Horizontal).toString();
            const QModelIndex cell = m_model->index(row, column);
            const bool expected = markAt(marks, row, name) != nullptr;
            const QString where = QStringLiteral("row %1, %2").arg(row).arg(name);
            QVERIFY2(cell.data(Qt::BackgroundRole).isValid() == expected, qPrintable(where));
            QVERIFY2(cell.data(Qt::ToolTipRole).isValid() == expected, qPrintable(where));
            marked += expected ? 1 : 0;
        }
    }
    QCOMPARE(marked, marks.size());
    // The cells show what the file says.
    QCOMPARE(m_model->index(1, m_model->columnOf(QStringLiteral("attr.screen_size"))).data(),
             QVariant(QStringLiteral("55in")));
    QCOMPARE(m_model->index(4, 0).data(), QVariant(QStringLiteral("tv-1")));
    QCOMPARE(m_model->rowsOk(), 2);
    QCOMPARE(m_model->rowsWithErrors(), 6);
    QVERIFY(m_model->canUpload());
    QVERIFY(m_model->fileProblems().isEmpty());
}

void TestCsvPreview::problemsColumnAndRowRoles()
{
    loadMixed();
    if (QTest::currentTestFailed())
        return;
    const int problems = m_model->problemsColumn();
    QCOMPARE(m_model->headerData(problems, Qt::Horizontal).toString(), QStringLiteral("Problems"));
    QCOMPARE(m_model->index(0, problems).data().toString(), QStringLiteral("OK"));
    QVERIFY(!m_model->index(0, problems).data(Qt::BackgroundRole).isValid());
    QCOMPARE(m_model->index(4, problems).data().toString(),
             QStringLiteral("sku: duplicates row 1"));
    QVERIFY(m_model->index(4, problems).data(Qt::BackgroundRole).isValid());
    // Rows as the server counts them (for its error reports), lines as an editor shows them.
    QCOMPARE(m_model->index(4, 0).data(CsvPreviewModel::RowNumberRole).toInt(), 5);
    QCOMPARE(m_model->index(4, 0).data(CsvPreviewModel::LineRole).toInt(), 6);
    QCOMPARE(m_model->headerData(4, Qt::Vertical).toInt(), 5);
    QVERIFY(!m_model->index(5, 3).data(CsvPreviewModel::RowHasErrorsRole).toBool());

    // A required attribute whose column the file lacks is a problem of the row only.
    const QByteArray noPanelColumn = "sku,title,description,brand,category_id,price,"
                                     "attr.screen_size\n"
                                     "TV-9,No panel column,,Acme,101,1000,40\n";
    CategoryTreeModel *tree = m_tree.get();
    m_model->setCsv(noPanelColumn, [tree](qint64 id) { return tree->category(id); });
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->problemsColumn(), 7);
    for (int column = 0; column < m_model->problemsColumn(); ++column)
        QVERIFY(!m_model->index(0, column).data(Qt::BackgroundRole).isValid());
    QCOMPARE(m_model->index(0, m_model->problemsColumn()).data().toString(),
             QStringLiteral("attr.panel: is required"));
    QVERIFY(!m_model->canUpload());

    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->isLoaded());
}

void TestCsvPreview::brokenHeader()
{
    CategoryTreeModel *tree = m_tree.get();
    m_model->setCsv(BrokenHeaderCsv, [tree](qint64 id) { return tree->category(id); });
    QVERIFY(!m_model->headerOk());
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->canUpload());
    const QStringList problems = m_model->fileProblems();
    QVERIFY2(problems.contains(QStringLiteral("Header: pricee is not a column of the submission "
                                              "layout (column 5); attributes are written "
                                              "attr.NAME")),
             qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(problems.contains(QStringLiteral("Header: description is a required column")));
    QVERIFY(problems.contains(QStringLiteral("Header: price is a required column")));
    // The misspelt column's header is marked like a cell.
    const int pricee = m_model->columnOf(QStringLiteral("pricee"));
    QCOMPARE(pricee, 4);
    QVERIFY(m_model->headerData(pricee, Qt::Horizontal, Qt::BackgroundRole).isValid());
    QVERIFY(!m_model->headerData(0, Qt::Horizontal, Qt::BackgroundRole).isValid());
}

void TestCsvPreview::widgetCountsAndUpload()
{
    CsvImportWidget widget(m_api.get(), m_tree.get());
    QAbstractItemModelTester tester(widget.previewModel(), Fatal);
    auto *upload = widget.findChild<QPushButton *>(QStringLiteral("uploadCsvButton"));
    auto *counts = widget.findChild<QLabel *>(QStringLiteral("csvCountsLabel"));
    auto *problems = widget.findChild<QLabel *>(QStringLiteral("csvProblemsLabel"));
    auto *view = widget.findChild<QTableView *>(QStringLiteral("csvPreviewView"));
    QVERIFY(upload && counts && problems && view);
    QVERIFY(!upload->isEnabled()); // nothing chosen yet

    widget.previewCsv(MixedCsv, QStringLiteral("mixed.csv"));
    QVERIFY(widget.isChecking()); // read on a worker thread, the window stays responsive
    QVERIFY(!upload->isEnabled());
    QCOMPARE(counts->text(), QStringLiteral("Checking the file…"));
    QTRY_VERIFY(!widget.isChecking());
    QCOMPARE(counts->text(), QStringLiteral("2 rows ok, 6 with errors"));
    QCOMPARE(widget.countsText(), counts->text());
    QVERIFY(problems->isHidden());
    QVERIFY(upload->isEnabled());
    QCOMPARE(view->model()->rowCount(), 8);
    QVERIFY(widget.findChild<QLabel *>(QStringLiteral("csvFileLabel"))
                ->text()
                .startsWith(QStringLiteral("mixed.csv")));

    // Only the rows with errors, when asked.
    widget.findChild<QCheckBox *>(QStringLiteral("csvErrorsOnlyCheck"))->setChecked(true);
    QCOMPARE(view->model()->rowCount(), 6);
    widget.findChild<QCheckBox *>(QStringLiteral("csvErrorsOnlyCheck"))->setChecked(false);
    QCOMPARE(view->model()->rowCount(), 8);

    // One row alone.
    widget.previewCsv("sku,title,description,brand,category_id,price,attr.colour,attr.size\n"
                      "TS-1,Navy tee,,Kirana,201,499,Navy,XL\n");
    QTRY_VERIFY(!widget.isChecking()); // read on a worker thread
    QCOMPARE(counts->text(), QStringLiteral("1 row ok, 0 with errors"));
    QVERIFY(upload->isEnabled());
}

void TestCsvPreview::widgetUploadDisabled_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("counts");
    QTest::addColumn<bool>("problemsShown");

    QTest::addRow("broken header")
        << BrokenHeaderCsv << "The header row is not valid: nothing can be uploaded." << true;
    QTest::addRow("empty file") << QByteArray()
                                << "The header row is not valid: nothing can be uploaded." << true;
    QTest::addRow("header only") << QByteArray("sku,title,description,brand,category_id,price\n")
                                 << "0 rows ok, 0 with errors" << true;
    QTest::addRow("no row acceptable")
        << QByteArray("sku,title,description,brand,category_id,price\n"
                      "A-1,No such category,,Acme,999,10\n"
                      "A-2,Free,,Acme,101,0\n")
        << "0 rows ok, 2 with errors" << false;
    QTest::addRow("unclosed quote")
        << QByteArray("sku,title,description,brand,category_id,price,attr.colour,attr.size\n"
                      "TS-1,Navy tee,,Kirana,201,499,Navy,XL\n"
                      "TS-2,\"Broken tee,,Kirana,201,499,Navy,XL\n")
        << "1 row ok, 0 with errors" << true;
}

void TestCsvPreview::widgetUploadDisabled()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, counts);
    QFETCH(bool, problemsShown);

    CsvImportWidget widget(m_api.get(), m_tree.get());
    QAbstractItemModelTester tester(widget.previewModel(), Fatal);
    widget.previewCsv(csv, QStringLiteral("file.csv"));
    QTRY_VERIFY(!widget.isChecking()); // read on a worker thread
    auto *upload = widget.findChild<QPushButton *>(QStringLiteral("uploadCsvButton"));
    QVERIFY(!upload->isEnabled());
    QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("csvCountsLabel"))->text(), counts);
    auto *problems = widget.findChild<QLabel *>(QStringLiteral("csvProblemsLabel"));
    QCOMPARE(!problems->isHidden(), problemsShown);
    QCOMPARE(widget.problemsText().isEmpty(), !problemsShown);
    widget.upload(); // refused: nothing is sent (the client has no server to send to)
    QVERIFY(!widget.isBusy());
}

void TestCsvPreview::previewWaitsForCategories()
{
    CategoryTreeModel empty(m_api.get()); // not loaded
    CsvImportWidget widget(m_api.get(), &empty);
    QAbstractItemModelTester tester(widget.previewModel(), Fatal);
    widget.previewCsv(MixedCsv);
    QCOMPARE(widget.previewModel()->rowCount(), 0);
    QVERIFY(!widget.findChild<QPushButton *>(QStringLiteral("uploadCsvButton"))->isEnabled());
    QVERIFY(widget.countsText().contains(QStringLiteral("categories")));

    QVERIFY(!widget.isChecking());     // nothing to check against yet
    empty.setCategories(categories()); // as if the server answered
    QVERIFY(widget.isChecking());
    QVERIFY(!widget.findChild<QPushButton *>(QStringLiteral("uploadCsvButton"))->isEnabled());
    QTRY_VERIFY(!widget.isChecking());
    QCOMPARE(widget.previewModel()->rowCount(), 8);
    QCOMPARE(widget.countsText(), QStringLiteral("2 rows ok, 6 with errors"));
    QVERIFY(widget.findChild<QPushButton *>(QStringLiteral("uploadCsvButton"))->isEnabled());
}

void TestCsvPreview::templateWrittenAndRecognised()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    CsvImportWidget widget(m_api.get(), m_tree.get());
    const QString path = dir.filePath(QStringLiteral("tv-template.csv"));
    QString error;
    QVERIFY2(widget.saveTemplate(101, path, &error), qPrintable(error));
    const QByteArray written = readFile(path);
    QCOMPARE(written, submissionCsvTemplate(*m_tree->category(101)));
    QVERIFY(!widget.saveTemplate(4242, dir.filePath(QStringLiteral("none.csv")), &error));

    // The template's example row is valid but for its SKU, which says to replace it.
    widget.previewCsv(written, QStringLiteral("tv-template.csv"));
    QTRY_VERIFY(!widget.isChecking()); // read on a worker thread
    CsvPreviewModel *model = widget.previewModel();
    QVERIFY(model->headerOk());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(widget.countsText(), QStringLiteral("0 rows ok, 1 with errors"));
    const QModelIndex sku = model->index(0, model->columnOf(QStringLiteral("sku")));
    QVERIFY(sku.data(Qt::BackgroundRole).isValid());
    QVERIFY(sku.data(Qt::ToolTipRole).toString().contains(QStringLiteral("example row")));
    QCOMPARE(model->index(0, model->problemsColumn()).data(Qt::ToolTipRole).toString(),
             QStringLiteral("sku: ") + sku.data(Qt::ToolTipRole).toString());
    QVERIFY(!widget.findChild<QPushButton *>(QStringLiteral("uploadCsvButton"))->isEnabled());
}

void TestCsvPreview::errorsExported()
{
    QTemporaryDir dir;
    CsvImportWidget widget(m_api.get(), m_tree.get());
    QAbstractItemModelTester tester(widget.errorModel(), Fatal);
    auto *exportButton = widget.findChild<QPushButton *>(QStringLiteral("exportErrorsButton"));
    QVERIFY(exportButton);
    QVERIFY(!exportButton->isEnabled()); // nothing to export
    // The errors a server reported (as the follower hands them over).
    widget.errorModel()->setErrors({
        {2, QStringLiteral("attr.screen_size"), QStringLiteral("\"55in\" is not a number")},
        {5, QStringLiteral("sku"), QStringLiteral("=duplicates, row 1")},
        {0, QString(), QStringLiteral("line 9, field 2: a quoted field is not closed")},
    });
    QCOMPARE(widget.errorModel()->rowCount(), 3);
    QVERIFY(exportButton->isEnabled());
    QCOMPARE(widget.errorModel()->index(2, SubmissionErrorModel::RowColumn).data().toString(),
             QStringLiteral("file"));

    const QString path = dir.filePath(QStringLiteral("errors.csv"));
    QString error;
    QVERIFY2(widget.exportErrors(path, &error), qPrintable(error));
    // A spreadsheet must not run the message starting with '=' as a formula.
    QCOMPARE(readFile(path),
             QByteArray("\xEF\xBB\xBF"
                        "row,field,message\r\n"
                        "2,attr.screen_size,\"\"\"55in\"\" is not a number\"\r\n"
                        "5,sku,\"'=duplicates, row 1\"\r\n"
                        "0,,\"line 9, field 2: a quoted field is not closed\"\r\n"));
    QVERIFY(!widget.exportErrors(dir.filePath(QStringLiteral("no/such/dir/errors.csv")), &error));
    QVERIFY(!error.isEmpty());
}

// The dialogs are opened with open(): the click returns at once, and choosing in them finishes
// the job through signals.
void TestCsvPreview::fileDialogsDoNotBlock()
{
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("mixed.csv"));
    {
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(MixedCsv);
    }
    CsvImportWidget widget(m_api.get(), m_tree.get());
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    QTest::mouseClick(widget.findChild<QPushButton *>(QStringLiteral("chooseCsvButton")),
                      Qt::LeftButton);
    auto *choose = widget.findChild<QFileDialog *>(QStringLiteral("chooseCsvDialog"));
    QVERIFY(choose);
    QVERIFY(choose->isVisible());
    choose->selectFile(csvPath);
    static_cast<QDialog *>(choose)->accept(); // as the Open button does
    QTRY_VERIFY(!widget.isChecking() && widget.previewModel()->rowCount() == 8);
    QCOMPARE(widget.countsText(), QStringLiteral("2 rows ok, 6 with errors"));
    QVERIFY(widget.findChild<QLabel *>(QStringLiteral("csvFileLabel"))
                ->text()
                .startsWith(QStringLiteral("mixed.csv")));

    auto *category = widget.findChild<CategoryCombo *>(QStringLiteral("templateCategoryCombo"));
    auto *download = widget.findChild<QPushButton *>(QStringLiteral("downloadTemplateButton"));
    QVERIFY(category && download);
    QVERIFY(!download->isEnabled()); // no category chosen
    QVERIFY(category->setCategoryId(201));
    QVERIFY(download->isEnabled());
    QTest::mouseClick(download, Qt::LeftButton);
    auto *save = widget.findChild<QFileDialog *>(QStringLiteral("saveTemplateDialog"));
    QVERIFY(save);
    const QString templatePath = dir.filePath(QStringLiteral("tees.csv"));
    save->selectFile(templatePath);
    static_cast<QDialog *>(save)->accept();
    QTRY_VERIFY(QFile::exists(templatePath));
    QCOMPARE(readFile(templatePath), submissionCsvTemplate(*m_tree->category(201)));
}

QTEST_MAIN(TestCsvPreview)
#include "tst_csvpreview.moc"

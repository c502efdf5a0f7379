// The Warehouse workspace against a real seeded server with the demo delivery network (12
// warehouses, bins A-01..D-10, stock and open shipments), signed in as the demo operator who runs
// PNQ-1 and BOM-1: stock received through the dialog shows in the table and the counters; bad
// receipts are refused at their fields (locally or by the server's 422) and change nothing; the
// low-stock filter; Pick, Pack and Ship on the fulfilment queue; serviceability answers with each
// warehouse's courier, promise and route.

#include "apiclient.h"
#include "models/deliveryoptionmodel.h"
#include "models/logisticstext.h"
#include "models/shipmentqueuemodel.h"
#include "models/stocktablemodel.h"
#include "testserver.h"
#include "warehouse/fulfilmentpanel.h"
#include "warehouse/receivestockdialog.h"
#include "warehouse/serviceabilitypanel.h"
#include "warehouse/stockpanel.h"
#include "warehouse/warehousewidget.h"

#include <memory>
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace pincart;
using namespace pincart::test;

using State = PagedTableModel::State;
constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
constexpr int Timeout = 15000;

class TestWarehouseFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void chooserListsOwnWarehouses();
    void receiveStockUpdatesTableAndCounters();
    void receiveRefusesBadInput_data();
    void receiveRefusesBadInput();
    void lowStockFilter();
    void pickPackShip();
    void serviceabilityShowsOptions();
    void serviceabilityRefusesBadInput_data();
    void serviceabilityRefusesBadInput();

private:
    template<typename T>
    T *find(const QString &name) const;
    // Waits for `model` to settle and loads every page; fails on a load error.
    void loadAll(PagedTableModel &model);
    // The server's counters for the chosen warehouse, asked directly (not through the widget).
    WarehouseSummary fetchSummary();
    // An item of GET /items whose SKU no other item has, and which the chosen warehouse stocks.
    std::optional<StockLine> stockedItem();
    // Opens the Receive dialog from the Stock tab and fills it in like a user.
    ReceiveStockDialog *openDialog(const QString &sku, int quantity, const QString &bin);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<WarehouseWidget> m_workspace;
    std::unique_ptr<QAbstractItemModelTester> m_stockTester;
    std::unique_ptr<QAbstractItemModelTester> m_queueTester;
    std::unique_ptr<QAbstractItemModelTester> m_optionsTester;
    QList<Item> m_items; // the first page of GET /items
};

template<typename T>
T *TestWarehouseFlow::find(const QString &name) const
{
    T *found = m_workspace->findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

void TestWarehouseFlow::initTestCase()
{
    TestServer::Options options;
    options.items = 400; // enough stock rows per warehouse for low ones and a full queue
    options.loadPincodes = true;
    m_server = std::make_unique<TestServer>(Backend::Sqlite, options);
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
    m_api = std::make_unique<ApiClient>();
    m_api->setBaseUrl(m_server->url());
    std::optional<Result<Session>> session;
    m_api->login(DemoAccounts::Operator, DemoAccounts::Password, this,
                 [&](Result<Session> r) { session = r; });
    QTRY_VERIFY_WITH_TIMEOUT(session.has_value(), Timeout);
    QVERIFY2(session->ok(), qPrintable(session->ok() ? QString() : session->error().toString()));

    std::optional<Result<Page<Item>>> items;
    ItemQuery query;
    query.limit = 100;
    m_api->items(query, this, [&](Result<Page<Item>> r) { items = r; });
    QTRY_VERIFY_WITH_TIMEOUT(items.has_value(), Timeout);
    QVERIFY2(items->ok(), qPrintable(items->ok() ? QString() : items->error().toString()));
    m_items = items->value().items;
    QVERIFY(!m_items.isEmpty());

    m_workspace = std::make_unique<WarehouseWidget>(m_api.get());
    m_stockTester
        = std::make_unique<QAbstractItemModelTester>(m_workspace->stockPanel()->model(), Fatal);
    m_queueTester = std::make_unique<QAbstractItemModelTester>(
        m_workspace->fulfilmentPanel()->model(), Fatal);
    m_optionsTester = std::make_unique<QAbstractItemModelTester>(
        m_workspace->serviceabilityPanel()->model(), Fatal);
    m_workspace->resize(1100, 700);
    m_workspace->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_workspace->warehouses().size(), 2, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->summary().has_value(), Timeout);
}

void TestWarehouseFlow::cleanupTestCase()
{
    m_stockTester.reset();
    m_queueTester.reset();
    m_optionsTester.reset();
    m_workspace.reset();
    m_api.reset();
    m_server.reset();
}

void TestWarehouseFlow::loadAll(PagedTableModel &model)
{
    for (int pages = 0;; ++pages) {
        QVERIFY2(pages < 2000, "too many pages");
        QTRY_VERIFY_WITH_TIMEOUT(model.state() != State::Loading, Timeout);
        QVERIFY2(model.state() != State::Failed, qPrintable(model.errorString()));
        if (model.state() == State::Complete)
            return;
        model.fetchMore({});
    }
}

WarehouseSummary TestWarehouseFlow::fetchSummary()
{
    std::optional<Result<WarehouseSummary>> summary;
    m_api->warehouseSummary(m_workspace->currentWarehouse().id, this,
                            [&](Result<WarehouseSummary> r) { summary = r; });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(summary.has_value(), Timeout);
    }();
    if (!summary || !summary->ok()) {
        qWarning("no summary: %s", summary ? qPrintable(summary->error().toString()) : "no answer");
        return {};
    }
    return summary->value();
}

std::optional<StockLine> TestWarehouseFlow::stockedItem()
{
    StockTableModel *model = m_workspace->stockPanel()->model();
    loadAll(*model);
    for (const Item &item : std::as_const(m_items)) {
        const auto sameSku = std::count_if(m_items.cbegin(), m_items.cend(),
                                           [&](const Item &i) { return i.sku == item.sku; });
        if (sameSku != 1)
            continue;
        for (const StockLine &line : model->rows()) {
            if (line.itemId == item.id && line.sku == item.sku)
                return line;
        }
    }
    return std::nullopt;
}

ReceiveStockDialog *TestWarehouseFlow::openDialog(const QString &sku, int quantity,
                                                  const QString &bin)
{
    m_workspace->tabs()->setCurrentWidget(m_workspace->stockPanel());
    auto *button = find<QPushButton>(QStringLiteral("receiveButton"));
    if (!button || !button->isEnabled())
        return nullptr;
    find<QTableView>(QStringLiteral("stockView"))->clearSelection(); // nothing prefilled
    QTest::mouseClick(button, Qt::LeftButton);
    ReceiveStockDialog *dialog = m_workspace->stockPanel()->receiveDialog();
    if (!dialog || !dialog->isVisible())
        return nullptr;
    auto *skuEdit = dialog->findChild<QLineEdit *>(QStringLiteral("receiveSkuEdit"));
    auto *spin = dialog->findChild<QSpinBox *>(QStringLiteral("receiveQuantitySpin"));
    auto *binCombo = dialog->findChild<QComboBox *>(QStringLiteral("receiveBinCombo"));
    if (!skuEdit || !spin || !binCombo)
        return nullptr;
    skuEdit->clear();
    QTest::keyClicks(skuEdit, sku);
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(quantity));
    const int index = binCombo->findText(bin);
    if (index >= 0) {
        binCombo->setCurrentIndex(index); // chosen from the list
    } else {
        binCombo->lineEdit()->clear(); // typed in
        QTest::keyClicks(binCombo->lineEdit(), bin);
    }
    return dialog;
}

void TestWarehouseFlow::chooserListsOwnWarehouses()
{
    auto *combo = find<QComboBox>(QStringLiteral("warehouseCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 2);
    QStringList codes;
    for (const Warehouse &w : m_workspace->warehouses())
        codes << w.code;
    codes.sort();
    QCOMPARE(codes, (QStringList{QStringLiteral("BOM-1"), QStringLiteral("PNQ-1")}));

    // Choosing one reloads the tabs and the counters for it.
    const Warehouse pune = m_workspace->warehouses().at(codes.indexOf(QStringLiteral("PNQ-1")));
    const int index = combo->findData(pune.id);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index == 0 ? 1 : 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->summary().has_value(), Timeout);
    combo->setCurrentIndex(index);
    QCOMPARE(m_workspace->currentWarehouse().id, pune.id);
    QCOMPARE(m_workspace->stockPanel()->model()->warehouseId(), pune.id);
    QCOMPARE(m_workspace->fulfilmentPanel()->model()->warehouseId(), pune.id);
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->summary().has_value(), Timeout);
    QCOMPARE(m_workspace->summary()->warehouseId, pune.id);
    const WarehouseSummary summary = *m_workspace->summary();
    QCOMPARE(find<QLabel>(QStringLiteral("openShipmentsLabel"))->text(),
             QStringLiteral("Open shipments: %1").arg(summary.openShipments));
    QCOMPARE(find<QLabel>(QStringLiteral("lowStockLabel"))->text(),
             QStringLiteral("Low-stock items: %1").arg(summary.lowStockItems));
    QCOMPARE(find<QLabel>(QStringLiteral("receiptsTodayLabel"))->text(),
             QStringLiteral("Receipts today: %1").arg(summary.receiptsToday));
    QCOMPARE(summary.openShipments, 6); // the demo network's queue per warehouse
}

void TestWarehouseFlow::receiveStockUpdatesTableAndCounters()
{
    const std::optional<StockLine> before = stockedItem();
    QVERIFY2(before, "no item of GET /items with a unique SKU is stocked here");
    const WarehouseSummary summaryBefore = fetchSummary();
    QCOMPARE(m_workspace->summary()->receiptsToday, summaryBefore.receiptsToday);

    // The table searched for the SKU (on the server, after a short pause in typing).
    StockTableModel *model = m_workspace->stockPanel()->model();
    auto *search = find<QLineEdit>(QStringLiteral("stockSearchEdit"));
    QTest::keyClicks(search, before->sku);
    QTRY_COMPARE_WITH_TIMEOUT(model->search(), before->sku, Timeout);
    loadAll(*model);
    for (const StockLine &line : model->rows())
        QVERIFY2(line.sku.startsWith(before->sku, Qt::CaseInsensitive)
                     || line.title.contains(before->sku, Qt::CaseInsensitive),
                 qPrintable(line.sku));
    // What the table shows in the On hand column for the item in `bin`; -1: no such row.
    auto shownOnHand = [&](const QString &bin) {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->at(r).itemId == before->itemId && model->at(r).bin == bin)
                return model->index(r, StockTableModel::OnHandColumn).data().toInt();
        }
        return -1;
    };
    QCOMPARE(shownOnHand(before->bin), before->onHand);
    auto receive = [&](int quantity, const QString &bin) {
        ReceiveStockDialog *dialog = openDialog(before->sku, quantity, bin);
        QVERIFY(dialog);
        QPointer<ReceiveStockDialog> watch(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("receiveOkButton")),
                          Qt::LeftButton);
        QVERIFY(dialog->isBusy());                 // sent; the answer comes later
        QTRY_VERIFY_WITH_TIMEOUT(!watch, Timeout); // closed (and deleted) on success
    };

    // Into the bin that holds it: the row's on-hand grows, with nothing more done by the user.
    constexpr int Quantity = 37;
    receive(Quantity, before->bin);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(shownOnHand(before->bin), before->onHand + Quantity, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_workspace->summary()->receiptsToday,
                              summaryBefore.receiptsToday + 1, Timeout);
    QCOMPARE(find<QLabel>(QStringLiteral("receiptsTodayLabel"))->text(),
             QStringLiteral("Receipts today: %1").arg(summaryBefore.receiptsToday + 1));
    QCOMPARE(m_workspace->summary()->unitsReceivedToday,
             summaryBefore.unitsReceivedToday + Quantity);

    // Into a bin that does not hold it yet: a new row appears.
    QString freeBin;
    for (const QString &bin : ReceiveStockDialog::standardBins()) {
        if (shownOnHand(bin) < 0) {
            freeBin = bin;
            break;
        }
    }
    QVERIFY(!freeBin.isEmpty());
    const int rowsBefore = model->rowCount();
    receive(5, freeBin);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(shownOnHand(freeBin), 5, Timeout);
    loadAll(*model);
    QCOMPARE(model->rowCount(), rowsBefore + 1);
    QCOMPARE(shownOnHand(before->bin), before->onHand + Quantity);
    QTRY_COMPARE_WITH_TIMEOUT(m_workspace->summary()->receiptsToday,
                              summaryBefore.receiptsToday + 2, Timeout);
    QCOMPARE(find<QLabel>(QStringLiteral("receiptsTodayLabel"))->text(),
             QStringLiteral("Receipts today: %1").arg(summaryBefore.receiptsToday + 2));

    search->clear();
    QTRY_VERIFY_WITH_TIMEOUT(model->search().isEmpty(), Timeout);
}

void TestWarehouseFlow::receiveRefusesBadInput_data()
{
    QTest::addColumn<QString>("sku"); // "$stocked": the SKU of an item stocked here
    QTest::addColumn<QString>("bin");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("sent"); // false: refused before anything was sent

    const QString stocked = QStringLiteral("$stocked");
    QTest::addRow("sku:empty") << QString() << "A-01"
                               << "sku"
                               << "is required" << false;
    QTest::addRow("sku:malformed") << "no spaces!"
                                   << "A-01"
                                   << "sku"
                                   << "letters, digits" << false;
    QTest::addRow("sku:unknown") << "NO-SUCH-SKU-4711"
                                 << "A-01"
                                 << "sku"
                                 << "no item has this SKU" << true;
    QTest::addRow("bin:empty") << stocked << QString() << "bin"
                               << "is required" << false;
    QTest::addRow("bin:malformed") << stocked << "A 01"
                                   << "bin"
                                   << "letters, digits" << false;
    QTest::addRow("bin:unknown") << stocked << "Z-99"
                                 << "bin"
                                 << "no such bin" << true;
}

void TestWarehouseFlow::receiveRefusesBadInput()
{
    QFETCH(QString, sku);
    QFETCH(QString, bin);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QFETCH(bool, sent);
    if (sku == QLatin1String("$stocked")) {
        const std::optional<StockLine> line = stockedItem();
        QVERIFY(line);
        sku = line->sku;
    }
    const WarehouseSummary before = fetchSummary();

    ReceiveStockDialog *dialog = openDialog(sku, 3, bin);
    QVERIFY(dialog);
    QPointer<ReceiveStockDialog> watch(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("receiveOkButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog->isBusy(), sent);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), Timeout);
    QVERIFY(watch && dialog->isVisible()); // still open, the values kept for fixing
    QVERIFY2(dialog->fieldError(field).contains(message, Qt::CaseInsensitive),
             qPrintable(dialog->fieldError(field)));
    auto *hint = dialog->findChild<QLabel *>(field == QLatin1String("sku")
                                                 ? QStringLiteral("receiveSkuEditHint")
                                                 : QStringLiteral("receiveBinComboHint"));
    QVERIFY(hint && hint->isVisible());
    QVERIFY(!dialog->errorText().isEmpty());
    if (sent)
        QVERIFY2(dialog->errorText().contains(QStringLiteral("refused")),
                 qPrintable(dialog->errorText()));
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("receiveSkuEdit"))->text(), sku);

    // Nothing was received.
    const WarehouseSummary after = fetchSummary();
    QCOMPARE(after.receiptsToday, before.receiptsToday);
    QCOMPARE(after.unitsOnHand, before.unitsOnHand);

    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!watch, Timeout);
}

void TestWarehouseFlow::lowStockFilter()
{
    m_workspace->tabs()->setCurrentWidget(m_workspace->stockPanel());
    StockTableModel *model = m_workspace->stockPanel()->model();
    auto *check = find<QCheckBox>(QStringLiteral("lowStockCheck"));
    QVERIFY(check && !check->isChecked());
    loadAll(*model);
    const int all = model->rowCount();
    int lowInAll = 0;
    for (int r = 0; r < all; ++r)
        lowInAll += model->index(r, 0).data(StockTableModel::LowRole).toBool() ? 1 : 0;
    QVERIFY2(lowInAll > 0 && lowInAll < all, "the seed should give this warehouse both kinds");

    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY(check->isChecked());
    QVERIFY(model->lowOnly());
    loadAll(*model);
    QCOMPARE(model->rowCount(), lowInAll);
    for (int r = 0; r < model->rowCount(); ++r) {
        const StockLine &line = model->at(r);
        QVERIFY2(line.available() <= line.reorderLevel, qPrintable(line.sku));
        // Marked: tinted, and "Low" in its column.
        QVERIFY(model->index(r, StockTableModel::SkuColumn).data(Qt::BackgroundRole).isValid());
        QVERIFY(model->index(r, StockTableModel::SkuColumn).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model->index(r, StockTableModel::LowColumn).data().toString(),
                 QStringLiteral("Low"));
    }
    // The counter counts the same low rows.
    QCOMPARE(fetchSummary().lowStockItems, model->rowCount());
    QCOMPARE(find<QLabel>(QStringLiteral("lowStockLabel"))->text(),
             QStringLiteral("Low-stock items: %1").arg(model->rowCount()));

    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY(!model->lowOnly());
    loadAll(*model);
    QCOMPARE(model->rowCount(), all);
    bool sawPlain = false;
    for (int r = 0; r < model->rowCount() && !sawPlain; ++r) {
        if (!model->at(r).low()) {
            sawPlain = true;
            QVERIFY(
                !model->index(r, StockTableModel::SkuColumn).data(Qt::BackgroundRole).isValid());
            QVERIFY(model->index(r, StockTableModel::LowColumn).data().toString().isEmpty());
        }
    }
    QVERIFY(sawPlain);
}

void TestWarehouseFlow::pickPackShip()
{
    FulfilmentPanel *panel = m_workspace->fulfilmentPanel();
    m_workspace->tabs()->setCurrentWidget(panel);
    ShipmentQueueModel *queue = panel->model();
    auto *view = find<QTableView>(QStringLiteral("fulfilmentView"));
    auto *pick = find<QPushButton>(QStringLiteral("pickButton"));
    auto *pack = find<QPushButton>(QStringLiteral("packButton"));
    auto *ship = find<QPushButton>(QStringLiteral("shipButton"));
    QVERIFY(view && pick && pack && ship);
    loadAll(*queue);
    const int open = m_workspace->summary()->openShipments;
    QCOMPARE(queue->rowCount(), open);
    auto rowWith = [&](ShipmentStatus status) {
        for (int r = 0; r < queue->rowCount(); ++r) {
            if (queue->at(r).status == status)
                return r;
        }
        return -1;
    };
    auto select = [&](qint64 id) {
        const auto row = queue->rowOfShipment(id);
        if (row)
            view->selectRow(*row);
        return row.has_value();
    };

    // Pick: only the steps a placed shipment may take are offered (picking is optional).
    view->clearSelection();
    QVERIFY(!pick->isEnabled() && !pack->isEnabled() && !ship->isEnabled());
    const int placedRow = rowWith(ShipmentStatus::Placed);
    QVERIFY(placedRow >= 0);
    const qint64 placed = queue->at(placedRow).id;
    QVERIFY(select(placed));
    QVERIFY(pick->isEnabled() && pack->isEnabled());
    QVERIFY(!ship->isEnabled());
    QTest::mouseClick(pick, Qt::LeftButton);
    QVERIFY(panel->isBusy());
    QVERIFY(!pick->isEnabled() && !pack->isEnabled()); // one change at a time
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), Timeout);
    QVERIFY2(panel->actionText().contains(QStringLiteral("now picked")),
             qPrintable(panel->actionText()));
    QCOMPARE(queue->at(*queue->rowOfShipment(placed)).status, ShipmentStatus::Picked);
    QCOMPARE(queue->index(*queue->rowOfShipment(placed), ShipmentQueueModel::StatusColumn)
                 .data()
                 .toString(),
             QStringLiteral("Picked"));
    QVERIFY(!pick->isEnabled() && pack->isEnabled() && !ship->isEnabled());
    // On the server too.
    std::optional<Result<Page<Shipment>>> page;
    m_api->fulfilment(m_workspace->currentWarehouse().id, {}, 100, this,
                      [&](Result<Page<Shipment>> r) { page = r; });
    QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), Timeout);
    QVERIFY(page->ok());
    const auto onServer = std::find_if(page->value().items.cbegin(), page->value().items.cend(),
                                       [&](const Shipment &s) { return s.id == placed; });
    QVERIFY(onServer != page->value().items.cend());
    QCOMPARE(onServer->status, ShipmentStatus::Picked);
    QTRY_COMPARE_WITH_TIMEOUT(m_workspace->summary()->openShipments, open, Timeout);

    // Ship a packed one: it leaves the queue and the open count.
    const int packedRow = rowWith(ShipmentStatus::Packed);
    QVERIFY(packedRow >= 0);
    const qint64 packed = queue->at(packedRow).id;
    QVERIFY(select(packed));
    QVERIFY(!pick->isEnabled() && !pack->isEnabled() && ship->isEnabled());
    QTest::mouseClick(ship, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), Timeout);
    QVERIFY(!queue->rowOfShipment(packed));
    QCOMPARE(queue->rowCount(), open - 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_workspace->summary()->openShipments, open - 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(find<QLabel>(QStringLiteral("openShipmentsLabel"))->text(),
                              QStringLiteral("Open shipments: %1").arg(open - 1), Timeout);

    // Someone else packs the picked one meanwhile: Pack here is refused (409), said, and the
    // queue reloads to show it as it is.
    std::optional<Result<Shipment>> elsewhere;
    m_api->advanceShipment(placed, ShipmentStatus::Packed, this,
                           [&](Result<Shipment> r) { elsewhere = r; });
    QTRY_VERIFY_WITH_TIMEOUT(elsewhere.has_value(), Timeout);
    QVERIFY(elsewhere->ok());
    QVERIFY(select(placed));
    QCOMPARE(queue->at(*queue->rowOfShipment(placed)).status, ShipmentStatus::Picked); // stale
    QVERIFY(pack->isEnabled());
    QTest::mouseClick(pack, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), Timeout);
    QVERIFY2(panel->actionText().contains(QStringLiteral("not changed")),
             qPrintable(panel->actionText()));
    loadAll(*queue);
    QVERIFY(queue->rowOfShipment(placed));
    QCOMPARE(queue->at(*queue->rowOfShipment(placed)).status, ShipmentStatus::Packed);
}

void TestWarehouseFlow::serviceabilityShowsOptions()
{
    // An item this warehouse has units of.
    StockTableModel *stock = m_workspace->stockPanel()->model();
    loadAll(*stock);
    std::optional<StockLine> held;
    for (const StockLine &line : stock->rows()) {
        if (line.available() > 0) {
            held = line;
            break;
        }
    }
    QVERIFY(held);

    ServiceabilityPanel *panel = m_workspace->serviceabilityPanel();
    m_workspace->tabs()->setCurrentWidget(panel);
    auto *item = find<QLineEdit>(QStringLiteral("serviceItemEdit"));
    auto *pincode = find<QLineEdit>(QStringLiteral("servicePincodeEdit"));
    auto *check = find<QPushButton>(QStringLiteral("serviceCheckButton"));
    auto *result = find<QLabel>(QStringLiteral("serviceResultLabel"));
    auto *view = find<QTableView>(QStringLiteral("serviceOptionsView"));
    QVERIFY(item && pincode && check && result && view);
    item->clear();
    pincode->clear();
    QTest::keyClicks(item, QString::number(held->itemId));
    QTest::keyClicks(pincode, QStringLiteral("110001")); // New Delhi, far from Pune
    QTest::mouseClick(check, Qt::LeftButton);
    QVERIFY(panel->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), Timeout);
    QVERIFY2(panel->answer(), qPrintable(result->text()));
    const Serviceability &answer = *panel->answer();
    QCOMPARE(answer.itemId, held->itemId);
    QVERIFY2(answer.deliverable, qPrintable(result->text()));
    QVERIFY2(result->text().startsWith(QStringLiteral("Deliverable to 110001")),
             qPrintable(result->text()));
    QVERIFY(result->text().contains(promiseText(answer.promise)));

    // A row per warehouse that holds it, this one among them, with courier, ETA, promise, route.
    DeliveryOptionModel *model = panel->model();
    QCOMPARE(view->model(), model);
    QCOMPARE(model->rowCount(), int(answer.options.size()));
    const qint64 here = m_workspace->currentWarehouse().id;
    int hereRow = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        const DeliveryOption &o = answer.options.at(r);
        auto cell = [&](int column) {
            return model->index(r, column).data().toString();
        };
        QCOMPARE(cell(DeliveryOptionModel::WarehouseColumn), o.warehouseName);
        QCOMPARE(cell(DeliveryOptionModel::RouteColumn), routeText(o.route));
        if (o.deliverable) {
            QCOMPARE(cell(DeliveryOptionModel::CourierColumn), o.courierName);
            QVERIFY(!o.courierName.isEmpty());
            QVERIFY(
                cell(DeliveryOptionModel::EtaColumn).contains(QString::number(o.promise.etaDays)));
            QVERIFY(o.promise.promiseDate.isValid());
            QVERIFY(!cell(DeliveryOptionModel::PromiseColumn).isEmpty());
        }
        if (o.warehouseId == here)
            hereRow = r;
    }
    QVERIFY2(hereRow >= 0, "the warehouse that holds the item is not among the options");
    const DeliveryOption &fromHere = answer.options.at(hereRow);
    QVERIFY(fromHere.available > 0);
    QVERIFY(fromHere.deliverable);
    // Pune to Delhi passes more than one hub: "Pune hub → … → New Delhi hub".
    QVERIFY2(fromHere.route.size() >= 2, qPrintable(routeText(fromHere.route)));
    const QString route = model->index(hereRow, DeliveryOptionModel::RouteColumn).data().toString();
    QVERIFY2(route.contains(QStringLiteral(" → ")), qPrintable(route));
    QVERIFY(route.startsWith(fromHere.route.constFirst().name));
    QVERIFY(route.endsWith(fromHere.route.constLast().name));
}

void TestWarehouseFlow::serviceabilityRefusesBadInput_data()
{
    QTest::addColumn<QString>("item"); // "$any": an item id that exists
    QTest::addColumn<QString>("pincode");
    QTest::addColumn<QString>("mention");
    QTest::addColumn<bool>("sent");

    QTest::addRow("item:empty") << QString() << "411001"
                                << "item's id" << false;
    QTest::addRow("item:unknown") << "987654321"
                                  << "411001"
                                  << "No such item" << true;
    QTest::addRow("pincode:short") << "$any"
                                   << "4110"
                                   << "six digits" << false;
    QTest::addRow("pincode:leading-zero") << "$any"
                                          << "011001"
                                          << "six digits" << false;
    QTest::addRow("pincode:unknown") << "$any"
                                     << "999999"
                                     << "pincode" << true;
}

void TestWarehouseFlow::serviceabilityRefusesBadInput()
{
    QFETCH(QString, item);
    QFETCH(QString, pincode);
    QFETCH(QString, mention);
    QFETCH(bool, sent);
    if (item == QLatin1String("$any"))
        item = QString::number(m_items.constFirst().id);

    ServiceabilityPanel *panel = m_workspace->serviceabilityPanel();
    m_workspace->tabs()->setCurrentWidget(panel);
    auto *itemEdit = find<QLineEdit>(QStringLiteral("serviceItemEdit"));
    auto *pincodeEdit = find<QLineEdit>(QStringLiteral("servicePincodeEdit"));
    itemEdit->clear();
    pincodeEdit->clear();
    QTest::keyClicks(itemEdit, item);
    QTest::keyClicks(pincodeEdit, pincode);
    QTest::mouseClick(find<QPushButton>(QStringLiteral("serviceCheckButton")), Qt::LeftButton);
    QCOMPARE(panel->isBusy(), sent);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), Timeout);
    QVERIFY2(panel->resultText().contains(mention, Qt::CaseInsensitive),
             qPrintable(panel->resultText()));
    QVERIFY(!panel->answer()); // no older answer stays on show
    QCOMPARE(panel->model()->rowCount(), 0);
}

QTEST_MAIN(TestWarehouseFlow)
#include "tst_warehouseflow.moc"

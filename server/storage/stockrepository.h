#pragma once

#include "connection.h"
#include "logistics.h"

#include <functional>
#include <QHash>

namespace pincart::server {

// Stock available to sell of one item in one warehouse (every bin: on_hand - reserved).
struct WarehouseStock
{
    qint64 warehouseId = 0;
    int available = 0;
    bool operator==(const WarehouseStock &) const = default;
};

// One stock row with units to sell (checkout plans from these).
struct SellableStock
{
    qint64 stockId = 0;
    qint64 warehouseId = 0;
    qint64 itemId = 0;
    int available = 0;
};

struct StockQuery
{
    qint64 warehouseId = 0;
    qint64 afterId = 0;
    int limit = 20;
    bool lowOnly = false;
    QString search; // SKU prefix or words of the title
};

// The stock, receipts and receipt_lines tables.
class StockRepository
{
public:
    explicit StockRepository(Connection &connection)
        : m_db(connection)
    {}

    Result<QList<WarehouseStock>> availability(qint64 itemId);
    // The same for many items, a few statements in all; items without stock rows map to {}.
    Result<QHash<qint64, QList<WarehouseStock>>> availabilityOf(const QList<qint64> &itemIds);
    // Every item's availability, item by item (for warming a node's index).
    Status eachAvailability(
        const std::function<void(qint64 itemId, const QList<WarehouseStock> &)> &visit);
    Result<QList<StockLine>> list(const StockQuery &query);

    // Adds to a bin's stock (creating the row) and returns the bin's on_hand after it.
    Result<int> add(qint64 warehouseId, qint64 itemId, const QString &bin, int quantity);
    // Rows of these items with on_hand - reserved > 0, by item then stock id.
    Result<QList<SellableStock>> sellable(const QList<qint64> &itemIds);
    // Takes `quantity` units from a row only if that many are there now (the affected-row count
    // decides, not an earlier read): false when they were not.
    Result<bool> take(qint64 stockId, int quantity);
    // The same for several rows in one statement (each row's condition checked under its row lock,
    // rows locked in id order): true only when every row gave its units. Row ids must be distinct.
    Result<bool> takeAll(const QList<QPair<qint64, int>> &stockIdAndQuantity);
    Status putBack(qint64 stockId, int quantity);

    // A bulk load of new rows (the demo seed): many rows a statement.
    Status insertRows(const QList<StockLine> &rows);
    Status setReorderLevel(qint64 warehouseId, qint64 itemId, const QString &bin, int level);
    Result<qint64> createReceipt(qint64 warehouseId, qint64 operatorId,
                                 const QList<ReceiptLine> &lines);

    Result<WarehouseSummary> summary(qint64 warehouseId, qint64 dayStartMs);

    // Items with this SKU (a SKU is unique per supplier only, so there may be several).
    Result<QList<qint64>> itemsWithSku(const QString &sku);

private:
    Connection &m_db;
};

} // namespace pincart::server

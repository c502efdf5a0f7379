#pragma once

#include "apiclient.h"
#include "logistics.h"
#include "pagedtablemodel.h"

namespace pincart {

// One warehouse's stock rows (an item in a bin), paged from GET /warehouses/{id}/stock in the
// server's order, so even 100k rows arrive a page at a time as the view scrolls. The search and
// the low-stock filter run on the server. Low rows (available at or under the reorder level)
// have a tinted background, a dark red text and "Low" in the last column.
// No warehouse chosen (id 0): no rows.
class StockTableModel : public PagedListModel<StockLine>
{
    Q_OBJECT

public:
    enum Column {
        SkuColumn,
        TitleColumn,
        BinColumn,
        OnHandColumn,
        ReservedColumn,
        AvailableColumn,
        ReorderLevelColumn,
        LowColumn, // "Low" or empty
        ColumnCount
    };
    enum Role {
        StockIdRole = Qt::UserRole + 1, // qint64, the stock row
        ItemIdRole,                     // qint64
        LowRole,                        // bool
    };

    explicit StockTableModel(ApiClient *api, QObject *parent = nullptr);

    qint64 warehouseId() const { return m_warehouseId; }
    QString search() const { return m_search; }
    bool lowOnly() const { return m_lowOnly; }

    // Each drops the rows and loads the first page again.
    void setWarehouse(qint64 warehouseId);
    void setQuery(const QString &search, bool lowOnly);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void fetchPage(const QString &after, int limit, QObject *context, Done done) override;

private:
    ApiClient *m_api;
    qint64 m_warehouseId = 0;
    QString m_search;
    bool m_lowOnly = false;
};

} // namespace pincart

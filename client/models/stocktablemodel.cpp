#include "stocktablemodel.h"

#include <QBrush>
#include <QColor>

namespace pincart {

StockTableModel::StockTableModel(ApiClient *api, QObject *parent)
    : PagedListModel<StockLine>(parent)
    , m_api(api)
{
    setPageSize(100); // the API's maximum: fewer round trips through a long list
}

void StockTableModel::setWarehouse(qint64 warehouseId)
{
    m_warehouseId = warehouseId;
    reload();
}

void StockTableModel::setQuery(const QString &search, bool lowOnly)
{
    m_search = search.trimmed();
    m_lowOnly = lowOnly;
    reload();
}

int StockTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StockTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StockLine &s = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SkuColumn:
            return s.sku;
        case TitleColumn:
            return s.title;
        case BinColumn:
            return s.bin;
        case OnHandColumn:
            return s.onHand;
        case ReservedColumn:
            return s.reserved;
        case AvailableColumn:
            return s.available();
        case ReorderLevelColumn:
            return s.reorderLevel;
        case LowColumn:
            return s.low() ? tr("Low") : QString();
        }
        break;
    case Qt::BackgroundRole:
        if (s.low())
            return QBrush(QColor(0xfd, 0xe2, 0xe1));
        break;
    case Qt::ForegroundRole:
        if (s.low())
            return QBrush(QColor(0x8b, 0x00, 0x00));
        break;
    case Qt::ToolTipRole:
        if (s.low())
            return tr("%1 available, reorder level %2").arg(s.available()).arg(s.reorderLevel);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= OnHandColumn && index.column() <= ReorderLevelColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StockIdRole:
        return s.id;
    case ItemIdRole:
        return s.itemId;
    case LowRole:
        return s.low();
    }
    return {};
}

QVariant StockTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SkuColumn:
        return tr("SKU");
    case TitleColumn:
        return tr("Title");
    case BinColumn:
        return tr("Bin");
    case OnHandColumn:
        return tr("On hand");
    case ReservedColumn:
        return tr("Reserved");
    case AvailableColumn:
        return tr("Available");
    case ReorderLevelColumn:
        return tr("Reorder level");
    case LowColumn:
        return tr("Stock");
    }
    return {};
}

void StockTableModel::fetchPage(const QString &after, int limit, QObject *context, Done done)
{
    if (m_warehouseId == 0) {
        done(Page<StockLine>{});
        return;
    }
    m_api->stock(m_warehouseId, StockQuery{after, limit, m_lowOnly, m_search}, context,
                 std::move(done));
}

} // namespace pincart

#include "shipmentqueuemodel.h"

#include "logisticstext.h"

#include <QLocale>

namespace pincart {

ShipmentQueueModel::ShipmentQueueModel(ApiClient *api, QObject *parent)
    : PagedListModel<Shipment>(parent)
    , m_api(api)
{
    setPageSize(50);
}

void ShipmentQueueModel::setWarehouse(qint64 warehouseId)
{
    m_warehouseId = warehouseId;
    reload();
}

std::optional<int> ShipmentQueueModel::rowOfShipment(qint64 id) const
{
    for (int row = 0; row < rows().size(); ++row) {
        if (at(row).id == id)
            return row;
    }
    return std::nullopt;
}

void ShipmentQueueModel::updateShipment(const Shipment &shipment)
{
    const auto row = rowOfShipment(shipment.id);
    if (!row)
        return;
    if (isOpenShipment(shipment.status))
        replaceRowAt(*row, shipment);
    else
        removeRowAt(*row);
}

int ShipmentQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ShipmentQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Shipment &s = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return s.id;
        case OrderColumn:
            return s.orderId ? QVariant(s.orderId) : QVariant(QStringLiteral("—"));
        case StatusColumn:
            return shipmentStatusText(s.status);
        case PincodeColumn:
            return s.pincode;
        case PromiseColumn:
            return QLocale().toString(s.promiseDate, QLocale::ShortFormat);
        case ItemsColumn:
            return shipmentLinesText(s.lines);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ItemsColumn) {
            QStringList lines;
            for (const ShipmentLine &line : s.lines)
                lines << QStringLiteral("%1 × %2 %3").arg(line.quantity).arg(line.sku, line.title);
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == OrderColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case ShipmentIdRole:
        return s.id;
    case StatusRole:
        return int(s.status);
    }
    return {};
}

QVariant ShipmentQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Shipment");
    case OrderColumn:
        return tr("Order");
    case StatusColumn:
        return tr("Status");
    case PincodeColumn:
        return tr("Pincode");
    case PromiseColumn:
        return tr("Promise date");
    case ItemsColumn:
        return tr("Items");
    }
    return {};
}

void ShipmentQueueModel::fetchPage(const QString &after, int limit, QObject *context, Done done)
{
    if (m_warehouseId == 0) {
        done(Page<Shipment>{});
        return;
    }
    m_api->fulfilment(m_warehouseId, after, limit, context, std::move(done));
}

} // namespace pincart

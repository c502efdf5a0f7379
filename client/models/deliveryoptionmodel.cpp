#include "deliveryoptionmodel.h"

#include "logisticstext.h"

#include <QFont>
#include <QLocale>

namespace pincart {

DeliveryOptionModel::DeliveryOptionModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void DeliveryOptionModel::setAnswer(const Serviceability &answer)
{
    beginResetModel();
    m_options = answer.options;
    m_bestWarehouseId = answer.deliverable ? answer.warehouseId : 0;
    endResetModel();
}

void DeliveryOptionModel::clear()
{
    beginResetModel();
    m_options.clear();
    m_bestWarehouseId = 0;
    endResetModel();
}

int DeliveryOptionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_options.size());
}

int DeliveryOptionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeliveryOptionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeliveryOption &o = m_options.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WarehouseColumn:
            return o.warehouseName;
        case AvailableColumn:
            return o.available;
        case DeliverableColumn:
            return o.deliverable ? tr("Yes") : tr("No");
        case CourierColumn:
            return o.deliverable ? o.courierName : QStringLiteral("—");
        case EtaColumn:
            return o.deliverable ? tr("%n day(s)", nullptr, o.promise.etaDays)
                                 : QStringLiteral("—");
        case PromiseColumn:
            return o.deliverable ? QLocale().toString(o.promise.promiseDate, QLocale::ShortFormat)
                                 : QStringLiteral("—");
        case RouteColumn:
            return routeText(o.route);
        }
        break;
    case Qt::FontRole:
        if (m_bestWarehouseId != 0 && o.warehouseId == m_bestWarehouseId) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ToolTipRole:
        if (o.deliverable)
            return tr("With %1 after %n hour(s) in transit", nullptr, o.promise.tatHours)
                .arg(o.courierName);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == AvailableColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case WarehouseIdRole:
        return o.warehouseId;
    case DeliverableRole:
        return o.deliverable;
    case EtaDaysRole:
        return o.promise.etaDays;
    }
    return {};
}

QVariant DeliveryOptionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WarehouseColumn:
        return tr("Warehouse");
    case AvailableColumn:
        return tr("Available");
    case DeliverableColumn:
        return tr("Deliverable");
    case CourierColumn:
        return tr("Courier");
    case EtaColumn:
        return tr("ETA");
    case PromiseColumn:
        return tr("Promise date");
    case RouteColumn:
        return tr("Route");
    }
    return {};
}

} // namespace pincart

#include "orderlistmodel.h"

#include "ordertext.h"

#include <QColor>
#include <QLocale>

namespace pincart {

OrderListModel::OrderListModel(ApiClient *api, QObject *parent)
    : PagedListModel<Order>(parent)
    , m_api(api)
{
    setPageSize(20);
}

std::optional<int> OrderListModel::rowOfOrder(qint64 id) const
{
    for (int row = 0; row < rows().size(); ++row) {
        if (at(row).id == id)
            return row;
    }
    return std::nullopt;
}

void OrderListModel::updateOrder(const Order &order)
{
    if (const auto row = rowOfOrder(order.id))
        replaceRowAt(*row, order);
}

int OrderListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Order &o = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return o.id;
        case PlacedColumn:
            return QLocale().toString(o.createdAt.toLocalTime(), QLocale::ShortFormat);
        case StatusColumn:
            return orderStatusText(o.status);
        case PaymentColumn:
            return paymentText(o.payment, o.paymentStatus);
        case TotalColumn:
            return o.total.toDisplayString();
        case DeliveryColumn:
            return orderPromiseText(o);
        case ItemsColumn: {
            QStringList parts;
            for (const OrderLine &line : o.lines)
                parts << QStringLiteral("%1 × %2").arg(line.quantity).arg(line.title);
            return parts.join(QStringLiteral(", "));
        }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == DeliveryColumn || index.column() == StatusColumn)
            return shipmentSummaries(o).join(QLatin1Char('\n'));
        break;
    case Qt::ForegroundRole:
        if (index.column() == PaymentColumn && o.paymentStatus == PaymentStatus::Failed)
            return QColor(0xb0, 0x00, 0x20);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == TotalColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case OrderIdRole:
        return o.id;
    case StatusRole:
        return int(o.status);
    case TotalAmountRole:
        return o.total.amount;
    case CanCancelRole:
        return canCancelOrder(o);
    }
    return {};
}

QVariant OrderListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Order");
    case PlacedColumn:
        return tr("Placed");
    case StatusColumn:
        return tr("Status");
    case PaymentColumn:
        return tr("Payment");
    case TotalColumn:
        return tr("Total");
    case DeliveryColumn:
        return tr("Delivery");
    case ItemsColumn:
        return tr("Items");
    }
    return {};
}

void OrderListModel::fetchPage(const QString &after, int limit, QObject *context, Done done)
{
    m_api->orders(after, limit, context, std::move(done));
}

} // namespace pincart

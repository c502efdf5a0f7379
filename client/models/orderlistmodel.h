#pragma once

#include "apiclient.h"
#include "order.h"
#include "pagedtablemodel.h"

#include <optional>

namespace pincart {

// The customer's orders, newest first, paged from GET /orders. Columns: Order, Placed, Status,
// Payment, Total, Delivery (the promise dates of its open shipments), Items. An order changed
// elsewhere in the client (cancelled, paid) is updated in place.
class OrderListModel : public PagedListModel<Order>
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        PlacedColumn,
        StatusColumn,
        PaymentColumn,
        TotalColumn,
        DeliveryColumn,
        ItemsColumn,
        ColumnCount
    };
    enum Role {
        OrderIdRole = Qt::UserRole + 1, // qint64
        StatusRole,                     // int: OrderStatus
        TotalAmountRole,                // qint64 minor units
        CanCancelRole,                  // bool: no shipment has left yet
    };

    explicit OrderListModel(ApiClient *api, QObject *parent = nullptr);

    std::optional<int> rowOfOrder(qint64 id) const;
    // The server's answer about one order (cancel, payment): its row follows. No-op if absent.
    void updateOrder(const Order &order);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void fetchPage(const QString &after, int limit, QObject *context, Done done) override;

private:
    ApiClient *m_api;
};

} // namespace pincart

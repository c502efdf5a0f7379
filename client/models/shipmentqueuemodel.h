#pragma once

#include "apiclient.h"
#include "logistics.h"
#include "pagedtablemodel.h"

#include <optional>

namespace pincart {

// One warehouse's open shipments (placed, picked, packed), paged from
// GET /warehouses/{id}/fulfilment, oldest first. Columns: Shipment, Order, Status, Pincode,
// Promise date, Items. A shipment advanced elsewhere in the client is updated in place, and
// leaves the queue once shipped. No warehouse chosen (id 0): no rows.
class ShipmentQueueModel : public PagedListModel<Shipment>
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        OrderColumn,
        StatusColumn,
        PincodeColumn,
        PromiseColumn,
        ItemsColumn,
        ColumnCount
    };
    enum Role {
        ShipmentIdRole = Qt::UserRole + 1, // qint64
        StatusRole,                        // int: ShipmentStatus
    };

    explicit ShipmentQueueModel(ApiClient *api, QObject *parent = nullptr);

    qint64 warehouseId() const { return m_warehouseId; }
    // Drops the rows and loads the first page of `warehouseId`'s queue.
    void setWarehouse(qint64 warehouseId);

    std::optional<int> rowOfShipment(qint64 id) const;
    // The server's answer to a status change: the row follows it, or goes once it is no longer
    // the warehouse's work. No-op for a shipment not listed.
    void updateShipment(const Shipment &shipment);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void fetchPage(const QString &after, int limit, QObject *context, Done done) override;

private:
    ApiClient *m_api;
    qint64 m_warehouseId = 0;
};

} // namespace pincart

#pragma once

#include "logistics.h"

#include <QAbstractTableModel>

namespace pincart {

// The options of one serviceability answer, a row per warehouse that holds the item: Warehouse,
// Available, Deliverable, Courier, ETA, Promise date, Route ("Pune hub → Mumbai hub").
// The fastest deliverable option (the answer's own warehouse) is bold.
class DeliveryOptionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        WarehouseColumn,
        AvailableColumn,
        DeliverableColumn,
        CourierColumn,
        EtaColumn,
        PromiseColumn,
        RouteColumn,
        ColumnCount
    };
    enum Role {
        WarehouseIdRole = Qt::UserRole + 1, // qint64
        DeliverableRole,                    // bool
        EtaDaysRole,                        // int
    };

    explicit DeliveryOptionModel(QObject *parent = nullptr);

    void setAnswer(const Serviceability &answer);
    void clear();
    const QList<DeliveryOption> &options() const { return m_options; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<DeliveryOption> m_options;
    qint64 m_bestWarehouseId = 0;
};

} // namespace pincart

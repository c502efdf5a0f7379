#include "shipmentrepository.h"

#include "statement.h"

#include <QSet>

namespace pincart::server {

namespace {

const QString Select = QStringLiteral(
    "SELECT id, order_id, warehouse_id, courier_id, pincode, status, promise_date, "
    "created_at, updated_at FROM shipments");
const QString OpenStatuses = QStringLiteral("('placed', 'picked', 'packed')");

Shipment shipmentFrom(const Statement &q)
{
    Shipment s;
    s.id = q.value(0).toLongLong();
    s.orderId = q.value(1).toLongLong();
    s.warehouseId = q.value(2).toLongLong();
    s.courierId = q.value(3).toLongLong();
    s.pincode = q.value(4).toString();
    s.status = shipmentStatusFromName(q.value(5).toString()).value_or(ShipmentStatus::Placed);
    s.promiseDate = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    s.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    s.updatedAt = QDateTime::fromMSecsSinceEpoch(q.value(8).toLongLong(), Qt::UTC);
    return s;
}

} // namespace

Result<qint64> ShipmentRepository::create(const Shipment &shipment)
{
    QList<Shipment> one{shipment};
    if (Status s = createAll(one); !s)
        return s.error();
    return one.constFirst().id;
}

Status ShipmentRepository::createAll(QList<Shipment> &shipments)
{
    if (shipments.isEmpty())
        return {};
    // RETURNING names each new id's order and warehouse: SQLite does not promise to return rows
    // in the order they were inserted, so ids are matched by the pair, which must therefore differ.
    QSet<QPair<qint64, qint64>> places;
    for (const Shipment &s : std::as_const(shipments))
        places.insert({s.orderId, s.warehouseId});
    if (places.size() != shipments.size())
        return DomainError::internal(
            QStringLiteral("one statement creates one shipment per order and warehouse"));

    const qint64 now = Connection::nowMs();
    QString sql
        = QStringLiteral("INSERT INTO shipments (order_id, warehouse_id, courier_id, pincode, "
                         "status, promise_date, created_at, updated_at) VALUES ");
    sql += numbered(shipments.size(),
                    QStringLiteral("(:o%1, :w%1, :c%1, :p%1, :s%1, :d%1, :t%1, :t%1)"));
    sql += QStringLiteral(" RETURNING id, order_id, warehouse_id");
    Statement q(m_db, sql);
    for (int i = 0; i < shipments.size(); ++i) {
        const Shipment &s = shipments.at(i);
        const QString n = QString::number(i);
        q.bind(QStringLiteral(":o") + n,
               s.orderId ? QVariant(s.orderId) : QVariant(QMetaType::fromType<qint64>()))
            .bind(QStringLiteral(":w") + n, s.warehouseId)
            .bind(QStringLiteral(":c") + n, s.courierId)
            .bind(QStringLiteral(":p") + n, s.pincode)
            .bind(QStringLiteral(":s") + n, shipmentStatusName(s.status))
            .bind(QStringLiteral(":d") + n, s.promiseDate.toString(Qt::ISODate))
            .bind(QStringLiteral(":t") + n,
                  s.createdAt.isValid() ? s.createdAt.toMSecsSinceEpoch() : now);
    }
    if (Status st = q.exec("create shipments"); !st)
        return st;
    int assigned = 0;
    while (q.next()) {
        const qint64 orderId = q.value(1).toLongLong(); // 0 for NULL: no order
        const qint64 warehouseId = q.value(2).toLongLong();
        for (Shipment &s : shipments) {
            if (s.orderId == orderId && s.warehouseId == warehouseId && s.id == 0) {
                s.id = q.value(0).toLongLong();
                ++assigned;
                break;
            }
        }
    }
    q.finish();
    if (assigned != shipments.size())
        return DomainError::internal(QStringLiteral("created shipments without their ids"));

    QString linesSql
        = QStringLiteral("INSERT INTO shipment_lines (shipment_id, item_id, quantity) VALUES ");
    qsizetype n = 0;
    for (const Shipment &s : std::as_const(shipments))
        n += s.lines.size();
    if (n == 0)
        return {};
    linesSql += numbered(n, QStringLiteral("(:s%1, :i%1, :q%1)"));
    Statement lines(m_db, linesSql);
    n = 0;
    for (const Shipment &s : std::as_const(shipments)) {
        for (const ShipmentLine &l : s.lines) {
            const QString k = QString::number(n++);
            lines.bind(QStringLiteral(":s") + k, s.id)
                .bind(QStringLiteral(":i") + k, l.itemId)
                .bind(QStringLiteral(":q") + k, l.quantity);
        }
    }
    return lines.exec("create shipment lines");
}

Status ShipmentRepository::loadLines(QList<Shipment> &shipments)
{
    for (Shipment &s : shipments) {
        Statement q(m_db,
                    QStringLiteral(
                        "SELECT l.item_id, COALESCE(i.sku, ''), COALESCE(i.title, ''), l.quantity "
                        "FROM shipment_lines l LEFT JOIN items i ON i.id = l.item_id "
                        "WHERE l.shipment_id = :s ORDER BY l.item_id"));
        q.bind(QStringLiteral(":s"), s.id);
        if (Status st = q.exec("shipment lines"); !st)
            return st;
        while (q.next())
            s.lines << ShipmentLine{q.value(0).toLongLong(), q.value(1).toString(),
                                    q.value(2).toString(), q.value(3).toInt()};
    }
    return {};
}

Result<std::optional<Shipment>> ShipmentRepository::find(qint64 id)
{
    QList<Shipment> found;
    {
        Statement q(m_db, Select + QStringLiteral(" WHERE id = :id"));
        q.bind(QStringLiteral(":id"), id);
        if (Status st = q.exec("find shipment"); !st)
            return st.error();
        if (q.next())
            found << shipmentFrom(q);
    }
    if (found.isEmpty())
        return std::optional<Shipment>();
    if (Status st = loadLines(found); !st)
        return st.error();
    return std::optional<Shipment>(found.first());
}

Result<QList<Shipment>> ShipmentRepository::open(qint64 warehouseId, qint64 afterId, int limit)
{
    QList<Shipment> list;
    {
        Statement q(m_db, Select + QStringLiteral(" WHERE warehouse_id = :w AND status IN ")
                              + OpenStatuses
                              + QStringLiteral(" AND id > :after ORDER BY id LIMIT :limit"));
        q.bind(QStringLiteral(":w"), warehouseId)
            .bind(QStringLiteral(":after"), afterId)
            .bind(QStringLiteral(":limit"), limit);
        if (Status st = q.exec("open shipments"); !st)
            return st.error();
        while (q.next())
            list << shipmentFrom(q);
    }
    if (Status st = loadLines(list); !st)
        return st.error();
    return list;
}

Result<QList<Shipment>> ShipmentRepository::ofOrder(qint64 orderId)
{
    QList<Shipment> list;
    {
        Statement q(m_db, Select + QStringLiteral(" WHERE order_id = :o ORDER BY id"));
        q.bind(QStringLiteral(":o"), orderId);
        if (Status st = q.exec("order shipments"); !st)
            return st.error();
        while (q.next())
            list << shipmentFrom(q);
    }
    if (Status st = loadLines(list); !st)
        return st.error();
    return list;
}

Result<int> ShipmentRepository::countOpen(qint64 warehouseId)
{
    Statement q(m_db, QStringLiteral(
                          "SELECT COUNT(*) FROM shipments WHERE warehouse_id = :w AND status IN ")
                          + OpenStatuses);
    q.bind(QStringLiteral(":w"), warehouseId);
    if (Status st = q.exec("count open shipments"); !st)
        return st.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Result<bool> ShipmentRepository::advance(qint64 id, ShipmentStatus from, ShipmentStatus to)
{
    Statement q(m_db, QStringLiteral("UPDATE shipments SET status = :to, updated_at = :now WHERE "
                                     "id = :id AND status = :from"));
    q.bind(QStringLiteral(":to"), shipmentStatusName(to))
        .bind(QStringLiteral(":now"), Connection::nowMs())
        .bind(QStringLiteral(":id"), id)
        .bind(QStringLiteral(":from"), shipmentStatusName(from));
    if (Status st = q.exec("advance shipment"); !st)
        return st.error();
    return q.numRowsAffected() > 0;
}

Result<int> ShipmentRepository::cancelOpenOfOrder(qint64 orderId)
{
    Statement q(
        m_db,
        QStringLiteral(
            "UPDATE shipments SET status = 'cancelled', updated_at = :now WHERE order_id = :o "
            "AND status IN ")
            + OpenStatuses);
    q.bind(QStringLiteral(":now"), Connection::nowMs()).bind(QStringLiteral(":o"), orderId);
    if (Status st = q.exec("cancel shipments"); !st)
        return st.error();
    return q.numRowsAffected();
}

Result<int> ShipmentRepository::countOfOrder(qint64 orderId)
{
    Statement q(m_db, QStringLiteral("SELECT COUNT(*) FROM shipments WHERE order_id = :o"));
    q.bind(QStringLiteral(":o"), orderId);
    if (Status st = q.exec("count order shipments"); !st)
        return st.error();
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace pincart::server

#include "warehouserepository.h"

#include "statement.h"

namespace pincart::server {

namespace {

const QString Select = QStringLiteral(
    "SELECT w.id, w.code, w.name, w.pincode, w.cutoff_minutes, w.handling_hours, w.active, "
    "COALESCE(p.district, ''), COALESCE(p.state, '') FROM warehouses w "
    "LEFT JOIN pincodes p ON p.pincode = w.pincode");

Warehouse warehouseFrom(const Statement &q)
{
    Warehouse w;
    w.id = q.value(0).toLongLong();
    w.code = q.value(1).toString();
    w.name = q.value(2).toString();
    w.pincode = q.value(3).toString();
    w.cutoffMinutes = q.value(4).toInt();
    w.handlingHours = q.value(5).toInt();
    w.active = q.value(6).toInt() != 0;
    w.district = q.value(7).toString();
    w.state = q.value(8).toString();
    return w;
}

} // namespace

Result<QList<Warehouse>> WarehouseRepository::list()
{
    Statement q(m_db, Select + QStringLiteral(" ORDER BY w.id"));
    if (Status s = q.exec("list warehouses"); !s)
        return s.error();
    QList<Warehouse> all;
    while (q.next())
        all << warehouseFrom(q);
    return all;
}

Result<std::optional<Warehouse>> WarehouseRepository::find(qint64 id)
{
    Statement q(m_db, Select + QStringLiteral(" WHERE w.id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("find warehouse"); !s)
        return s.error();
    if (!q.next())
        return std::optional<Warehouse>();
    return std::optional<Warehouse>(warehouseFrom(q));
}

Result<qint64> WarehouseRepository::create(const Warehouse &w)
{
    const qint64 now = Connection::nowMs();
    Statement q(m_db,
                QStringLiteral(
                    "INSERT INTO warehouses (code, name, pincode, cutoff_minutes, handling_hours, "
                    "active, created_at, updated_at) VALUES (:code, :name, :pincode, :cutoff, "
                    ":handling, :active, :now, :now)"));
    q.bind(QStringLiteral(":code"), w.code)
        .bind(QStringLiteral(":name"), w.name)
        .bind(QStringLiteral(":pincode"), w.pincode)
        .bind(QStringLiteral(":cutoff"), w.cutoffMinutes)
        .bind(QStringLiteral(":handling"), w.handlingHours)
        .bind(QStringLiteral(":active"), w.active ? 1 : 0)
        .bind(QStringLiteral(":now"), now);
    if (Status s = q.exec("create warehouse"); !s)
        return s.error();
    return q.lastInsertId();
}

Status WarehouseRepository::update(const Warehouse &w)
{
    Statement q(m_db, QStringLiteral(
                          "UPDATE warehouses SET code = :code, name = :name, pincode = :pincode, "
                          "cutoff_minutes = :cutoff, handling_hours = :handling, active = :active, "
                          "updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":code"), w.code)
        .bind(QStringLiteral(":name"), w.name)
        .bind(QStringLiteral(":pincode"), w.pincode)
        .bind(QStringLiteral(":cutoff"), w.cutoffMinutes)
        .bind(QStringLiteral(":handling"), w.handlingHours)
        .bind(QStringLiteral(":active"), w.active ? 1 : 0)
        .bind(QStringLiteral(":now"), Connection::nowMs())
        .bind(QStringLiteral(":id"), w.id);
    return q.exec("update warehouse");
}

Status WarehouseRepository::addBins(qint64 warehouseId, const QStringList &codes)
{
    for (const QString &code : codes) {
        Statement q(m_db,
                    m_db.insertIgnore()
                        + QStringLiteral(" INTO bins (warehouse_id, code) VALUES (:w, :code)"));
        q.bind(QStringLiteral(":w"), warehouseId).bind(QStringLiteral(":code"), code);
        if (Status s = q.exec("add bin"); !s)
            return s;
    }
    return {};
}

Result<bool> WarehouseRepository::hasBin(qint64 warehouseId, const QString &code)
{
    Statement q(m_db,
                QStringLiteral("SELECT 1 FROM bins WHERE warehouse_id = :w AND code = :code"));
    q.bind(QStringLiteral(":w"), warehouseId).bind(QStringLiteral(":code"), code);
    if (Status s = q.exec("find bin"); !s)
        return s.error();
    return q.next();
}

} // namespace pincart::server

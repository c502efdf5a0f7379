#include "networkrepository.h"

#include "statement.h"

namespace pincart::server {

namespace {

Lane laneFrom(const Statement &q)
{
    Lane l;
    l.id = q.value(0).toLongLong();
    l.courierId = q.value(1).toLongLong();
    l.fromHubId = q.value(2).toLongLong();
    l.toHubId = q.value(3).toLongLong();
    l.transitHours = q.value(4).toInt();
    l.active = q.value(5).toInt() != 0;
    return l;
}

const QString LaneColumns
    = QStringLiteral("SELECT id, courier_id, from_hub, to_hub, transit_hours, active FROM lanes");

} // namespace

Result<QList<Courier>> NetworkRepository::couriers()
{
    QList<Courier> all;
    {
        Statement q(
            m_db,
            QStringLiteral("SELECT id, code, name, speed_kmph, active FROM couriers ORDER BY id"));
        if (Status s = q.exec("list couriers"); !s)
            return s.error();
        while (q.next()) {
            Courier c;
            c.id = q.value(0).toLongLong();
            c.code = q.value(1).toString();
            c.name = q.value(2).toString();
            c.speedKmph = q.value(3).toInt();
            c.active = q.value(4).toInt() != 0;
            all << c;
        }
    }
    Statement q(
        m_db,
        QStringLiteral(
            "SELECT courier_id, state, district, pincode, service_level FROM courier_coverage "
            "ORDER BY courier_id, state, district, pincode"));
    if (Status s = q.exec("list coverage"); !s)
        return s.error();
    while (q.next()) {
        const qint64 courierId = q.value(0).toLongLong();
        for (Courier &c : all) {
            if (c.id == courierId) {
                c.coverage << CoverageRule{
                    q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    serviceLevelFromName(q.value(4).toString()).value_or(ServiceLevel::Standard)};
                break;
            }
        }
    }
    return all;
}

Result<std::optional<Courier>> NetworkRepository::courier(qint64 id)
{
    auto all = couriers();
    if (!all)
        return all.error();
    for (const Courier &c : *all) {
        if (c.id == id)
            return std::optional<Courier>(c);
    }
    return std::optional<Courier>();
}

Result<qint64> NetworkRepository::createCourier(const Courier &c)
{
    const qint64 now = Connection::nowMs();
    Statement q(m_db,
                QStringLiteral(
                    "INSERT INTO couriers (code, name, speed_kmph, active, created_at, updated_at) "
                    "VALUES (:code, :name, :speed, :active, :now, :now)"));
    q.bind(QStringLiteral(":code"), c.code)
        .bind(QStringLiteral(":name"), c.name)
        .bind(QStringLiteral(":speed"), c.speedKmph)
        .bind(QStringLiteral(":active"), c.active ? 1 : 0)
        .bind(QStringLiteral(":now"), now);
    if (Status s = q.exec("create courier"); !s)
        return s.error();
    Courier created = c;
    created.id = q.lastInsertId();
    if (Status s = replaceCoverage(created); !s)
        return s.error();
    return created.id;
}

Status NetworkRepository::updateCourier(const Courier &c)
{
    Statement q(
        m_db, QStringLiteral("UPDATE couriers SET code = :code, name = :name, speed_kmph = :speed, "
                             "active = :active, updated_at = :now WHERE id = :id"));
    q.bind(QStringLiteral(":code"), c.code)
        .bind(QStringLiteral(":name"), c.name)
        .bind(QStringLiteral(":speed"), c.speedKmph)
        .bind(QStringLiteral(":active"), c.active ? 1 : 0)
        .bind(QStringLiteral(":now"), Connection::nowMs())
        .bind(QStringLiteral(":id"), c.id);
    if (Status s = q.exec("update courier"); !s)
        return s;
    return replaceCoverage(c);
}

Status NetworkRepository::replaceCoverage(const Courier &c)
{
    Statement del(m_db, QStringLiteral("DELETE FROM courier_coverage WHERE courier_id = :id"));
    del.bind(QStringLiteral(":id"), c.id);
    if (Status s = del.exec("clear coverage"); !s)
        return s;
    for (const CoverageRule &rule : c.coverage) {
        // A repeated rule is one rule (the primary key): keep the last level given.
        Statement q(m_db,
                    m_db.insertIgnore()
                        + QStringLiteral(" INTO courier_coverage (courier_id, state, district, "
                                         "pincode, service_level) VALUES (:c, :s, :d, :p, :l)"));
        q.bind(QStringLiteral(":c"), c.id)
            .bind(QStringLiteral(":s"), nonNull(rule.state))
            .bind(QStringLiteral(":d"), nonNull(rule.district))
            .bind(QStringLiteral(":p"), nonNull(rule.pincode))
            .bind(QStringLiteral(":l"), serviceLevelName(rule.level));
        if (Status s = q.exec("add coverage"); !s)
            return s;
    }
    return {};
}

Result<QList<Hub>> NetworkRepository::hubs(qint64 afterId, int limit)
{
    Statement q(m_db, QStringLiteral(
                          "SELECT id, code, name, district, state, latitude, longitude FROM hubs "
                          "WHERE id > :after ORDER BY id LIMIT :limit"));
    q.bind(QStringLiteral(":after"), afterId)
        .bind(QStringLiteral(":limit"), limit < 0 ? 1'000'000'000 : limit);
    if (Status s = q.exec("list hubs"); !s)
        return s.error();
    QList<Hub> all;
    while (q.next()) {
        all << Hub{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                   q.value(3).toString(),   q.value(4).toString(), q.value(5).toDouble(),
                   q.value(6).toDouble()};
    }
    return all;
}

Result<qint64> NetworkRepository::createHub(const Hub &h)
{
    Statement q(
        m_db, QStringLiteral("INSERT INTO hubs (code, name, district, state, latitude, longitude) "
                             "VALUES (:code, :name, :district, :state, :lat, :lon)"));
    q.bind(QStringLiteral(":code"), h.code)
        .bind(QStringLiteral(":name"), h.name)
        .bind(QStringLiteral(":district"), h.district)
        .bind(QStringLiteral(":state"), h.state)
        .bind(QStringLiteral(":lat"), h.latitude)
        .bind(QStringLiteral(":lon"), h.longitude);
    if (Status s = q.exec("create hub"); !s)
        return s.error();
    return q.lastInsertId();
}

Result<bool> NetworkRepository::hubExists(qint64 id)
{
    Statement q(m_db, QStringLiteral("SELECT 1 FROM hubs WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("find hub"); !s)
        return s.error();
    return q.next();
}

Result<QList<Lane>> NetworkRepository::lanes(qint64 courierId, qint64 afterId, int limit)
{
    Statement q(
        m_db, LaneColumns
                  + QStringLiteral(" WHERE (:courier = 0 OR courier_id = :courier) AND id > :after "
                                   "ORDER BY id LIMIT :limit"));
    q.bind(QStringLiteral(":courier"), courierId)
        .bind(QStringLiteral(":after"), afterId)
        .bind(QStringLiteral(":limit"), limit < 0 ? 1'000'000'000 : limit);
    if (Status s = q.exec("list lanes"); !s)
        return s.error();
    QList<Lane> all;
    while (q.next())
        all << laneFrom(q);
    return all;
}

Result<std::optional<Lane>> NetworkRepository::lane(qint64 id)
{
    Statement q(m_db, LaneColumns + QStringLiteral(" WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("find lane"); !s)
        return s.error();
    if (!q.next())
        return std::optional<Lane>();
    return std::optional<Lane>(laneFrom(q));
}

Result<qint64> NetworkRepository::createLane(const Lane &l)
{
    Statement q(m_db, QStringLiteral(
                          "INSERT INTO lanes (courier_id, from_hub, to_hub, transit_hours, active) "
                          "VALUES (:c, :from, :to, :hours, :active)"));
    q.bind(QStringLiteral(":c"), l.courierId)
        .bind(QStringLiteral(":from"), l.fromHubId)
        .bind(QStringLiteral(":to"), l.toHubId)
        .bind(QStringLiteral(":hours"), l.transitHours)
        .bind(QStringLiteral(":active"), l.active ? 1 : 0);
    if (Status s = q.exec("create lane"); !s)
        return s.error();
    return q.lastInsertId();
}

Status NetworkRepository::updateLane(const Lane &l)
{
    Statement q(
        m_db,
        QStringLiteral("UPDATE lanes SET transit_hours = :hours, active = :active WHERE id = :id"));
    q.bind(QStringLiteral(":hours"), l.transitHours)
        .bind(QStringLiteral(":active"), l.active ? 1 : 0)
        .bind(QStringLiteral(":id"), l.id);
    return q.exec("update lane");
}

Result<bool> NetworkRepository::removeLane(qint64 id)
{
    Statement q(m_db, QStringLiteral("DELETE FROM lanes WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (Status s = q.exec("delete lane"); !s)
        return s.error();
    return q.numRowsAffected() > 0;
}

} // namespace pincart::server

#include "logisticsservice.h"

#include "catalogservice.h"
#include "connection.h"
#include "cursor.h"
#include "deliverypromise.h"
#include "eventlog.h"
#include "jsonkeys.h"
#include "networkrepository.h"
#include "pincode.h"
#include "pincoderepository.h"
#include "stockrepository.h"
#include "warehouserepository.h"

namespace pincart::server {

namespace k = keys;

QStringList standardBins()
{
    QStringList bins;
    for (QChar aisle : {u'A', u'B', u'C', u'D'}) {
        for (int rack = 1; rack <= 10; ++rack)
            bins << QStringLiteral("%1-%2").arg(aisle).arg(rack, 2, 10, QLatin1Char('0'));
    }
    return bins;
}

namespace {

Status requireAdmin(const Principal &who)
{
    return who.isAdmin() ? Status{} : Status{DomainError::forbidden()};
}

// Sooner promise first; then the shorter trip; then the lower id, so answers are stable.
bool better(const DeliveryOption &a, const DeliveryOption &b)
{
    if (a.promise.promiseDate != b.promise.promiseDate)
        return a.promise.promiseDate < b.promise.promiseDate;
    if (a.promise.tatHours != b.promise.tatHours)
        return a.promise.tatHours < b.promise.tatHours;
    return a.warehouseId < b.warehouseId;
}

} // namespace

LogisticsService::LogisticsService(Connection &db, LogisticsState &state, CatalogService &catalog,
                                   const Clock &clock, OnCommitted onCommitted)
    : m_db(db)
    , m_state(state)
    , m_catalog(catalog)
    , m_clock(clock)
    , m_onCommitted(std::move(onCommitted))
{}

Result<std::shared_ptr<const StockLevels>> LogisticsService::stockLevels(qint64 itemId)
{
    auto &index = m_state.stock();
    if (auto hit = index.find(itemId))
        return hit;
    const quint64 ticket = index.ticket(itemId);
    auto levels = StockRepository(m_db).availability(itemId);
    if (!levels)
        return levels.error();
    auto value = std::make_shared<const StockLevels>(StockLevels{std::move(*levels)});
    index.insert(ticket, itemId, value);
    return value;
}

bool LogisticsService::knowsPincode(const QString &pincode) const
{
    return m_state.network()->knowsPincode(pincode);
}

namespace {

Status checkPincode(const DeliveryNetwork &network, const QString &pincode)
{
    if (!Pincode::parse(pincode))
        return DomainError::validation(QString(k::Pincode),
                                       QStringLiteral("must be six digits, the first not 0"));
    if (!network.knowsPincode(pincode))
        return DomainError::validation(QString(k::Pincode),
                                       QStringLiteral("is not in the India Post directory"));
    return {};
}

} // namespace

Result<Serviceability> LogisticsService::serviceability(const Principal &who, qint64 itemId,
                                                        const QString &pincode)
{
    const auto network = m_state.network();
    if (Status s = checkPincode(*network, pincode); !s)
        return s.error();
    if (auto item = m_catalog.item(who, itemId); !item)
        return item.error();
    const auto levels = stockLevels(itemId);
    if (!levels)
        return levels.error();
    return answer(*network, itemId, pincode, **levels);
}

// The I/O threads' path: one look-up in each cache, and nothing that could wait.
std::optional<Result<Serviceability>>
LogisticsService::serviceabilityFromMemory(const Principal &who, qint64 itemId,
                                           const QString &pincode)
{
    const auto network = m_state.network();
    if (Status s = checkPincode(*network, pincode); !s)
        return Result<Serviceability>(s.error());
    const auto item = m_catalog.itemFromMemory(who, itemId);
    if (!item)
        return std::nullopt;
    if (!*item)
        return Result<Serviceability>(item->error());
    const auto levels = m_state.stock().find(itemId);
    if (!levels)
        return std::nullopt;
    return Result<Serviceability>(answer(*network, itemId, pincode, *levels));
}

Serviceability LogisticsService::answer(const DeliveryNetwork &network, qint64 itemId,
                                        const QString &pincode, const StockLevels &levels) const
{
    Serviceability answer;
    answer.itemId = itemId;
    answer.pincode = pincode;
    const QDateTime now = m_clock.now();
    for (const WarehouseStock &level : levels.warehouses) {
        const Warehouse *warehouse = network.warehouse(level.warehouseId);
        if (level.available <= 0 || !warehouse || !warehouse->active)
            continue;
        DeliveryOption option;
        option.warehouseId = warehouse->id;
        option.warehouseName = warehouse->name;
        option.available = level.available;
        if (const auto leg = network.best(warehouse->id, pincode)) {
            option.deliverable = true;
            option.courierId = leg->courierId;
            if (const Courier *courier = network.courier(leg->courierId))
                option.courierName = courier->name;
            option.promise = promiseFor(*warehouse, leg->tatHours, now);
            option.route = network.route(warehouse->id, leg->courierId, pincode);
        }
        answer.options << option;
    }
    const DeliveryOption *best = nullptr;
    for (const DeliveryOption &option : std::as_const(answer.options)) {
        if (option.deliverable && (!best || better(option, *best)))
            best = &option;
    }
    if (best) {
        answer.deliverable = true;
        answer.warehouseId = best->warehouseId;
        answer.courierId = best->courierId;
        answer.promise = best->promise;
    } else {
        answer.reason = answer.options.isEmpty() ? QStringLiteral("out_of_stock")
                                                 : QStringLiteral("unreachable");
    }
    return answer;
}

Result<QList<Courier>> LogisticsService::couriers(const Principal &who)
{
    if (!who.isAdmin() && !who.has(Role::Operator))
        return DomainError::forbidden();
    return NetworkRepository(m_db).couriers();
}

Status LogisticsService::changeNetwork(const std::function<Status()> &change, const QString &what)
{
    Transaction tx(m_db);
    if (!tx.started())
        return tx.started();
    if (Status s = change(); !s)
        return s;
    if (Status s = EventLog(m_db).append(topics::NetworkChanged, what, {{k::Reason, what}}); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    if (m_onCommitted)
        m_onCommitted({topics::NetworkChanged});
    return {};
}

Status LogisticsService::checkPincodeKnown(const QString &pincode)
{
    const auto entry = PincodeRepository(m_db).find(pincode);
    if (!entry)
        return entry.error();
    if (!*entry)
        return DomainError::validation(QString(k::Pincode),
                                       QStringLiteral("is not in the India Post directory"));
    return {};
}

Result<Courier> LogisticsService::createCourier(const Principal &who, const CourierInput &input)
{
    if (Status s = requireAdmin(who); !s)
        return s.error();
    Courier courier;
    courier.code = *input.code;
    courier.name = input.name->trimmed();
    courier.speedKmph = *input.speedKmph;
    courier.active = input.active.value_or(true);
    courier.coverage = input.coverage.value_or(QList<CoverageRule>());
    NetworkRepository network(m_db);
    if (Status s = changeNetwork(
            [&]() -> Status {
                const auto id = network.createCourier(courier);
                if (!id)
                    return id.error();
                courier.id = *id;
                return {};
            },
            QStringLiteral("courier created"));
        !s)
        return s.error();
    return courier;
}

Result<Courier> LogisticsService::updateCourier(const Principal &who, qint64 id,
                                                const CourierInput &input)
{
    if (Status s = requireAdmin(who); !s)
        return s.error();
    NetworkRepository network(m_db);
    auto found = network.courier(id);
    if (!found)
        return found.error();
    if (!*found)
        return DomainError::notFound(QStringLiteral("No courier %1").arg(id));
    Courier courier = **found;
    if (input.code)
        courier.code = *input.code;
    if (input.name)
        courier.name = input.name->trimmed();
    if (input.speedKmph)
        courier.speedKmph = *input.speedKmph;
    if (input.active)
        courier.active = *input.active;
    if (input.coverage)
        courier.coverage = *input.coverage;
    if (Status s = changeNetwork([&] { return network.updateCourier(courier); },
                                 QStringLiteral("courier changed"));
        !s)
        return s.error();
    return courier;
}

Result<Warehouse> LogisticsService::createWarehouse(const Principal &who,
                                                    const WarehouseInput &input)
{
    if (Status s = requireAdmin(who); !s)
        return s.error();
    if (Status s = checkPincodeKnown(*input.pincode); !s)
        return s.error();
    Warehouse w;
    w.code = *input.code;
    w.name = input.name->trimmed();
    w.pincode = *input.pincode;
    w.cutoffMinutes = *input.cutoffMinutes;
    w.handlingHours = *input.handlingHours;
    w.active = input.active.value_or(true);
    WarehouseRepository warehouses(m_db);
    if (Status s = changeNetwork(
            [&]() -> Status {
                const auto id = warehouses.create(w);
                if (!id)
                    return id.error();
                w.id = *id;
                return warehouses.addBins(w.id, standardBins());
            },
            QStringLiteral("warehouse created"));
        !s)
        return s.error();
    auto created = warehouses.find(w.id);
    if (!created)
        return created.error();
    return created->value_or(w);
}

Result<Warehouse> LogisticsService::updateWarehouse(const Principal &who, qint64 id,
                                                    const WarehouseInput &input)
{
    if (Status s = requireAdmin(who); !s)
        return s.error();
    WarehouseRepository warehouses(m_db);
    auto found = warehouses.find(id);
    if (!found)
        return found.error();
    if (!*found)
        return DomainError::notFound(QStringLiteral("No warehouse %1").arg(id));
    Warehouse w = **found;
    if (input.pincode && *input.pincode != w.pincode) {
        if (Status s = checkPincodeKnown(*input.pincode); !s)
            return s.error();
        w.pincode = *input.pincode;
    }
    if (input.code)
        w.code = *input.code;
    if (input.name)
        w.name = input.name->trimmed();
    if (input.cutoffMinutes)
        w.cutoffMinutes = *input.cutoffMinutes;
    if (input.handlingHours)
        w.handlingHours = *input.handlingHours;
    if (input.active)
        w.active = *input.active;
    if (Status s
        = changeNetwork([&] { return warehouses.update(w); }, QStringLiteral("warehouse changed"));
        !s)
        return s.error();
    auto updated = warehouses.find(id);
    if (!updated)
        return updated.error();
    return updated->value_or(w);
}

Result<Page<Hub>> LogisticsService::hubs(const Principal &who, const QString &after, int limit)
{
    if (Status s = requireAdmin(who); !s)
        return s.error();
    if (Status s = checkPageLimit(limit, MaxPageSize); !s)
        return s.error();
    const auto from = cursorAfterId(after);
    if (!from)
        return from.error();
    auto list = NetworkRepository(m_db).hubs(*from, limit);
    if (!list)
        return list.error();
    return keysetPage(std::move(*list), limit);
}

Result<Page<Lane>> LogisticsService::lanes(const Principal &who, qint64 courierId,
                                           const QString &after, int limit)
{
    if (Status s = requireAdmin(who); !s)
        return s.error();
    if (Status s = checkPageLimit(limit, MaxPageSize); !s)
        return s.error();
    const auto from = cursorAfterId(after);
    if (!from)
        return from.error();
    auto list = NetworkRepository(m_db).lanes(courierId, *from, limit);
    if (!list)
        return list.error();
    return keysetPage(std::move(*list), limit);
}

Result<Lane> LogisticsService::createLane(const Principal &who, const LaneInput &input)
{
    if (Status s = requireAdmin(who); !s)
        return s.error();
    NetworkRepository network(m_db);
    QList<FieldError> errors;
    const auto courier = network.courier(*input.courierId);
    if (!courier)
        return courier.error();
    if (!*courier)
        errors.append({QString(k::CourierId), QStringLiteral("no such courier")});
    for (const auto &[field, hub] :
         {std::pair{k::FromHubId, *input.fromHubId}, std::pair{k::ToHubId, *input.toHubId}}) {
        const auto exists = network.hubExists(hub);
        if (!exists)
            return exists.error();
        if (!*exists)
            errors.append({QString(field), QStringLiteral("no such hub")});
    }
    if (!errors.isEmpty())
        return DomainError::validation(errors, QStringLiteral("Invalid lane"));
    Lane lane;
    lane.courierId = *input.courierId;
    lane.fromHubId = *input.fromHubId;
    lane.toHubId = *input.toHubId;
    lane.transitHours = *input.transitHours;
    lane.active = input.active.value_or(true);
    if (Status s = changeNetwork(
            [&]() -> Status {
                const auto id = network.createLane(lane);
                if (!id)
                    return id.error();
                lane.id = *id;
                return {};
            },
            QStringLiteral("lane created"));
        !s)
        return s.error();
    return lane;
}

Result<Lane> LogisticsService::updateLane(const Principal &who, qint64 id, const LaneInput &input)
{
    if (Status s = requireAdmin(who); !s)
        return s.error();
    NetworkRepository network(m_db);
    auto found = network.lane(id);
    if (!found)
        return found.error();
    if (!*found)
        return DomainError::notFound(QStringLiteral("No lane %1").arg(id));
    Lane lane = **found;
    if (input.transitHours)
        lane.transitHours = *input.transitHours;
    if (input.active)
        lane.active = *input.active;
    if (Status s
        = changeNetwork([&] { return network.updateLane(lane); }, QStringLiteral("lane changed"));
        !s)
        return s.error();
    return lane;
}

Status LogisticsService::removeLane(const Principal &who, qint64 id)
{
    if (Status s = requireAdmin(who); !s)
        return s;
    NetworkRepository network(m_db);
    return changeNetwork(
        [&]() -> Status {
            const auto removed = network.removeLane(id);
            if (!removed)
                return removed.error();
            if (!*removed)
                return DomainError::notFound(QStringLiteral("No lane %1").arg(id));
            return {};
        },
        QStringLiteral("lane removed"));
}

} // namespace pincart::server

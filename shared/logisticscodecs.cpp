#include "logisticscodecs.h"

#include "jsonkeys.h"
#include "jsonwriter.h"
#include "validation.h"

namespace pincart {

namespace k = keys;

namespace {

// 0 is "none" in the domain types and null on the wire.
JsonWriter &idOrNullField(JsonWriter &w, QLatin1StringView key, qint64 id)
{
    return id ? w.field(key, id) : w.nullField(key);
}

QDate dateFrom(JsonReader &r, QLatin1StringView key)
{
    return QDate::fromString(r.string(key, JsonReader::Optional).value_or(QString()), Qt::ISODate);
}

template<typename T>
Result<QList<T>> listFromJson(const QJsonObject &object, Result<T> (*decode)(const QJsonObject &))
{
    auto page = pageFromJson<T>(object, decode);
    if (!page)
        return page.error();
    return page->items;
}

void checkInto(JsonReader &r, const QList<FieldError> &errors)
{
    for (const FieldError &e : errors)
        r.addError(e.field, e.message);
}

} // namespace

// ---- warehouses

QJsonObject toJson(const Warehouse &w)
{
    return {{k::Id, w.id},
            {k::Code, w.code},
            {k::Name, w.name},
            {k::Pincode, w.pincode},
            {k::District, w.district},
            {k::State, w.state},
            {k::Cutoff, minutesToClock(w.cutoffMinutes)},
            {k::HandlingHours, w.handlingHours},
            {k::Active, w.active}};
}

Result<Warehouse> warehouseFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Warehouse w;
    w.id = r.integer(k::Id).value_or(0);
    w.code = r.string(k::Code).value_or(QString());
    w.name = r.string(k::Name).value_or(QString());
    w.pincode = r.string(k::Pincode).value_or(QString());
    w.district = r.string(k::District, JsonReader::Optional).value_or(QString());
    w.state = r.string(k::State, JsonReader::Optional).value_or(QString());
    w.cutoffMinutes = clockToMinutes(r.string(k::Cutoff).value_or(QString())).value_or(0);
    w.handlingHours = int(r.integer(k::HandlingHours).value_or(0));
    w.active = r.boolean(k::Active, JsonReader::Optional).value_or(true);
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed warehouse"));
    return w;
}

Result<QList<Warehouse>> warehousesFromJson(const QJsonObject &object)
{
    return listFromJson<Warehouse>(object, warehouseFromJson);
}

Result<WarehouseInput> warehouseInputFromJson(const QJsonObject &object, bool forCreate)
{
    const auto need = forCreate ? JsonReader::Required : JsonReader::Optional;
    JsonReader r(object);
    r.rejectUnknown({k::Code, k::Name, k::Pincode, k::Cutoff, k::HandlingHours, k::Active});
    WarehouseInput in;
    in.code = r.string(k::Code, need);
    in.name = r.string(k::Name, need);
    in.pincode = r.string(k::Pincode, need);
    if (const auto cutoff = r.string(k::Cutoff, need)) {
        in.cutoffMinutes = clockToMinutes(*cutoff);
        if (!in.cutoffMinutes)
            r.addError(QString(k::Cutoff), QStringLiteral("must be a time of day, HH:MM"));
    }
    if (const auto hours = r.integer(k::HandlingHours, need, 0, 168))
        in.handlingHours = int(*hours);
    in.active = r.boolean(k::Active, JsonReader::Optional);
    if (in.code)
        checkInto(r, validation::checkCode(k::Code, *in.code));
    if (in.name)
        checkInto(r, validation::checkName(*in.name));
    if (in.pincode)
        checkInto(r, validation::checkPincode(*in.pincode));
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid warehouse"));
    return in;
}

// ---- couriers, hubs and lanes

QJsonObject toJson(const CoverageRule &rule)
{
    QJsonObject o{{k::ServiceLevel, serviceLevelName(rule.level)}};
    if (!rule.pincode.isEmpty()) {
        o.insert(k::Pincode, rule.pincode);
    } else {
        o.insert(k::State, rule.state);
        if (!rule.district.isEmpty())
            o.insert(k::District, rule.district);
    }
    return o;
}

static std::optional<CoverageRule> coverageRuleFrom(JsonReader &r)
{
    r.rejectUnknown({k::State, k::District, k::Pincode, k::ServiceLevel});
    CoverageRule rule;
    rule.state = r.string(k::State, JsonReader::Optional).value_or(QString());
    rule.district = r.string(k::District, JsonReader::Optional).value_or(QString());
    rule.pincode = r.string(k::Pincode, JsonReader::Optional).value_or(QString());
    const auto level = serviceLevelFromName(r.string(k::ServiceLevel).value_or(QString()));
    if (!level)
        r.addError(r.path(k::ServiceLevel), QStringLiteral("must be standard or express"));
    rule.level = level.value_or(ServiceLevel::Standard);
    if (!rule.pincode.isEmpty()) {
        if (!rule.state.isEmpty() || !rule.district.isEmpty())
            r.addError(r.path(k::Pincode),
                       QStringLiteral("a pincode rule names no state or district"));
        for (const FieldError &e : validation::checkPincode(rule.pincode))
            r.addError(r.path(k::Pincode), e.message);
    } else if (rule.state.isEmpty() || rule.state.size() > 64 || rule.district.size() > 64) {
        r.addError(r.path(k::State),
                   QStringLiteral("a rule names a state (1-64 characters) or a pincode"));
    }
    if (!r.ok())
        return std::nullopt;
    return rule;
}

QJsonObject toJson(const Courier &c)
{
    QJsonArray coverage;
    for (const CoverageRule &rule : c.coverage)
        coverage.append(toJson(rule));
    return {{k::Id, c.id},         {k::Code, c.code},
            {k::Name, c.name},     {k::SpeedKmph, c.speedKmph},
            {k::Active, c.active}, {k::Coverage, coverage}};
}

static QList<CoverageRule> coverageFrom(JsonReader &r, const QJsonArray &array)
{
    QList<CoverageRule> rules;
    int index = 0;
    for (const QJsonValue &v : array) {
        const QString prefix = QStringLiteral("%1[%2]").arg(QString(k::Coverage)).arg(index++);
        if (!v.isObject()) {
            r.addError(prefix, QStringLiteral("must be an object"));
            continue;
        }
        JsonReader ruleReader(v.toObject(), prefix);
        if (auto rule = coverageRuleFrom(ruleReader))
            rules << *rule;
        checkInto(r, ruleReader.errors());
    }
    return rules;
}

Result<Courier> courierFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Courier c;
    c.id = r.integer(k::Id).value_or(0);
    c.code = r.string(k::Code).value_or(QString());
    c.name = r.string(k::Name).value_or(QString());
    c.speedKmph = int(r.integer(k::SpeedKmph, JsonReader::Optional).value_or(0));
    c.active = r.boolean(k::Active, JsonReader::Optional).value_or(true);
    if (const auto coverage = r.array(k::Coverage, JsonReader::Optional))
        c.coverage = coverageFrom(r, *coverage);
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed courier"));
    return c;
}

Result<QList<Courier>> couriersFromJson(const QJsonObject &object)
{
    return listFromJson<Courier>(object, courierFromJson);
}

Result<CourierInput> courierInputFromJson(const QJsonObject &object, bool forCreate)
{
    static constexpr int MaxRules = 20'000; // every pincode of a large state, one by one
    const auto need = forCreate ? JsonReader::Required : JsonReader::Optional;
    JsonReader r(object);
    r.rejectUnknown({k::Code, k::Name, k::SpeedKmph, k::Active, k::Coverage});
    CourierInput in;
    in.code = r.string(k::Code, need);
    in.name = r.string(k::Name, need);
    if (const auto speed = r.integer(k::SpeedKmph, need, 1, 1000))
        in.speedKmph = int(*speed);
    in.active = r.boolean(k::Active, JsonReader::Optional);
    if (const auto coverage = r.array(k::Coverage, JsonReader::Optional)) {
        if (coverage->size() > MaxRules)
            r.addError(QString(k::Coverage), QStringLiteral("at most %1 rules").arg(MaxRules));
        else
            in.coverage = coverageFrom(r, *coverage);
    }
    if (in.code)
        checkInto(r, validation::checkCode(k::Code, *in.code));
    if (in.name)
        checkInto(r, validation::checkName(*in.name));
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid courier"));
    return in;
}

QJsonObject toJson(const Hub &h)
{
    return {{k::Id, h.id},
            {k::Code, h.code},
            {k::Name, h.name},
            {k::District, h.district},
            {k::State, h.state},
            {k::Latitude, h.latitude},
            {k::Longitude, h.longitude}};
}

Result<Hub> hubFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Hub h;
    h.id = r.integer(k::Id).value_or(0);
    h.code = r.string(k::Code).value_or(QString());
    h.name = r.string(k::Name).value_or(QString());
    h.district = r.string(k::District, JsonReader::Optional).value_or(QString());
    h.state = r.string(k::State, JsonReader::Optional).value_or(QString());
    h.latitude = object.value(k::Latitude).toDouble();
    h.longitude = object.value(k::Longitude).toDouble();
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed hub"));
    return h;
}

QJsonObject toJson(const Lane &l)
{
    return {{k::Id, l.id},           {k::CourierId, l.courierId},       {k::FromHubId, l.fromHubId},
            {k::ToHubId, l.toHubId}, {k::TransitHours, l.transitHours}, {k::Active, l.active}};
}

Result<Lane> laneFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Lane l;
    l.id = r.integer(k::Id).value_or(0);
    l.courierId = r.integer(k::CourierId).value_or(0);
    l.fromHubId = r.integer(k::FromHubId).value_or(0);
    l.toHubId = r.integer(k::ToHubId).value_or(0);
    l.transitHours = int(r.integer(k::TransitHours).value_or(0));
    l.active = r.boolean(k::Active, JsonReader::Optional).value_or(true);
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed lane"));
    return l;
}

Result<LaneInput> laneInputFromJson(const QJsonObject &object, bool forCreate)
{
    const auto need = forCreate ? JsonReader::Required : JsonReader::Optional;
    JsonReader r(object);
    if (forCreate)
        r.rejectUnknown({k::CourierId, k::FromHubId, k::ToHubId, k::TransitHours, k::Active});
    else
        r.rejectUnknown({k::TransitHours, k::Active}); // a lane's ends are what it is
    LaneInput in;
    in.courierId = r.integer(k::CourierId, need, 1);
    in.fromHubId = r.integer(k::FromHubId, need, 1);
    in.toHubId = r.integer(k::ToHubId, need, 1);
    if (const auto hours = r.integer(k::TransitHours, need, 1, 720))
        in.transitHours = int(*hours);
    in.active = r.boolean(k::Active, JsonReader::Optional);
    if (in.fromHubId && in.toHubId && *in.fromHubId == *in.toHubId)
        r.addError(QString(k::ToHubId), QStringLiteral("a lane joins two different hubs"));
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid lane"));
    return in;
}

// ---- stock and receipts

QJsonObject toJson(const StockLine &s)
{
    return {{k::Id, s.id},
            {k::WarehouseId, s.warehouseId},
            {k::ItemId, s.itemId},
            {k::Sku, s.sku},
            {k::Title, s.title},
            {k::Bin, s.bin},
            {k::OnHand, s.onHand},
            {k::Reserved, s.reserved},
            {k::Available, s.available()},
            {k::ReorderLevel, s.reorderLevel},
            {k::Low, s.low()}};
}

Result<StockLine> stockLineFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    StockLine s;
    s.id = r.integer(k::Id).value_or(0);
    s.warehouseId = r.integer(k::WarehouseId).value_or(0);
    s.itemId = r.integer(k::ItemId).value_or(0);
    s.sku = r.string(k::Sku).value_or(QString());
    s.title = r.string(k::Title, JsonReader::Optional).value_or(QString());
    s.bin = r.string(k::Bin).value_or(QString());
    s.onHand = int(r.integer(k::OnHand).value_or(0));
    s.reserved = int(r.integer(k::Reserved).value_or(0));
    s.reorderLevel = int(r.integer(k::ReorderLevel).value_or(0));
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed stock line"));
    return s;
}

Result<Page<StockLine>> stockPageFromJson(const QJsonObject &object)
{
    return pageFromJson<StockLine>(object, stockLineFromJson);
}

Result<QList<ReceiptLine>> receiptLinesFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    r.rejectUnknown({k::Lines});
    QList<ReceiptLine> lines;
    const auto array = r.array(k::Lines);
    if (array && (array->isEmpty() || array->size() > Receipt::MaxLines))
        r.addError(QString(k::Lines),
                   QStringLiteral("must hold 1 to %1 lines").arg(Receipt::MaxLines));
    else if (array) {
        int index = 0;
        for (const QJsonValue &v : *array) {
            const QString prefix = QStringLiteral("lines[%1]").arg(index++);
            if (!v.isObject()) {
                r.addError(prefix, QStringLiteral("must be an object"));
                continue;
            }
            JsonReader lr(v.toObject(), prefix);
            lr.rejectUnknown({k::Sku, k::ItemId, k::Quantity, k::Bin});
            ReceiptLine line;
            line.sku = lr.string(k::Sku, JsonReader::Optional).value_or(QString());
            line.itemId = lr.integer(k::ItemId, JsonReader::Optional, 1).value_or(0);
            line.quantity = int(
                lr.integer(k::Quantity, JsonReader::Required, 1, Receipt::MaxQuantity).value_or(0));
            line.bin = lr.string(k::Bin).value_or(QString());
            if (lr.has(k::Sku) == lr.has(k::ItemId))
                lr.addError(lr.path(k::Sku),
                            QStringLiteral("name the item by sku or by item_id (one of the two)"));
            else if (lr.has(k::Sku) && !line.sku.isEmpty())
                for (const FieldError &e : validation::checkSku(line.sku))
                    lr.addError(lr.path(k::Sku), e.message);
            if (lr.has(k::Bin))
                for (const FieldError &e : validation::checkCode(k::Bin, line.bin))
                    lr.addError(lr.path(k::Bin), e.message);
            checkInto(r, lr.errors());
            lines << line;
        }
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid receipt"));
    return lines;
}

static QJsonObject receiptLineJson(const ReceiptLine &line, bool withResult)
{
    QJsonObject o{{k::Quantity, line.quantity}, {k::Bin, line.bin}};
    if (!line.sku.isEmpty())
        o.insert(k::Sku, line.sku);
    if (line.itemId)
        o.insert(k::ItemId, line.itemId);
    if (withResult)
        o.insert(k::OnHand, line.onHandAfter);
    return o;
}

QJsonObject toJson(const QList<ReceiptLine> &lines)
{
    QJsonArray array;
    for (const ReceiptLine &line : lines)
        array.append(receiptLineJson(line, false));
    return {{k::Lines, array}};
}

QJsonObject toJson(const Receipt &receipt)
{
    QJsonArray lines;
    for (const ReceiptLine &line : receipt.lines)
        lines.append(receiptLineJson(line, true));
    return {{k::Id, receipt.id},
            {k::WarehouseId, receipt.warehouseId},
            {k::OperatorId, receipt.operatorId},
            {k::Lines, lines},
            {k::CreatedAt, toIsoUtc(receipt.createdAt)}};
}

Result<Receipt> receiptFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Receipt receipt;
    receipt.id = r.integer(k::Id).value_or(0);
    receipt.warehouseId = r.integer(k::WarehouseId).value_or(0);
    receipt.operatorId = r.integer(k::OperatorId, JsonReader::Optional).value_or(0);
    receipt.createdAt
        = fromIsoUtc(r.string(k::CreatedAt, JsonReader::Optional).value_or(QString()));
    for (const QJsonValue &v : r.array(k::Lines).value_or(QJsonArray())) {
        const QJsonObject o = v.toObject();
        ReceiptLine line;
        line.sku = o.value(k::Sku).toString();
        line.itemId = o.value(k::ItemId).toInteger();
        line.quantity = int(o.value(k::Quantity).toInteger());
        line.bin = o.value(k::Bin).toString();
        line.onHandAfter = int(o.value(k::OnHand).toInteger());
        receipt.lines << line;
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed receipt"));
    return receipt;
}

// ---- shipments

QJsonObject toJson(const Shipment &s)
{
    return jsonObject(jsonBytes(s));
}

void writeJson(JsonWriter &w, const Shipment &s)
{
    w.beginObject().field(k::Id, s.id);
    idOrNullField(w, k::OrderId, s.orderId)
        .field(k::WarehouseId, s.warehouseId)
        .field(k::CourierId, s.courierId)
        .field(k::Pincode, s.pincode)
        .field(k::Status, shipmentStatusName(s.status))
        .field(k::PromiseDate, isoDate(s.promiseDate));
    w.key(k::Lines).beginArray();
    for (const ShipmentLine &line : s.lines) {
        w.beginObject()
            .field(k::ItemId, line.itemId)
            .field(k::Sku, line.sku)
            .field(k::Title, line.title)
            .field(k::Quantity, line.quantity)
            .endObject();
    }
    w.endArray()
        .field(k::CreatedAt, toIsoUtc(s.createdAt))
        .field(k::UpdatedAt, toIsoUtc(s.updatedAt))
        .endObject();
}

Result<Shipment> shipmentFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Shipment s;
    s.id = r.integer(k::Id).value_or(0);
    s.orderId = object.value(k::OrderId).toInteger();
    s.warehouseId = r.integer(k::WarehouseId).value_or(0);
    s.courierId = r.integer(k::CourierId).value_or(0);
    s.pincode = r.string(k::Pincode).value_or(QString());
    const auto status = shipmentStatusFromName(r.string(k::Status).value_or(QString()));
    if (!status)
        r.addError(QString(k::Status), QStringLiteral("unknown shipment status"));
    s.status = status.value_or(ShipmentStatus::Placed);
    s.promiseDate = dateFrom(r, k::PromiseDate);
    s.createdAt = fromIsoUtc(r.string(k::CreatedAt, JsonReader::Optional).value_or(QString()));
    s.updatedAt = fromIsoUtc(r.string(k::UpdatedAt, JsonReader::Optional).value_or(QString()));
    for (const QJsonValue &v : r.array(k::Lines, JsonReader::Optional).value_or(QJsonArray())) {
        const QJsonObject o = v.toObject();
        s.lines << ShipmentLine{o.value(k::ItemId).toInteger(), o.value(k::Sku).toString(),
                                o.value(k::Title).toString(),
                                int(o.value(k::Quantity).toInteger())};
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed shipment"));
    return s;
}

Result<Page<Shipment>> shipmentPageFromJson(const QJsonObject &object)
{
    return pageFromJson<Shipment>(object, shipmentFromJson);
}

Result<ShipmentStatus> shipmentStatusChangeFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    r.rejectUnknown({k::Status});
    ShipmentStatus status = ShipmentStatus::Placed;
    if (const auto name = r.string(k::Status)) {
        const auto parsed = shipmentStatusFromName(*name);
        if (!parsed || *parsed == ShipmentStatus::Placed || *parsed == ShipmentStatus::Cancelled)
            r.addError(QString(k::Status),
                       QStringLiteral("must be picked, packed, shipped or delivered"));
        else
            status = *parsed;
    }
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Invalid status change"));
    return status;
}

// ---- dashboard and serviceability

QJsonObject toJson(const WarehouseSummary &s)
{
    return {{k::WarehouseId, s.warehouseId},
            {k::OpenShipments, s.openShipments},
            {k::LowStockItems, s.lowStockItems},
            {k::ReceiptsToday, s.receiptsToday},
            {k::UnitsReceivedToday, s.unitsReceivedToday},
            {k::StockLines, s.stockLines},
            {k::UnitsOnHand, s.unitsOnHand}};
}

Result<WarehouseSummary> warehouseSummaryFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    WarehouseSummary s;
    s.warehouseId = r.integer(k::WarehouseId).value_or(0);
    s.openShipments = int(r.integer(k::OpenShipments).value_or(0));
    s.lowStockItems = int(r.integer(k::LowStockItems).value_or(0));
    s.receiptsToday = int(r.integer(k::ReceiptsToday).value_or(0));
    s.unitsReceivedToday = r.integer(k::UnitsReceivedToday, JsonReader::Optional).value_or(0);
    s.stockLines = r.integer(k::StockLines, JsonReader::Optional).value_or(0);
    s.unitsOnHand = r.integer(k::UnitsOnHand, JsonReader::Optional).value_or(0);
    if (!r.ok())
        return DomainError::validation(r.errors(), QStringLiteral("Malformed warehouse summary"));
    return s;
}

static void writePromise(JsonWriter &w, bool deliverable, const DeliveryPromise &p)
{
    if (!deliverable) {
        w.nullField(k::TatHours).nullField(k::EtaDays).nullField(k::PromiseDate);
        return;
    }
    w.field(k::TatHours, p.tatHours)
        .field(k::EtaDays, p.etaDays)
        .field(k::PromiseDate, isoDate(p.promiseDate));
}

static DeliveryPromise promiseFrom(const QJsonObject &o)
{
    return {int(o.value(k::TatHours).toInteger()), int(o.value(k::EtaDays).toInteger()),
            QDate::fromString(o.value(k::PromiseDate).toString(), Qt::ISODate)};
}

QByteArray serviceabilityJson(const Serviceability &a)
{
    JsonWriter w(1536); // about 1 KB with three warehouses' options and routes
    w.beginObject()
        .field(k::ItemId, a.itemId)
        .field(k::Pincode, a.pincode)
        .field(k::Deliverable, a.deliverable);
    if (a.deliverable)
        w.nullField(k::Reason);
    else
        w.field(k::Reason, a.reason);
    idOrNullField(w, k::WarehouseId, a.warehouseId);
    idOrNullField(w, k::CourierId, a.courierId);
    writePromise(w, a.deliverable, a.promise);
    w.key(k::Options).beginArray();
    for (const DeliveryOption &opt : a.options) {
        w.beginObject()
            .field(k::WarehouseId, opt.warehouseId)
            .field(k::WarehouseName, opt.warehouseName)
            .field(k::Available, qint64(opt.available))
            .field(k::Deliverable, opt.deliverable);
        idOrNullField(w, k::CourierId, opt.courierId);
        w.field(k::CourierName, opt.courierName);
        writePromise(w, opt.deliverable, opt.promise);
        w.key(k::Route).beginArray();
        for (const RouteStop &stop : opt.route)
            w.beginObject().field(k::HubId, stop.hubId).field(k::Name, stop.name).endObject();
        w.endArray().endObject();
    }
    w.endArray().endObject();
    return w.bytes();
}

Result<Serviceability> serviceabilityFromJson(const QJsonObject &object)
{
    JsonReader r(object);
    Serviceability a;
    a.itemId = r.integer(k::ItemId).value_or(0);
    a.pincode = r.string(k::Pincode).value_or(QString());
    a.deliverable = r.boolean(k::Deliverable).value_or(false);
    a.reason = object.value(k::Reason).toString();
    a.warehouseId = object.value(k::WarehouseId).toInteger();
    a.courierId = object.value(k::CourierId).toInteger();
    a.promise = promiseFrom(object);
    for (const QJsonValue &v : r.array(k::Options, JsonReader::Optional).value_or(QJsonArray())) {
        const QJsonObject o = v.toObject();
        DeliveryOption opt;
        opt.warehouseId = o.value(k::WarehouseId).toInteger();
        opt.warehouseName = o.value(k::WarehouseName).toString();
        opt.available = int(o.value(k::Available).toInteger());
        opt.deliverable = o.value(k::Deliverable).toBool();
        opt.courierId = o.value(k::CourierId).toInteger();
        opt.courierName = o.value(k::CourierName).toString();
        opt.promise = promiseFrom(o);
        for (const QJsonValue &s : o.value(k::Route).toArray())
            opt.route << RouteStop{s.toObject().value(k::HubId).toInteger(),
                                   s.toObject().value(k::Name).toString()};
        a.options << opt;
    }
    if (!r.ok())
        return DomainError::validation(r.errors(),
                                       QStringLiteral("Malformed serviceability answer"));
    return a;
}

} // namespace pincart

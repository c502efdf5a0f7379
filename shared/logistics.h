#pragma once

#include <optional>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

// Warehouses, stock, shipments and the delivery network: the types server and client share.
namespace pincart {

// India keeps one time zone without daylight saving: cut-offs and promise dates are India time.
inline constexpr int IndiaUtcOffsetSeconds = 5 * 3600 + 30 * 60;
QDateTime toIndiaTime(const QDateTime &time);

// "14:30" <-> minutes after midnight.
QString minutesToClock(int minutes);
std::optional<int> clockToMinutes(QStringView text);

struct Warehouse
{
    qint64 id = 0;
    QString code;
    QString name;
    QString pincode;
    QString district; // from the directory, for display
    QString state;
    int cutoffMinutes = 0; // orders placed before this time (India) are handled the same day
    int handlingHours = 0; // pick and pack after the cut-off, before the courier takes over
    bool active = true;
};

// A create (every field but `active`) or a partial change of a warehouse.
struct WarehouseInput
{
    std::optional<QString> code;
    std::optional<QString> name;
    std::optional<QString> pincode;
    std::optional<int> cutoffMinutes;
    std::optional<int> handlingHours;
    std::optional<bool> active;
};

enum class ServiceLevel { Standard, Express };
QString serviceLevelName(ServiceLevel level);
std::optional<ServiceLevel> serviceLevelFromName(QStringView name);

// Where a courier delivers: a whole state, one district of a state, or one pincode.
struct CoverageRule
{
    QString state;
    QString district; // empty: the whole state
    QString pincode;  // set: this pincode only (state and district then empty)
    ServiceLevel level = ServiceLevel::Standard;
    bool operator==(const CoverageRule &) const = default;
};

struct Courier
{
    qint64 id = 0;
    QString code;
    QString name;
    int speedKmph = 0;
    bool active = true;
    QList<CoverageRule> coverage;
};

struct CourierInput
{
    std::optional<QString> code;
    std::optional<QString> name;
    std::optional<int> speedKmph;
    std::optional<bool> active;
    std::optional<QList<CoverageRule>> coverage; // replaces the whole list
};

// A courier sorting centre.
struct Hub
{
    qint64 id = 0;
    QString code;
    QString name;
    QString district;
    QString state;
    double latitude = 0;
    double longitude = 0;
};

// A courier's hub-to-hub connection, one direction.
struct Lane
{
    qint64 id = 0;
    qint64 courierId = 0;
    qint64 fromHubId = 0;
    qint64 toHubId = 0;
    int transitHours = 0;
    bool active = true;
};

struct LaneInput
{
    std::optional<qint64> courierId;
    std::optional<qint64> fromHubId;
    std::optional<qint64> toHubId;
    std::optional<int> transitHours;
    std::optional<bool> active;
};

// One stock row: an item in one bin of one warehouse.
struct StockLine
{
    qint64 id = 0;
    qint64 warehouseId = 0;
    qint64 itemId = 0;
    QString sku;
    QString title;
    QString bin;
    int onHand = 0;
    int reserved = 0;
    int reorderLevel = 0;

    int available() const { return onHand - reserved; }
    bool low() const { return available() <= reorderLevel; }
};

struct ReceiptLine
{
    QString sku;       // the item by SKU ...
    qint64 itemId = 0; // ... or by id (a SKU is unique per supplier only)
    int quantity = 0;
    QString bin;
    int onHandAfter = 0; // in answers: the bin's stock after the receipt
};

// Inbound stock: what arrived at a warehouse, in one go.
struct Receipt
{
    static constexpr int MaxLines = 500;
    static constexpr int MaxQuantity = 100'000;

    qint64 id = 0;
    qint64 warehouseId = 0;
    qint64 operatorId = 0;
    QList<ReceiptLine> lines;
    QDateTime createdAt;
};

// A shipment moves forward one step at a time: placed -> picked -> packed -> shipped -> delivered;
// picking may be skipped (placed -> packed: API.md's contract names packed, shipped and delivered).
// Cancelled is reached from an order, before it shipped.
enum class ShipmentStatus { Placed, Picked, Packed, Shipped, Delivered, Cancelled };
QString shipmentStatusName(ShipmentStatus status);
std::optional<ShipmentStatus> shipmentStatusFromName(QStringView name);
std::optional<ShipmentStatus> nextShipmentStatus(ShipmentStatus status);
bool canAdvanceShipment(ShipmentStatus from, ShipmentStatus to);
bool isOpenShipment(ShipmentStatus status); // still the warehouse's work

struct ShipmentLine
{
    qint64 itemId = 0;
    QString sku;
    QString title;
    int quantity = 0;
};

struct Shipment
{
    qint64 id = 0;
    qint64 orderId = 0; // 0: none
    qint64 warehouseId = 0;
    qint64 courierId = 0;
    QString pincode;
    ShipmentStatus status = ShipmentStatus::Placed;
    QDate promiseDate;
    QList<ShipmentLine> lines;
    QDateTime createdAt;
    QDateTime updatedAt;
};

// The counters at the top of the warehouse dashboard.
struct WarehouseSummary
{
    qint64 warehouseId = 0;
    int openShipments = 0;
    int lowStockItems = 0;
    int receiptsToday = 0;
    qint64 unitsReceivedToday = 0;
    qint64 stockLines = 0;
    qint64 unitsOnHand = 0;
};

// A delivery promise: the courier has it `tatHours` after dispatch, the customer on `promiseDate`.
struct DeliveryPromise
{
    int tatHours = 0;
    int etaDays = 0;   // calendar days from today (India) to the promise date
    QDate promiseDate; // India date
};

struct RouteStop
{
    qint64 hubId = 0;
    QString name;
};

// One warehouse's answer for an item and a pincode.
struct DeliveryOption
{
    qint64 warehouseId = 0;
    QString warehouseName;
    int available = 0;
    bool deliverable = false;
    qint64 courierId = 0;
    QString courierName;
    DeliveryPromise promise;
    QList<RouteStop> route; // hubs from the warehouse's to the pincode's
};

// GET /serviceability: the best option (soonest promise), and every warehouse that holds stock.
struct Serviceability
{
    qint64 itemId = 0;
    QString pincode;
    bool deliverable = false;
    QString reason; // when not deliverable: "out_of_stock" or "unreachable"
    qint64 warehouseId = 0;
    qint64 courierId = 0;
    DeliveryPromise promise;
    QList<DeliveryOption> options;
};

} // namespace pincart

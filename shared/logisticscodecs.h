#pragma once

#include "codecs.h"
#include "logistics.h"

// JSON codecs of warehouses, stock, shipments and the delivery network. Like codecs.h: encoders
// never fail; input decoders are strict, reject unknown fields and name every bad one.
namespace pincart {

QJsonObject toJson(const Warehouse &warehouse);
Result<Warehouse> warehouseFromJson(const QJsonObject &object);
Result<QList<Warehouse>> warehousesFromJson(const QJsonObject &object); // {items: [...]}
Result<WarehouseInput> warehouseInputFromJson(const QJsonObject &object, bool forCreate);

QJsonObject toJson(const CoverageRule &rule);
QJsonObject toJson(const Courier &courier);
Result<Courier> courierFromJson(const QJsonObject &object);
Result<QList<Courier>> couriersFromJson(const QJsonObject &object); // {items: [...]}
Result<CourierInput> courierInputFromJson(const QJsonObject &object, bool forCreate);

QJsonObject toJson(const Hub &hub);
Result<Hub> hubFromJson(const QJsonObject &object);
QJsonObject toJson(const Lane &lane);
Result<Lane> laneFromJson(const QJsonObject &object);
Result<LaneInput> laneInputFromJson(const QJsonObject &object, bool forCreate);

QJsonObject toJson(const StockLine &line);
Result<StockLine> stockLineFromJson(const QJsonObject &object);
Result<Page<StockLine>> stockPageFromJson(const QJsonObject &object);

// `{lines: [{sku | item_id, quantity, bin}]}`, 1 to Receipt::MaxLines lines.
Result<QList<ReceiptLine>> receiptLinesFromJson(const QJsonObject &object);
QJsonObject toJson(const QList<ReceiptLine> &lines); // the request body
QJsonObject toJson(const Receipt &receipt);
Result<Receipt> receiptFromJson(const QJsonObject &object);

QJsonObject toJson(const Shipment &shipment);
void writeJson(JsonWriter &w, const Shipment &shipment);
Result<Shipment> shipmentFromJson(const QJsonObject &object);
Result<Page<Shipment>> shipmentPageFromJson(const QJsonObject &object);
// `{status: "picked" | "packed" | "shipped" | "delivered"}`
Result<ShipmentStatus> shipmentStatusChangeFromJson(const QJsonObject &object);

QJsonObject toJson(const WarehouseSummary &summary);
Result<WarehouseSummary> warehouseSummaryFromJson(const QJsonObject &object);

// Written straight to bytes: the hottest answer of the delivery network.
QByteArray serviceabilityJson(const Serviceability &answer);
Result<Serviceability> serviceabilityFromJson(const QJsonObject &object);

} // namespace pincart

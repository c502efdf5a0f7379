#pragma once

#include <QLatin1StringView>

// Every JSON key of the wire format, in one place, used by server and client alike so the two
// cannot drift (as qBittorrent's serialize headers). API.md lists the contract.
namespace pincart::keys {

using K = QLatin1StringView;

// common
inline constexpr K Id{"id"};
inline constexpr K Items{"items"};
inline constexpr K Next{"next"};
inline constexpr K Status{"status"};
inline constexpr K CreatedAt{"created_at"};
inline constexpr K UpdatedAt{"updated_at"};
inline constexpr K Name{"name"};

// money
inline constexpr K Amount{"amount"};
inline constexpr K Currency{"currency"};

// users and auth
inline constexpr K Email{"email"};
inline constexpr K Password{"password"};
inline constexpr K Roles{"roles"};
inline constexpr K Pincode{"pincode"};
inline constexpr K WarehouseIds{"warehouse_ids"};
inline constexpr K Disabled{"disabled"};
inline constexpr K Token{"token"};
inline constexpr K ExpiresAt{"expires_at"};
inline constexpr K User{"user"};

// catalogue
inline constexpr K ParentId{"parent_id"};
inline constexpr K Slug{"slug"};
inline constexpr K Attributes{"attributes"};
inline constexpr K Label{"label"};
inline constexpr K Type{"type"};
inline constexpr K Values{"values"};
inline constexpr K Unit{"unit"};
inline constexpr K Min{"min"};
inline constexpr K Max{"max"};
inline constexpr K Integer{"integer"};
inline constexpr K MaxLength{"max_length"};
inline constexpr K Required{"required"};
inline constexpr K Facet{"facet"};
inline constexpr K Sku{"sku"};
inline constexpr K Title{"title"};
inline constexpr K Description{"description"};
inline constexpr K Brand{"brand"};
inline constexpr K CategoryId{"category_id"};
inline constexpr K Price{"price"};
inline constexpr K SupplierId{"supplier_id"};
inline constexpr K Version{"version"};

// supplier submissions
inline constexpr K Format{"format"};
inline constexpr K RowsTotal{"rows_total"};
inline constexpr K RowsAccepted{"rows_accepted"};
inline constexpr K RowsProcessed{"rows_processed"};
inline constexpr K Errors{"errors"};
inline constexpr K ErrorsTruncated{"errors_truncated"};
inline constexpr K Row{"row"};

// problem+json (RFC 9457)
inline constexpr K ProblemType{"type"};
inline constexpr K ProblemTitle{"title"};
inline constexpr K ProblemStatus{"status"};
inline constexpr K ProblemDetail{"detail"};
inline constexpr K ProblemErrors{"errors"};
inline constexpr K Field{"field"};
inline constexpr K Message{"message"};

// warehouses and the delivery network
inline constexpr K Code{"code"};
inline constexpr K Active{"active"};
inline constexpr K Cutoff{"cutoff"};
inline constexpr K HandlingHours{"handling_hours"};
inline constexpr K District{"district"};
inline constexpr K State{"state"};
inline constexpr K Latitude{"latitude"};
inline constexpr K Longitude{"longitude"};
inline constexpr K SpeedKmph{"speed_kmph"};
inline constexpr K Coverage{"coverage"};
inline constexpr K ServiceLevel{"service_level"};
inline constexpr K CourierId{"courier_id"};
inline constexpr K CourierName{"courier_name"};
inline constexpr K FromHubId{"from_hub_id"};
inline constexpr K ToHubId{"to_hub_id"};
inline constexpr K TransitHours{"transit_hours"};
inline constexpr K WarehouseId{"warehouse_id"};
inline constexpr K WarehouseName{"warehouse_name"};
inline constexpr K ItemId{"item_id"};
inline constexpr K Bin{"bin"};
inline constexpr K OnHand{"on_hand"};
inline constexpr K Reserved{"reserved"};
inline constexpr K Available{"available"};
inline constexpr K ReorderLevel{"reorder_level"};
inline constexpr K Low{"low"};
inline constexpr K Quantity{"quantity"};
inline constexpr K Lines{"lines"};
inline constexpr K OperatorId{"operator_id"};
inline constexpr K Units{"units"};
inline constexpr K OrderId{"order_id"};
inline constexpr K PromiseDate{"promise_date"};
inline constexpr K EtaDays{"eta_days"};
inline constexpr K TatHours{"tat_hours"};
inline constexpr K Deliverable{"deliverable"};
inline constexpr K Reason{"reason"};
inline constexpr K Options{"options"};
inline constexpr K Route{"route"};
inline constexpr K HubId{"hub_id"};
inline constexpr K OpenShipments{"open_shipments"};
inline constexpr K LowStockItems{"low_stock_items"};
inline constexpr K ReceiptsToday{"receipts_today"};
inline constexpr K UnitsReceivedToday{"units_received_today"};
inline constexpr K StockLines{"stock_lines"};
inline constexpr K UnitsOnHand{"units_on_hand"};

// carts, wishlists and orders
inline constexpr K Total{"total"};
inline constexpr K UnitPrice{"unit_price"};
inline constexpr K AddedPrice{"added_price"};
inline constexpr K PriceChanged{"price_changed"};
inline constexpr K LineTotal{"line_total"};
inline constexpr K Delivery{"delivery"};
inline constexpr K Address{"address"};
inline constexpr K Payment{"payment"};
inline constexpr K PaymentStatus{"payment_status"};
inline constexpr K Shipments{"shipments"};
inline constexpr K UserId{"user_id"};
inline constexpr K CardNumber{"card_number"};
inline constexpr K Facets{"facets"};
inline constexpr K FacetLabels{"facet_labels"};
inline constexpr K Count{"count"};
inline constexpr K Value{"value"};
inline constexpr K Suggestion{"suggestion"};
inline constexpr K Completions{"completions"};

} // namespace pincart::keys

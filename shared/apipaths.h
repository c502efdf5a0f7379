#pragma once

#include <QString>

// The REST routes' paths, named once for server routing, the client and the tests.
namespace pincart::paths {

inline constexpr char ApiPrefix[] = "/api/v1";

inline QString api(QStringView rest)
{
    return QLatin1String(ApiPrefix) + rest;
}
inline QString register_()
{
    return api(u"/auth/register");
}
inline QString login()
{
    return api(u"/auth/login");
}
inline QString me()
{
    return api(u"/me");
}
inline QString adminUsers()
{
    return api(u"/admin/users");
}
inline QString adminUser(qint64 id)
{
    return api(u"/admin/users/") + QString::number(id);
}
inline QString categories()
{
    return api(u"/categories");
}
inline QString items()
{
    return api(u"/items");
}
inline QString item(qint64 id)
{
    return api(u"/items/") + QString::number(id);
}
inline QString submissions()
{
    return api(u"/supplier/submissions");
}
inline QString submission(qint64 id)
{
    return api(u"/supplier/submissions/") + QString::number(id);
}
inline QString search()
{
    return api(u"/search");
}
inline QString searchSuggest()
{
    return api(u"/search/suggest");
}
inline QString serviceability()
{
    return api(u"/serviceability");
}
inline QString warehouses()
{
    return api(u"/warehouses");
}
inline QString warehouse(qint64 id)
{
    return api(u"/warehouses/") + QString::number(id);
}
inline QString warehouseStock(qint64 id)
{
    return warehouse(id) + QStringLiteral("/stock");
}
inline QString warehouseReceipts(qint64 id)
{
    return warehouse(id) + QStringLiteral("/receipts");
}
inline QString warehouseFulfilment(qint64 id)
{
    return warehouse(id) + QStringLiteral("/fulfilment");
}
inline QString warehouseSummary(qint64 id)
{
    return warehouse(id) + QStringLiteral("/summary");
}
inline QString shipmentStatus(qint64 id)
{
    return api(u"/shipments/") + QString::number(id) + QStringLiteral("/status");
}
inline QString couriers()
{
    return api(u"/couriers");
}
inline QString courier(qint64 id)
{
    return api(u"/couriers/") + QString::number(id);
}
inline QString hubs()
{
    return api(u"/hubs");
}
inline QString lanes()
{
    return api(u"/lanes");
}
inline QString lane(qint64 id)
{
    return api(u"/lanes/") + QString::number(id);
}
inline QString cart() { return api(u"/cart"); }
inline QString cartItem(qint64 itemId) { return api(u"/cart/items/") + QString::number(itemId); }
inline QString cartMerge() { return api(u"/cart/merge"); }
inline QString wishlist() { return api(u"/wishlist"); }
inline QString wishlistItem(qint64 itemId) { return api(u"/wishlist/items/") + QString::number(itemId); }
inline QString wishlistMoveToCart(qint64 itemId) { return wishlistItem(itemId) + QStringLiteral("/move-to-cart"); }
inline QString orders() { return api(u"/orders"); }
inline QString order(qint64 id) { return api(u"/orders/") + QString::number(id); }
inline QString orderCancel(qint64 id) { return order(id) + QStringLiteral("/cancel"); }
inline QString orderPayment(qint64 id) { return order(id) + QStringLiteral("/payment"); }
inline QString openApi()
{
    return api(u"/openapi.json");
}
inline QString healthz()
{
    return QStringLiteral("/healthz");
}
inline QString readyz()
{
    return QStringLiteral("/readyz");
}
inline QString metrics()
{
    return QStringLiteral("/metrics");
}

} // namespace pincart::paths

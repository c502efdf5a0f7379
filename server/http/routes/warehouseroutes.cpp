#include "apipaths.h"
#include "logisticscodecs.h"
#include "logisticsservice.h"
#include "routes.h"
#include "warehouseservice.h"

namespace pincart::server {

namespace {

// `low=true|false|1|0`, absent meaning false.
Result<bool> flag(const Request &req, const QString &name)
{
    const QString value = req.query(name);
    if (value.isEmpty() || value == QLatin1String("false") || value == QLatin1String("0"))
        return false;
    if (value == QLatin1String("true") || value == QLatin1String("1"))
        return true;
    return DomainError::validation(name, QStringLiteral("must be true or false"));
}

} // namespace

void addWarehouseRoutes(Router &router, RouteContext &ctx)
{
    WarehouseService &warehouses = ctx.warehouses;
    LogisticsService &logistics = ctx.logistics;

    router.add("GET", paths::warehouses(), [&warehouses](Request &req) {
        const auto who = req.require(Roles(Role::Operator) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        return listOrProblem(warehouses.warehouses(*who));
    });

    router.add("POST", paths::warehouses(), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto input = decodedBody(
            req, [](const QJsonObject &b) { return warehouseInputFromJson(b, true); });
        if (!input)
            return HttpResponse::problem(input.error());
        return jsonOrProblem(logistics.createWarehouse(*who, *input), 201);
    });

    router.add("PATCH", paths::api(u"/warehouses/{id}"), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto input = decodedBody(
            req, [](const QJsonObject &b) { return warehouseInputFromJson(b, false); });
        if (!input)
            return HttpResponse::problem(input.error());
        return jsonOrProblem(logistics.updateWarehouse(*who, req.param(), *input));
    });

    router.add("GET", paths::api(u"/warehouses/{id}/summary"), [&warehouses](Request &req) {
        const auto who = req.require(Roles(Role::Operator) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        return jsonOrProblem(warehouses.summary(*who, req.param()));
    });

    router.add("GET", paths::api(u"/warehouses/{id}/stock"), [&warehouses](Request &req) {
        const auto who = req.require(Roles(Role::Operator) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto page = pageParams(req);
        if (!page)
            return HttpResponse::problem(page.error());
        const auto low = flag(req, QStringLiteral("low"));
        if (!low)
            return HttpResponse::problem(low.error());
        StockListQuery q;
        q.after = page->after;
        q.limit = page->limit;
        q.lowOnly = *low;
        q.search = req.query(QStringLiteral("q"));
        return pageOrProblem(warehouses.stock(*who, req.param(), q));
    });

    router.add("POST", paths::api(u"/warehouses/{id}/receipts"), [&warehouses](Request &req) {
        const auto who = req.require(Roles(Role::Operator) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto lines = decodedBody(req, receiptLinesFromJson);
        if (!lines)
            return HttpResponse::problem(lines.error());
        return jsonOrProblem(warehouses.receive(*who, req.param(), *lines), 201);
    });

    router.add("GET", paths::api(u"/warehouses/{id}/fulfilment"), [&warehouses](Request &req) {
        const auto who = req.require(Roles(Role::Operator) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto page = pageParams(req);
        if (!page)
            return HttpResponse::problem(page.error());
        return pageOrProblem(warehouses.fulfilment(*who, req.param(), page->after, page->limit));
    });

    router.add("POST", paths::api(u"/shipments/{id}/status"), [&warehouses](Request &req) {
        const auto who = req.require(Roles(Role::Operator) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto status = decodedBody(req, shipmentStatusChangeFromJson);
        if (!status)
            return HttpResponse::problem(status.error());
        return jsonOrProblem(warehouses.advanceShipment(*who, req.param(), *status));
    });
}

} // namespace pincart::server

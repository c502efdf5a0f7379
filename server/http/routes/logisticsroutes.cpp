#include "apipaths.h"
#include "logisticscodecs.h"
#include "logisticsservice.h"
#include "routes.h"

namespace pincart::server {

void addLogisticsRoutes(Router &router, RouteContext &ctx)
{
    LogisticsService &logistics = ctx.logistics;

    // Hot: product pages and the cart ask it for every item shown. Answered from the TAT tables
    // and the stock cache, so inline (a miss goes to the pool).
    router.addInline("GET", paths::serviceability(), [&logistics](Request &req) {
        const auto who = req.principal();
        if (!who)
            return HttpResponse::problem(who.error());
        const auto item = req.queryInteger(QStringLiteral("item"), 1, qint64(1) << 53);
        if (!item)
            return HttpResponse::problem(item.error());
        if (!*item || !req.hasQuery(QStringLiteral("pincode"))) {
            QList<FieldError> missing;
            if (!*item)
                missing.append({QStringLiteral("item"), QStringLiteral("is required")});
            if (!req.hasQuery(QStringLiteral("pincode")))
                missing.append({QStringLiteral("pincode"), QStringLiteral("is required")});
            return HttpResponse::problem(DomainError::validation(missing));
        }
        const QString pincode = req.query(QStringLiteral("pincode"));
        std::optional<Result<Serviceability>> answer;
        if (req.mustNotWait()) {
            answer = logistics.serviceabilityFromMemory(*who, **item, pincode);
            if (!answer)
                return HttpResponse::handOff();
        } else {
            answer = logistics.serviceability(*who, **item, pincode);
        }
        if (!*answer)
            return HttpResponse::problem(answer->error());
        return HttpResponse::rawJson(serviceabilityJson(**answer));
    });

    router.add("GET", paths::couriers(), [&logistics](Request &req) {
        const auto who = req.require(Roles(Role::Operator) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        return listOrProblem(logistics.couriers(*who));
    });

    router.add("POST", paths::couriers(), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto input
            = decodedBody(req, [](const QJsonObject &b) { return courierInputFromJson(b, true); });
        if (!input)
            return HttpResponse::problem(input.error());
        return jsonOrProblem(logistics.createCourier(*who, *input), 201);
    });

    router.add("PATCH", paths::api(u"/couriers/{id}"), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto input
            = decodedBody(req, [](const QJsonObject &b) { return courierInputFromJson(b, false); });
        if (!input)
            return HttpResponse::problem(input.error());
        return jsonOrProblem(logistics.updateCourier(*who, req.param(), *input));
    });

    router.add("GET", paths::hubs(), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto page = pageParams(req, LogisticsService::MaxPageSize);
        if (!page)
            return HttpResponse::problem(page.error());
        return pageOrProblem(logistics.hubs(*who, page->after, page->limit));
    });

    router.add("GET", paths::lanes(), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto page = pageParams(req, LogisticsService::MaxPageSize);
        if (!page)
            return HttpResponse::problem(page.error());
        const auto courier = req.queryInteger(QStringLiteral("courier"), 1, qint64(1) << 53);
        if (!courier)
            return HttpResponse::problem(courier.error());
        return pageOrProblem(logistics.lanes(*who, courier->value_or(0), page->after, page->limit));
    });

    router.add("POST", paths::lanes(), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto input
            = decodedBody(req, [](const QJsonObject &b) { return laneInputFromJson(b, true); });
        if (!input)
            return HttpResponse::problem(input.error());
        return jsonOrProblem(logistics.createLane(*who, *input), 201);
    });

    router.add("PATCH", paths::api(u"/lanes/{id}"), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto input
            = decodedBody(req, [](const QJsonObject &b) { return laneInputFromJson(b, false); });
        if (!input)
            return HttpResponse::problem(input.error());
        return jsonOrProblem(logistics.updateLane(*who, req.param(), *input));
    });

    router.add("DELETE", paths::api(u"/lanes/{id}"), [&logistics](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        if (Status s = logistics.removeLane(*who, req.param()); !s)
            return HttpResponse::problem(s.error());
        return HttpResponse::noContent();
    });
}

} // namespace pincart::server

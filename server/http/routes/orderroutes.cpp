#include "apipaths.h"
#include "ordercodecs.h"
#include "orderservice.h"
#include "routes.h"

namespace pincart::server {

void addOrderRoutes(Router &router, RouteContext &ctx)
{
    OrderService &orders = ctx.orders;

    router.add("POST", paths::orders(), [&orders](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto checkout = decodedBody(req, checkoutFromJson);
        if (!checkout)
            return HttpResponse::problem(checkout.error());
        const auto placed
            = orders.place(*who, *checkout, QString::fromUtf8(req.header("idempotency-key")));
        if (!placed)
            return HttpResponse::problem(placed.error());
        // A retry gets the first order as it is now, with 200 instead of 201.
        HttpResponse r
            = HttpResponse::rawJson(jsonBytes(placed->order), placed->replayed ? 200 : 201);
        r.addHeader("Location", paths::order(placed->order.id).toUtf8());
        return r;
    });

    router.add("GET", paths::orders(), [&orders](Request &req) {
        const auto who = req.require(Roles(Role::Customer) | Role::Operator | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto page = pageParams(req);
        if (!page)
            return HttpResponse::problem(page.error());
        return pageOrProblem(orders.orders(*who, page->after, page->limit));
    });

    router.add("GET", paths::api(u"/orders/{id}"), [&orders](Request &req) {
        const auto who = req.require(Roles(Role::Customer) | Role::Operator | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        return jsonOrProblem(orders.order(*who, req.param()));
    });

    router.add("POST", paths::api(u"/orders/{id}/cancel"), [&orders](Request &req) {
        const auto who = req.require(Roles(Role::Customer) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        return jsonOrProblem(orders.cancel(*who, req.param()));
    });

    router.add("POST", paths::api(u"/orders/{id}/payment"), [&orders](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto card = decodedBody(req, paymentCardFromJson);
        if (!card)
            return HttpResponse::problem(card.error());
        return jsonOrProblem(orders.pay(*who, req.param(), *card));
    });
}

} // namespace pincart::server

#include "apipaths.h"
#include "cartservice.h"
#include "ordercodecs.h"
#include "routes.h"

namespace pincart::server {

void addCartRoutes(Router &router, RouteContext &ctx)
{
    CartService &carts = ctx.cart;

    router.add("GET", paths::cart(), [&carts](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        return jsonOrProblem(carts.cart(*who, req.query(QStringLiteral("pincode"))));
    });

    router.add("PUT", paths::api(u"/cart/items/{id}"), [&carts](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto quantity = decodedBody(req, cartQuantityFromJson);
        if (!quantity)
            return HttpResponse::problem(quantity.error());
        return jsonOrProblem(carts.setQuantity(*who, req.param(), *quantity));
    });

    router.add("DELETE", paths::api(u"/cart/items/{id}"), [&carts](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        return jsonOrProblem(carts.remove(*who, req.param()));
    });

    router.add("POST", paths::cartMerge(), [&carts](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto lines = decodedBody(req, cartMergeFromJson);
        if (!lines)
            return HttpResponse::problem(lines.error());
        return jsonOrProblem(carts.merge(*who, *lines));
    });

    router.add("GET", paths::wishlist(), [&carts](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        return listOrProblem(carts.wishlist(*who));
    });

    router.add("PUT", paths::api(u"/wishlist/items/{id}"), [&carts](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        return listOrProblem(carts.addToWishlist(*who, req.param()));
    });

    router.add("DELETE", paths::api(u"/wishlist/items/{id}"), [&carts](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        return listOrProblem(carts.removeFromWishlist(*who, req.param()));
    });

    router.add("POST", paths::api(u"/wishlist/items/{id}/move-to-cart"), [&carts](Request &req) {
        const auto who = req.require(Role::Customer);
        if (!who)
            return HttpResponse::problem(who.error());
        return jsonOrProblem(carts.moveToCart(*who, req.param()));
    });
}

} // namespace pincart::server

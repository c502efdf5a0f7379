#include "routes.h"

#include "apipaths.h"
#include "catalogservice.h"
#include "codecs.h"

namespace pincart::server {

Result<PageParams> pageParams(const Request &request, int max)
{
    PageParams p;
    const auto limit = request.queryInteger(QStringLiteral("limit"), 1, max);
    if (!limit)
        return limit.error();
    if (*limit)
        p.limit = int(**limit);
    p.after = request.query(QStringLiteral("after"));
    return p;
}

void addCatalogRoutes(Router &router, RouteContext &ctx)
{
    CatalogService &catalog = ctx.catalog;

    // The hottest route: answered from the item cache, so inline (a miss goes to the pool).
    router.addInline("GET", paths::api(u"/items/{id}"), [&catalog](Request &req) {
        if (req.mustNotWait() && !catalog.itemInMemory(req.param()))
            return HttpResponse::handOff();
        const auto who = req.principal();
        if (!who)
            return HttpResponse::problem(who.error());
        const auto item = catalog.item(*who, req.param());
        if (!item)
            return HttpResponse::problem(item.error());
        return HttpResponse::rawJson((*item)->json);
    });

    router.add("GET", paths::items(), [&catalog](Request &req) {
        const auto who = req.principal();
        if (!who)
            return HttpResponse::problem(who.error());
        const auto page = pageParams(req);
        if (!page)
            return HttpResponse::problem(page.error());
        ItemListQuery q;
        q.limit = page->limit;
        q.after = page->after;
        const auto category = req.queryInteger(QStringLiteral("category"), 1, qint64(1) << 53);
        if (!category)
            return HttpResponse::problem(category.error());
        q.categoryId = *category;
        const auto supplier = req.queryInteger(QStringLiteral("supplier"), 1, qint64(1) << 53);
        if (!supplier)
            return HttpResponse::problem(supplier.error());
        q.supplierId = *supplier;
        const auto items = catalog.items(*who, q);
        if (!items)
            return HttpResponse::problem(items.error());
        return HttpResponse::json(pageToJson(*items));
    });

    // An immutable snapshot, encoded once: inline.
    router.addInline("GET", paths::categories(), [&catalog](Request &) {
        return HttpResponse::rawJson(catalog.categories()->json());
    });

    router.add("POST", paths::items(), [&catalog](Request &req) {
        const auto who = req.require(Roles(Role::Supplier) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto body = req.jsonBody();
        if (!body)
            return HttpResponse::problem(body.error());
        const auto input = itemInputFromJson(*body, true);
        if (!input)
            return HttpResponse::problem(input.error());
        const auto item = catalog.createItem(*who, *input);
        if (!item)
            return HttpResponse::problem(item.error());
        HttpResponse r = HttpResponse::json(toJson(*item), 201);
        r.addHeader("Location", paths::item(item->id).toUtf8());
        return r;
    });

    // PUT replaces (every field required), PATCH changes the fields given.
    for (const bool replace : {true, false}) {
        router.add(replace ? "PUT" : "PATCH", paths::api(u"/items/{id}"), [&catalog, replace](Request &req) {
            const auto who = req.require(Roles(Role::Supplier) | Role::Admin);
            if (!who)
                return HttpResponse::problem(who.error());
            const auto body = req.jsonBody();
            if (!body)
                return HttpResponse::problem(body.error());
            const auto input = itemInputFromJson(*body, replace);
            if (!input)
                return HttpResponse::problem(input.error());
            const auto item = catalog.updateItem(*who, req.param(), *input);
            if (!item)
                return HttpResponse::problem(item.error());
            return HttpResponse::json(toJson(*item));
        });
    }

    router.add("DELETE", paths::api(u"/items/{id}"), [&catalog](Request &req) {
        const auto who = req.require(Roles(Role::Supplier) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        if (Status s = catalog.deleteItem(*who, req.param()); !s)
            return HttpResponse::problem(s.error());
        return HttpResponse::noContent();
    });
}

} // namespace pincart::server

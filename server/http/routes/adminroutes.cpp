#include "routes.h"

#include "apipaths.h"
#include "authservice.h"
#include "codecs.h"
#include "cursor.h"
#include "jsonkeys.h"

#include <QJsonArray>

namespace pincart::server {

namespace k = keys;

void addAdminRoutes(Router &router, RouteContext &ctx)
{
    AuthService &auth = ctx.auth;

    router.add("GET", paths::adminUsers(), [&auth](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto page = pageParams(req);
        if (!page)
            return HttpResponse::problem(page.error());
        const auto after = page->after.isEmpty() ? std::optional<qint64>(0) : decodeIdCursor(page->after);
        if (!after)
            return HttpResponse::problem(DomainError::validation(QStringLiteral("after"), QStringLiteral("is not a cursor this server issued")));
        auto users = auth.listAccounts(*who, *after, page->limit + 1);
        if (!users)
            return HttpResponse::problem(users.error());
        Page<User> out;
        out.items = std::move(*users);
        if (out.items.size() > page->limit) {
            out.items.resize(page->limit);
            out.next = encodeIdCursor(out.items.last().id);
        }
        return HttpResponse::json(pageToJson(out));
    });

    router.add("POST", paths::adminUsers(), [&auth](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto body = req.jsonBody();
        if (!body)
            return HttpResponse::problem(body.error());
        const auto reg = AuthService::registrationFromJson(*body);
        if (!reg)
            return HttpResponse::problem(reg.error());
        // Roles and warehouses decoded with the same rules as a change.
        QJsonObject rest{{k::Roles, body->value(k::Roles)}};
        if (body->contains(k::WarehouseIds))
            rest.insert(k::WarehouseIds, body->value(k::WarehouseIds));
        const auto change = AuthService::accountChangeFromJson(rest);
        if (!change)
            return HttpResponse::problem(change.error());
        if (!change->roles)
            return HttpResponse::problem(DomainError::validation(QString(k::Roles), QStringLiteral("is required")));
        const auto user = auth.createAccount(*who, *reg, *change->roles, change->warehouseIds.value_or(QList<qint64>{}));
        if (!user)
            return HttpResponse::problem(user.error());
        return HttpResponse::json(toJson(*user), 201);
    });

    router.add("PATCH", paths::api(u"/admin/users/{id}"), [&auth](Request &req) {
        const auto who = req.require(Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto body = req.jsonBody();
        if (!body)
            return HttpResponse::problem(body.error());
        const auto change = AuthService::accountChangeFromJson(*body);
        if (!change)
            return HttpResponse::problem(change.error());
        const auto user = auth.changeAccount(*who, req.param(), *change);
        if (!user)
            return HttpResponse::problem(user.error());
        return HttpResponse::json(toJson(*user));
    });
}

} // namespace pincart::server

#pragma once

#include "codecs.h"
#include "router.h"

#include <functional>

namespace pincart::server {

class AuthService;
class CartService;
class CatalogService;
class LogisticsService;
class OnboardingService;
class OrderService;
class SearchService;
class Metrics;
class WarehouseService;

// What one worker's routes call into. Handlers are parse -> service -> encode; nothing else.
struct RouteContext
{
    AuthService &auth;
    CatalogService &catalog;
    OnboardingService &onboarding;
    LogisticsService &logistics;
    WarehouseService &warehouses;
    CartService &cart;
    OrderService &orders;
    SearchService &search;
    Metrics &metrics;
    std::function<Status()> readiness; // /readyz: database reachable, consumers caught up
    QByteArray openApi;                // the OpenAPI document, served as is

    // Bulk CSV submissions: about 200 bytes a row, 100k rows with room to spare.
    static constexpr qint64 MaxUploadBytes = 32 << 20;
};

// Registration order is match order: hot routes first.
void addCatalogRoutes(Router &router, RouteContext &context);
void addAuthRoutes(Router &router, RouteContext &context);
void addAdminRoutes(Router &router, RouteContext &context);
void addSubmissionRoutes(Router &router, RouteContext &context);
void addLogisticsRoutes(Router &router, RouteContext &context);
void addWarehouseRoutes(Router &router, RouteContext &context);
void addCartRoutes(Router &router, RouteContext &context);
void addOrderRoutes(Router &router, RouteContext &context);
void addSearchRoutes(Router &router, RouteContext &context);
void addOpsRoutes(Router &router, RouteContext &context);

// `limit` (1..max, default 20) and `after` from the query string.
struct PageParams
{
    int limit = 20;
    QString after;
};
Result<PageParams> pageParams(const Request &request, int max = 100);

// The JSON body through `decode` (a QJsonObject -> Result<T> function): malformed JSON is a 400,
// the decoder's field errors its own.
template<typename Decode>
auto decodedBody(const Request &request, Decode decode) -> decltype(decode(QJsonObject()))
{
    const auto body = request.jsonBody();
    if (!body)
        return body.error();
    return decode(*body);
}

// A service's answer as JSON (pages as `{items, next}`), or its error as problem+json.
template<typename T>
HttpResponse jsonOrProblem(const Result<T> &result, int status = 200)
{
    if (!result)
        return HttpResponse::problem(result.error());
    if constexpr (requires(JsonWriter & w) { writeJson(w, *result); })
        return HttpResponse::rawJson(jsonBytes(*result), status);
    else
        return HttpResponse::json(toJson(*result), status);
}
template<typename T>
HttpResponse pageOrProblem(const Result<Page<T>> &result)
{
    if (!result)
        return HttpResponse::problem(result.error());
    return HttpResponse::json(pageToJson(*result));
}
// `{items: [...]}` for short lists that are never paged.
template<typename T>
HttpResponse listOrProblem(const Result<QList<T>> &result)
{
    if (!result)
        return HttpResponse::problem(result.error());
    QJsonArray items;
    for (const T &t : *result)
        items.append(toJson(t));
    return HttpResponse::json({{QLatin1StringView("items"), items}});
}

} // namespace pincart::server

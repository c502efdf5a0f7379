#pragma once

#include "router.h"

#include <functional>

namespace pincart::server {

class AuthService;
class CatalogService;
class OnboardingService;
class Metrics;

// What one worker's routes call into. Handlers are parse -> service -> encode; nothing else.
struct RouteContext
{
    AuthService &auth;
    CatalogService &catalog;
    OnboardingService &onboarding;
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
void addOpsRoutes(Router &router, RouteContext &context);

// `limit` (1..max, default 20) and `after` from the query string.
struct PageParams
{
    int limit = 20;
    QString after;
};
Result<PageParams> pageParams(const Request &request, int max = 100);

} // namespace pincart::server

#include "routes.h"

#include "apipaths.h"
#include "metrics.h"

namespace pincart::server {

void addOpsRoutes(Router &router, RouteContext &ctx)
{
    router.add("GET", paths::healthz(), [](Request &) {
        return HttpResponse::rawJson(R"({"status":"alive"})");
    });
    router.add("GET", paths::readyz(), [&ctx](Request &) {
        if (Status s = ctx.readiness(); !s)
            return HttpResponse::problem(s.error());
        return HttpResponse::rawJson(R"({"status":"ready"})");
    });
    router.add("GET", paths::metrics(), [&ctx](Request &) {
        return HttpResponse::text(ctx.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
    });
    router.add("GET", paths::openApi(), [&ctx](Request &) {
        return HttpResponse::rawJson(ctx.openApi);
    });
}

} // namespace pincart::server

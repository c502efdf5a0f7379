#include "routes.h"

#include "apipaths.h"
#include "metrics.h"

namespace pincart::server {

void addOpsRoutes(Router &router, RouteContext &ctx)
{
    router.addInline("GET", paths::healthz(), [](Request &) {
        return HttpResponse::rawJson(R"({"status":"alive"})");
    });
    router.add("GET", paths::readyz(), [&ctx](Request &) {
        if (Status s = ctx.readiness(); !s)
            return HttpResponse::problem(s.error());
        return HttpResponse::rawJson(R"({"status":"ready"})");
    });
    router.addInline("GET", paths::metrics(), [&ctx](Request &) {
        return HttpResponse::text(ctx.metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
    });
    router.addInline("GET", paths::openApi(), [&ctx](Request &) {
        return HttpResponse::rawJson(ctx.openApi);
    });
}

} // namespace pincart::server

#include "routes.h"

#include "apipaths.h"
#include "codecs.h"
#include "onboardingservice.h"

namespace pincart::server {

void addSubmissionRoutes(Router &router, RouteContext &ctx)
{
    OnboardingService &onboarding = ctx.onboarding;

    router.add(
        "POST", paths::submissions(),
        [&onboarding](Request &req) {
            const auto who = req.require(Role::Supplier);
            if (!who)
                return HttpResponse::problem(who.error());
            const auto submission = onboarding.submit(*who, req.header("content-type"), req.body());
            if (!submission)
                return HttpResponse::problem(submission.error());
            HttpResponse r = HttpResponse::json(toJson(*submission), 202);
            r.addHeader("Location", paths::submission(submission->id).toUtf8());
            return r;
        },
        RouteContext::MaxUploadBytes);

    router.add("GET", paths::submissions(), [&onboarding](Request &req) {
        const auto who = req.require(Roles(Role::Supplier) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto page = pageParams(req);
        if (!page)
            return HttpResponse::problem(page.error());
        const auto list = onboarding.submissions(*who, page->after, page->limit);
        if (!list)
            return HttpResponse::problem(list.error());
        return HttpResponse::json(pageToJson(*list));
    });

    router.add("GET", paths::api(u"/supplier/submissions/{id}"), [&onboarding](Request &req) {
        const auto who = req.require(Roles(Role::Supplier) | Role::Admin);
        if (!who)
            return HttpResponse::problem(who.error());
        const auto submission = onboarding.submission(*who, req.param());
        if (!submission)
            return HttpResponse::problem(submission.error());
        return HttpResponse::json(toJson(*submission));
    });
}

} // namespace pincart::server

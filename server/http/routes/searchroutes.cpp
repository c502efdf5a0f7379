#include "apipaths.h"
#include "routes.h"
#include "searchcodecs.h"
#include "searchservice.h"

namespace pincart::server {

void addSearchRoutes(Router &router, RouteContext &ctx)
{
    SearchService &search = ctx.search;

    // Asked at every keystroke (debounced): before /search, which would not match it anyway.
    router.add("GET", paths::searchSuggest(), [&search](Request &req) {
        const QString typed = formDecodedValue(req.queryItems(), QStringLiteral("q"));
        if (typed.size() > SearchLimits::MaxQueryLength)
            return HttpResponse::problem(DomainError::validation(
                QStringLiteral("q"),
                QStringLiteral("is longer than %1 characters").arg(SearchLimits::MaxQueryLength)));
        const auto completions = search.complete(typed);
        if (!completions)
            return HttpResponse::problem(completions.error());
        return HttpResponse::json(completionsToJson(*completions));
    });

    router.add("GET", paths::search(), [&search](Request &req) {
        const auto who = req.principal();
        if (!who)
            return HttpResponse::problem(who.error());
        const auto request = searchRequestFromQuery(req.queryItems());
        if (!request)
            return HttpResponse::problem(request.error());
        return jsonOrProblem(search.search(*who, *request));
    });
}

} // namespace pincart::server

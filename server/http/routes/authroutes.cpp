#include "routes.h"

#include "apipaths.h"
#include "authservice.h"
#include "codecs.h"
#include "jsonkeys.h"

namespace pincart::server {

namespace k = keys;

static QJsonObject sessionToJson(const Session &s)
{
    return {{k::Token, QString::fromLatin1(s.token)},
            {k::ExpiresAt, toIsoUtc(s.expiresAt)},
            {k::User, toJson(s.user)}};
}

void addAuthRoutes(Router &router, RouteContext &ctx)
{
    AuthService &auth = ctx.auth;

    router.add("GET", paths::me(), [&auth](Request &req) {
        const auto who = req.require();
        if (!who)
            return HttpResponse::problem(who.error());
        const auto user = auth.currentUser(*who);
        if (!user)
            return HttpResponse::problem(user.error());
        return HttpResponse::json(toJson(*user));
    });

    router.add("POST", paths::login(), [&auth](Request &req) {
        const auto body = req.jsonBody();
        if (!body)
            return HttpResponse::problem(body.error());
        JsonReader r(*body);
        const auto email = r.string(k::Email);
        const auto password = r.string(k::Password);
        if (!r.ok())
            return HttpResponse::problem(DomainError::validation(r.errors()));
        const auto session = auth.login(*email, *password);
        if (!session)
            return HttpResponse::problem(session.error());
        return HttpResponse::json(sessionToJson(*session));
    });

    router.add("POST", paths::register_(), [&auth](Request &req) {
        const auto body = req.jsonBody();
        if (!body)
            return HttpResponse::problem(body.error());
        const auto reg = AuthService::registrationFromJson(*body);
        if (!reg)
            return HttpResponse::problem(reg.error());
        const auto user = auth.registerCustomer(*reg);
        if (!user)
            return HttpResponse::problem(user.error());
        return HttpResponse::json(toJson(*user), 201);
    });
}

} // namespace pincart::server

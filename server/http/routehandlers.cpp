#include "routehandlers.h"

#include "authservice.h"
#include "cartservice.h"
#include "catalogservice.h"
#include "connection.h"
#include "logisticsservice.h"
#include "onboardingservice.h"
#include "orderservice.h"
#include "routes/routes.h"
#include "searchservice.h"
#include "warehouseservice.h"

namespace pincart::server {

RouteHandlers::RouteHandlers(const SharedState &shared)
    : m_tokens(shared.tokens)
{
    m_db = std::make_unique<Connection>(shared.database);
    // A database that is down at start is not fatal: requests answer 503 until it is back.
    (void)m_db->open();
    m_auth = std::make_unique<AuthService>(*m_db, shared.tokens, shared.hasher);
    m_catalog = std::make_unique<CatalogService>(*m_db, shared.catalog, shared.onCommitted);
    m_onboarding = std::make_unique<OnboardingService>(*m_db, shared.catalog, shared.onCommitted);
    m_logistics = std::make_unique<LogisticsService>(*m_db, shared.logistics, *m_catalog,
                                                     shared.clock, shared.onCommitted);
    m_warehouses = std::make_unique<WarehouseService>(*m_db, shared.logistics, shared.clock,
                                                      shared.onCommitted);
    m_cart = std::make_unique<CartService>(*m_db, *m_catalog, *m_logistics, shared.cartChanges);
    m_orders = std::make_unique<OrderService>(*m_db, *m_catalog, shared.logistics, shared.clock,
                                              shared.checkouts, shared.onCommitted);
    m_search = std::make_unique<SearchService>(shared.search, shared.catalog, shared.logistics,
                                               shared.clock, shared.searchEvents);
    Connection *db = m_db.get();
    auto consumersReady = shared.consumersReady;
    m_context.reset(new RouteContext{*m_auth, *m_catalog, *m_onboarding, *m_logistics,
                                     *m_warehouses, *m_cart, *m_orders, *m_search, shared.metrics,
                                     [db, consumersReady]() -> Status {
                                         if (Status s = db->ping(); !s)
                                             return DomainError::unavailable(
                                                 QStringLiteral("The database is not reachable"));
                                         return consumersReady ? consumersReady() : Status{};
                                     },
                                     shared.openApi});
    m_router = std::make_unique<Router>();
    addCatalogRoutes(*m_router, *m_context);
    addSearchRoutes(*m_router, *m_context);
    addLogisticsRoutes(*m_router, *m_context);
    addAuthRoutes(*m_router, *m_context);
    addAdminRoutes(*m_router, *m_context);
    addSubmissionRoutes(*m_router, *m_context);
    addWarehouseRoutes(*m_router, *m_context);
    addCartRoutes(*m_router, *m_context);
    addOrderRoutes(*m_router, *m_context);
    addOpsRoutes(*m_router, *m_context);
    AuthService *auth = m_auth.get();
    m_check = [auth](const Principal &p) {
        return auth->confirm(p);
    };
}

RouteHandlers::~RouteHandlers() = default;

} // namespace pincart::server

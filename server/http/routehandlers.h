#pragma once

#include "event.h"
#include "request.h"
#include "result.h"

#include <functional>
#include <memory>

namespace pincart::server {

class AuthService;
class CartService;
class CatalogService;
class CatalogState;
class BatchQueue;
class Clock;
class Connection;
class EventBuffer;
class LogisticsService;
class LogisticsState;
class Metrics;
class OnboardingService;
class OrderService;
class PasswordHasher;
class Router;
class SearchService;
class SearchState;
class TokenService;
class WarehouseService;
struct DatabaseUrl;
struct RouteContext;

// What every request thread shares (all thread-safe or immutable).
struct SharedState
{
    const DatabaseUrl &database;
    const TokenService &tokens;
    const PasswordHasher &hasher;
    CatalogState &catalog;
    LogisticsState &logistics;
    BatchQueue *checkouts;   // group checkout; null: each checkout alone
    BatchQueue *cartChanges; // cart changes written together; null: each alone
    SearchState &search;
    EventBuffer *searchEvents; // search.performed; null: not recorded
    const Clock &clock;
    Metrics &metrics;
    OnCommitted onCommitted;                // wakes the event tailers
    std::function<Status()> consumersReady; // part of /readyz
    QByteArray openApi;
    int accessLogFd = -1;
};

// Everything one thread needs to run any route: its own database connection (a QSql connection
// belongs to the thread that opened it), the services over it and a router whose handlers call
// them. Construct, use and destroy it on one thread. Every I/O thread has one (for inline routes)
// and so does every thread of the handler pool.
class RouteHandlers
{
public:
    explicit RouteHandlers(const SharedState &shared);
    ~RouteHandlers();

    const Router &router() const { return *m_router; }
    const TokenService &tokens() const { return m_tokens; }
    // Confirms a token's principal against the account, on this thread's connection.
    const PrincipalCheck &principalCheck() const { return m_check; }

private:
    // Declared in dependency order, so the services go before the connection they use.
    const TokenService &m_tokens;
    std::unique_ptr<Connection> m_db;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<OnboardingService> m_onboarding;
    std::unique_ptr<LogisticsService> m_logistics;
    std::unique_ptr<WarehouseService> m_warehouses;
    std::unique_ptr<CartService> m_cart;
    std::unique_ptr<OrderService> m_orders;
    std::unique_ptr<SearchService> m_search;
    std::unique_ptr<RouteContext> m_context;
    std::unique_ptr<Router> m_router;
    PrincipalCheck m_check;
};

} // namespace pincart::server

#pragma once

#include "listener.h"
#include "result.h"

#include <functional>
#include <memory>
#include <QHostAddress>
#include <QObject>

namespace pincart::server {

class AccessLog;
class ApiServer;
class AuthService;
class CatalogService;
class CartService;
class CatalogState;
class Clock;
class LogisticsService;
class LogisticsState;
class OnboardingService;
class OrderService;
class SearchService;
class SearchState;
class EventBuffer;
class WarehouseService;
class Connection;
class Metrics;
class PasswordHasher;
class Router;
class TokenService;
struct DatabaseUrl;
struct RouteContext;

// What every worker shares (all thread-safe or immutable).
struct SharedState
{
    const DatabaseUrl &database;
    const TokenService &tokens;
    const PasswordHasher &hasher;
    CatalogState &catalog;
    LogisticsState &logistics;
    SearchState &search;
    EventBuffer *searchEvents; // search.performed; null: not recorded
    const Clock &clock;
    Metrics &metrics;
    std::function<void()> onCommitted;      // wakes the event tailers
    std::function<Status()> consumersReady; // part of /readyz
    QByteArray openApi;
    int accessLogFd = -1;
};

// One request thread: its own database connection, services, router, HTTP server and listener,
// all created and used on that thread only.
class Worker : public QObject
{
    Q_OBJECT

public:
    Worker(SharedState shared, Listener::Limits limits);
    ~Worker() override;

    // Run on the worker's thread (through a blocking queued call).
    Status start(const QHostAddress &address, quint16 port);
    quint16 port() const;
    void drain();
    int openConnections() const;

private:
    SharedState m_shared;
    Listener::Limits m_limits;
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
    std::unique_ptr<AccessLog> m_log;
    ApiServer *m_http = nullptr;
    Listener *m_listener = nullptr;
};

} // namespace pincart::server

#include "worker.h"

#include "accesslog.h"
#include "apiserver.h"
#include "authservice.h"
#include "cartservice.h"
#include "catalogservice.h"
#include "connection.h"
#include "logisticsservice.h"
#include "metrics.h"
#include "onboardingservice.h"
#include "orderservice.h"
#include "routes/routes.h"
#include "searchservice.h"
#include "warehouseservice.h"

#include <QTimer>

namespace pincart::server {

Worker::Worker(SharedState shared, Listener::Limits limits)
    : m_shared(std::move(shared))
    , m_limits(limits)
{}

Worker::~Worker() = default;

Status Worker::start(const QHostAddress &address, quint16 port)
{
    m_db = std::make_unique<Connection>(m_shared.database);
    // A database that is down at start is not fatal: requests answer 503 until it is back.
    (void)m_db->open();
    m_auth = std::make_unique<AuthService>(*m_db, m_shared.tokens, m_shared.hasher);
    m_catalog = std::make_unique<CatalogService>(*m_db, m_shared.catalog, m_shared.onCommitted);
    m_onboarding
        = std::make_unique<OnboardingService>(*m_db, m_shared.catalog, m_shared.onCommitted);
    m_logistics = std::make_unique<LogisticsService>(*m_db, m_shared.logistics, *m_catalog,
                                                     m_shared.clock, m_shared.onCommitted);
    m_warehouses = std::make_unique<WarehouseService>(*m_db, m_shared.logistics, m_shared.clock,
                                                      m_shared.onCommitted);
    m_cart = std::make_unique<CartService>(*m_db, *m_catalog, *m_logistics);
    m_orders = std::make_unique<OrderService>(*m_db, *m_catalog, m_shared.logistics, m_shared.clock,
                                              m_shared.onCommitted);
    m_search
        = std::make_unique<SearchService>(m_shared.search, m_shared.catalog, m_shared.logistics,
                                          m_shared.clock, m_shared.searchEvents);
    Connection *db = m_db.get();
    auto consumersReady = m_shared.consumersReady;
    m_context.reset(new RouteContext{*m_auth, *m_catalog, *m_onboarding, *m_logistics,
                                     *m_warehouses, *m_cart, *m_orders, *m_search, m_shared.metrics,
                                     [db, consumersReady]() -> Status {
                                         if (Status s = db->ping(); !s)
                                             return DomainError::unavailable(
                                                 QStringLiteral("The database is not reachable"));
                                         return consumersReady ? consumersReady() : Status{};
                                     },
                                     m_shared.openApi});
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

    m_log = std::make_unique<AccessLog>(m_shared.accessLogFd);
    if (m_log->enabled()) {
        auto *flush = new QTimer(this);
        connect(flush, &QTimer::timeout, this, [this] { m_log->flush(); });
        flush->start(1000);
    }
    m_http = new ApiServer(*m_router, m_shared.metrics, m_shared.tokens, *m_log,
                           m_limits.maxBodyBytes, this);
    m_listener = new Listener(m_limits, m_shared.metrics);
    QString error;
    if (!m_listener->listenShared(address, port, &error)) {
        delete m_listener;
        m_listener = nullptr;
        return DomainError::unavailable(QStringLiteral("Cannot listen on %1:%2: %3")
                                            .arg(address.toString())
                                            .arg(port)
                                            .arg(error));
    }
    m_http->setListener(m_listener);
    AuthService *auth = m_auth.get();
    m_http->setPrincipalCheck([auth](const Principal &p) { return auth->confirm(p); });
    m_http->bind(m_listener); // takes ownership
    return {};
}

quint16 Worker::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void Worker::drain()
{
    if (m_listener)
        m_listener->drain();
    if (m_log)
        m_log->flush();
}

int Worker::openConnections() const
{
    return m_listener ? m_listener->openConnections() : 0;
}

} // namespace pincart::server

#pragma once

#include "result.h"
#include "serverconfig.h"

#include <memory>
#include <QList>
#include <QThread>

namespace pincart::server {

class CatalogState;
class BatchQueue;
class CatalogWarmer;
class EventBuffer;
class EventTailer;
class SearchState;
class LogisticsState;
class Metrics;
class PasswordHasher;
class TokenService;
class HandlerPool;
class Worker;
class SystemClock;
struct DatabaseUrl;

// The composition root of one server node: migrates and prepares the database, builds the
// shared state, starts the event tailers and the worker threads, and stops them in order.
class Server
{
public:
    explicit Server(ServerConfig config);
    ~Server();

    // Blocks until every worker listens (or one fails).
    Status start();
    // Graceful: stop accepting, let answers in flight finish, close connections, stop threads.
    void stop(int graceMs = 5000);
    quint16 port() const { return m_port; }
    // Printed once at first start when no admin password was configured.
    const QString &generatedAdminPassword() const { return m_generatedAdminPassword; }

private:
    Status prepareDatabase();

    ServerConfig m_config;
    std::unique_ptr<DatabaseUrl> m_url;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<CatalogState> m_catalog;
    std::unique_ptr<LogisticsState> m_logistics;
    std::unique_ptr<BatchQueue> m_checkouts;   // null: each checkout alone
    std::unique_ptr<BatchQueue> m_cartChanges; // null: each alone
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<SearchState> m_search;
    std::unique_ptr<EventBuffer> m_searchEvents;
    QList<std::shared_ptr<EventTailer>> m_tailers;
    std::unique_ptr<CatalogWarmer> m_warmer;
    std::unique_ptr<HandlerPool> m_pool;
    QList<QThread *> m_threads;
    QList<Worker *> m_workers;
    int m_accessLogFd = -1;
    quint16 m_port = 0;
    QString m_generatedAdminPassword;
    bool m_running = false;
};

} // namespace pincart::server

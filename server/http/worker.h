#pragma once

#include "listener.h"
#include "result.h"
#include "routehandlers.h"

#include <memory>
#include <QHostAddress>
#include <QObject>

namespace pincart::server {

class AccessLog;
class ApiServer;
class HandlerPool;

// One I/O thread: its listener and HTTP front, and its own route handlers (with their database
// connection) for the inline routes; other routes go to the shared HandlerPool. All created and
// used on that thread only.
class Worker : public QObject
{
    Q_OBJECT

public:
    Worker(SharedState shared, HandlerPool *pool, Listener::Limits limits);
    ~Worker() override;

    // Run on the worker's thread (through a blocking queued call).
    Status start(const QHostAddress &address, quint16 port);
    quint16 port() const;
    void drain();
    int openConnections() const;

private:
    SharedState m_shared;
    HandlerPool *m_pool;
    Listener::Limits m_limits;
    std::unique_ptr<RouteHandlers> m_handlers;
    std::unique_ptr<AccessLog> m_log;
    ApiServer *m_http = nullptr;
    Listener *m_listener = nullptr;
};

} // namespace pincart::server

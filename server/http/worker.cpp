#include "worker.h"

#include "accesslog.h"
#include "apiserver.h"

#include <QTimer>

namespace pincart::server {

Worker::Worker(SharedState shared, HandlerPool *pool, Listener::Limits limits)
    : m_shared(std::move(shared))
    , m_pool(pool)
    , m_limits(limits)
{}

// The HTTP front uses the handlers and the log: it goes first (it is a child of this object,
// but children are deleted after the members).
Worker::~Worker()
{
    delete m_http;
}

Status Worker::start(const QHostAddress &address, quint16 port)
{
    m_handlers = std::make_unique<RouteHandlers>(m_shared);
    m_log = std::make_unique<AccessLog>(m_shared.accessLogFd);
    if (m_log->enabled()) {
        auto *flush = new QTimer(this);
        connect(flush, &QTimer::timeout, this, [this] { m_log->flush(); });
        flush->start(1000);
    }
    m_http
        = new ApiServer(*m_handlers, m_pool, m_shared.metrics, *m_log, m_limits.maxBodyBytes, this);
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

#include "handlerpool.h"

#include <QThread>

namespace pincart::server {

HandlerPool::HandlerPool(SharedState shared, int threads, int maxQueued)
    : m_shared(std::move(shared))
    , m_threadCount(qMax(1, threads))
    , m_maxQueued(qMax(1, maxQueued))
{}

HandlerPool::~HandlerPool()
{
    stop();
}

void HandlerPool::start()
{
    for (int i = 0; i < m_threadCount; ++i) {
        std::unique_ptr<QThread> thread(QThread::create([this] { run(); }));
        thread->setObjectName(QStringLiteral("handler-%1").arg(i));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
    std::unique_lock lock(m_mutex);
    m_started.wait(lock, [this] { return m_ready == m_threadCount; });
}

bool HandlerPool::submit(Job job)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_jobs.size() >= size_t(m_maxQueued))
            return false;
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

void HandlerPool::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (const auto &thread : m_threads)
        thread->wait();
    m_threads.clear();
}

void HandlerPool::run()
{
    const RouteHandlers handlers(m_shared);
    {
        std::lock_guard lock(m_mutex);
        ++m_ready;
    }
    m_started.notify_all();
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping, and nothing left to run
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job(handlers);
    }
}

} // namespace pincart::server

#pragma once

#include "routehandlers.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace pincart::server {

// The threads that run the routes which wait on the database (all but the few Router::addInline
// ones). The I/O threads parse requests and answer inline routes from memory; the rest are queued
// here. So an I/O thread never sits through a round trip or a durable commit while its other
// connections wait, there can be many database waits in flight, and yet the threads busy with
// CPU at once stay near the number of cores (more runnable threads than cores is what made the
// tail latency of in-memory reads, docs/architecture.md).
class HandlerPool
{
public:
    using Job = std::function<void(const RouteHandlers &)>;

    HandlerPool(SharedState shared, int threads, int maxQueued);
    ~HandlerPool();

    // Starts the threads; returns once each has built its handlers (and opened its connection).
    void start();
    // Queues a job for the next free thread. False when the queue is full or the pool stopped:
    // the caller answers 503 at once rather than letting latency grow without bound.
    bool submit(Job job);
    // Runs every queued job, then joins the threads.
    void stop();
    int threads() const { return m_threadCount; }

private:
    void run();

    SharedState m_shared;
    const int m_threadCount;
    const int m_maxQueued;
    std::mutex m_mutex;
    std::condition_variable m_wake;    // a job or stop for the threads
    std::condition_variable m_started; // a thread has its handlers
    std::deque<Job> m_jobs;
    int m_ready = 0;
    bool m_stopping = false;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace pincart::server

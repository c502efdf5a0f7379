#include "server.h"

#include "authservice.h"
#include "batchqueue.h"
#include "catalogservice.h"
#include "catalogstate.h"
#include "catalogwarmer.h"
#include "categoryrepository.h"
#include "connection.h"
#include "eventbuffer.h"
#include "eventlog.h"
#include "eventtailer.h"
#include "handlerpool.h"
#include "itemcacheinvalidator.h"
#include "logisticsconsumer.h"
#include "logisticsstate.h"
#include "metrics.h"
#include "migrations.h"
#include "networkloader.h"
#include "onboardingconsumer.h"
#include "passwordhasher.h"
#include "searchindexer.h"
#include "searchstate.h"
#include "settingsrepository.h"
#include "tokenservice.h"
#include "worker.h"

#include <fcntl.h>
#include <QDeadlineTimer>
#include <QFile>
#include <QLoggingCategory>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcServer, "pincart.server")

namespace pincart::server {

Server::Server(ServerConfig config)
    : m_config(std::move(config))
    , m_clock(std::make_unique<SystemClock>())
    , m_hasher(std::make_unique<PasswordHasher>())
    , m_catalog(std::make_unique<CatalogState>())
    , m_logistics(std::make_unique<LogisticsState>())
    , m_checkouts(m_config.batch > 0
                      ? std::make_unique<BatchQueue>(m_config.batchLeaders, m_config.batch)
                      : nullptr)
    , m_cartChanges(m_config.batch > 0
                        ? std::make_unique<BatchQueue>(m_config.batchLeaders, m_config.batch)
                        : nullptr)
    , m_metrics(std::make_unique<Metrics>())
{}

Server::~Server()
{
    stop(0);
    if (m_accessLogFd > 2)
        ::close(m_accessLogFd);
}

Status Server::prepareDatabase()
{
    auto url = DatabaseUrl::parse(m_config.databaseUrl);
    if (!url)
        return url.error();
    m_url = std::make_unique<DatabaseUrl>(*url);

    Connection db(*m_url);
    if (Status s = migrate(db); !s)
        return s;
    const auto reference = referenceCategories();
    if (!reference)
        return reference.error();
    if (Status s = CategoryRepository(db).insertMissing(*reference); !s)
        return s;

    // The signing key is the cluster's: every node reads the one the first node stored.
    QByteArray key = QByteArray::fromHex(m_config.tokenSecret.toLatin1());
    if (key.size() != TokenService::KeyBytes) {
        if (!m_config.tokenSecret.isEmpty())
            qCWarning(lcServer)
                << "PINCART_TOKEN_SECRET must be 64 hex digits; using the stored key";
        const auto stored = SettingsRepository(db).getOrInsert(
            QStringLiteral("token_key"), QString::fromLatin1(TokenService::generateKey().toHex()));
        if (!stored)
            return stored.error();
        key = QByteArray::fromHex(stored->toLatin1());
    }
    m_tokens = std::make_unique<TokenService>(key, *m_clock);

    AuthService auth(db, *m_tokens, *m_hasher);
    const auto admin = auth.ensureAdmin(m_config.adminEmail, m_config.adminPassword);
    if (!admin)
        return admin.error();
    if (*admin && !(*admin)->isEmpty())
        m_generatedAdminPassword = **admin;

    CatalogService catalog(db, *m_catalog);
    return catalog.reloadCategories();
}

Status Server::start()
{
    if (Status s = prepareDatabase(); !s)
        return s;

    if (m_config.accessLog == QLatin1String("-")) {
        m_accessLogFd = 2;
    } else if (!m_config.accessLog.isEmpty() && m_config.accessLog != QLatin1String("off")) {
        m_accessLogFd = ::open(QFile::encodeName(m_config.accessLog).constData(),
                               O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
        if (m_accessLogFd < 0)
            qCWarning(lcServer) << "cannot open access log" << m_config.accessLog;
    }

    // The cache invalidator starts from the log's end as it is now, before the warmer reads a
    // single item: any change committed from here on evicts what the warmer may have loaded.
    Connection db(*m_url);
    const auto logEnd = EventLog(db).lastId();
    if (!logEnd)
        return logEnd.error();
    EventTailer::Options invalidatorOptions;
    invalidatorOptions.startAfterId = *logEnd;
    auto invalidator = std::make_shared<EventTailer>(
        *m_url, std::make_shared<ItemCacheInvalidator>(*m_catalog), invalidatorOptions);
    m_tailers << invalidator;
    m_tailers << std::make_shared<EventTailer>(
        *m_url, std::make_shared<LogisticsConsumer>(*m_url, *m_logistics), invalidatorOptions);
    EventTailer *invalidatorPtr = invalidator.get();
    // Onboarding wakes the invalidator after each chunk, so its own evictions reach other threads
    // fast.
    m_tailers << std::make_shared<EventTailer>(
        *m_url, std::make_shared<OnboardingConsumer>(
                    *m_url, *m_catalog, [invalidatorPtr](const QList<QLatin1StringView> &topics) {
                        invalidatorPtr->wakeFor(topics);
                    }));
    // The search index keeps its own offset: it resumes from it, or rebuilds first (see
    // SearchIndexer); searches answer 503 until it is open.
    const QString dataDir = m_config.dataDir.isEmpty() ? QStringLiteral(".") : m_config.dataDir;
    m_search = std::make_unique<SearchState>(dataDir + QStringLiteral("/search"));
    m_tailers << std::make_shared<EventTailer>(
        *m_url, std::make_shared<SearchIndexer>(*m_url, *m_search, *m_catalog));
    m_searchEvents = std::make_unique<EventBuffer>(*m_url);
    m_searchEvents->start();
    for (const auto &t : m_tailers)
        t->start();
    // After the invalidator started: an item changed while the warmer reads is evicted, not kept.
    m_warmer = std::make_unique<CatalogWarmer>(*m_url, *m_catalog);
    m_warmer->start();
    // Likewise the TAT tables (about a second for the whole directory) and the stock index, built
    // after the logistics consumer started from the log's end: a change made meanwhile is applied
    // again, never lost.
    auto network = loadDeliveryNetwork(db);
    if (!network)
        return network.error();
    m_logistics->publishNetwork(std::move(*network));
    if (Status s = warmStockIndex(db, *m_logistics); !s)
        return s;
    m_metrics->addGaugeSource([tailers = m_tailers]() -> QByteArray {
        QByteArray out
            = "# HELP pincart_consumer_lag_events Events not yet handled, per consumer.\n"
              "# TYPE pincart_consumer_lag_events gauge\n";
        for (const auto &t : tailers)
            out += "pincart_consumer_lag_events{consumer=\"" + t->consumerName().toUtf8() + "\"} "
                   + QByteArray::number(t->lag()) + '\n';
        return out;
    });
    CatalogState *catalog = m_catalog.get();
    m_metrics->addGaugeSource([catalog]() -> QByteArray {
        return "# HELP pincart_item_cache_lookups_total Item cache lookups by result.\n"
               "# TYPE pincart_item_cache_lookups_total counter\n"
               "pincart_item_cache_lookups_total{result=\"hit\"} "
               + QByteArray::number(catalog->items().hits())
               + "\n"
                 "pincart_item_cache_lookups_total{result=\"miss\"} "
               + QByteArray::number(catalog->items().misses()) + "\n";
    });

    QFile openApi(QStringLiteral(":/openapi.json"));
    const QByteArray openApiDoc
        = openApi.open(QIODevice::ReadOnly) ? openApi.readAll() : QByteArray("{}");

    const int ioThreads
        = m_config.ioThreads > 0 ? m_config.ioThreads : qMax(1, QThread::idealThreadCount() / 2);
    Listener::Limits limits{qMax(1, m_config.maxConnections / ioThreads), m_config.idleTimeoutMs,
                            m_config.maxBodyBytes};
    auto tailers = m_tailers;
    LogisticsState *logistics = m_logistics.get();
    m_metrics->addGaugeSource([logistics]() -> QByteArray {
        const auto tables = logistics->network();
        return "# HELP pincart_tat_build_milliseconds Time the current TAT tables took to build.\n"
               "# TYPE pincart_tat_build_milliseconds gauge\n"
               "pincart_tat_build_milliseconds "
               + QByteArray::number(tables->buildMs())
               + "\n"
                 "# HELP pincart_reachable_pincodes Pincodes at least one warehouse reaches.\n"
                 "# TYPE pincart_reachable_pincodes gauge\n"
                 "pincart_reachable_pincodes "
               + QByteArray::number(tables->reachablePincodeCount())
               + "\n"
                 "# HELP pincart_stock_cache_lookups_total Stock level lookups by result.\n"
                 "# TYPE pincart_stock_cache_lookups_total counter\n"
                 "pincart_stock_cache_lookups_total{result=\"hit\"} "
               + QByteArray::number(logistics->stock().hits())
               + "\n"
                 "pincart_stock_cache_lookups_total{result=\"miss\"} "
               + QByteArray::number(logistics->stock().misses())
               + "\n"
                 "# HELP pincart_stock_read_back_total Items whose stock levels were read back "
                 "into memory after a change.\n"
                 "# TYPE pincart_stock_read_back_total counter\n"
                 "pincart_stock_read_back_total "
               + QByteArray::number(logistics->stockReadBack()) + "\n";
    });
    if (m_checkouts) {
        const std::pair<const char *, BatchQueue *> queues[]{{"checkout", m_checkouts.get()},
                                                             {"cart", m_cartChanges.get()}};
        m_metrics->addGaugeSource([queues]() -> QByteArray {
            QByteArray out;
            // One metric family: its help and type, then a line per queue.
            const auto family = [&](const char *name, const char *type, const char *help,
                                    qint64 (*value)(const BatchQueue &)) {
                out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type
                       + '\n';
                for (const auto &[queue, q] : queues)
                    out += QByteArray(name) + "{queue=\"" + queue + "\"} "
                           + QByteArray::number(value(*q)) + '\n';
            };
            family("pincart_batches_total", "counter",
                   "Write batches run (checkouts placed together, cart changes written together).",
                   [](const BatchQueue &q) { return q.batches(); });
            family("pincart_batched_total", "counter", "Requests written in those batches.",
                   [](const BatchQueue &q) { return q.batchedEntries(); });
            family("pincart_batches_running", "gauge", "Write batches being run now.",
                   [](const BatchQueue &q) { return qint64(q.running()); });
            family("pincart_batch_waiting", "gauge", "Requests waiting for a batch now.",
                   [](const BatchQueue &q) { return qint64(q.waiting()); });
            return out;
        });
    }
    SearchState *search = m_search.get();
    EventBuffer *searchEvents = m_searchEvents.get();
    m_metrics->addGaugeSource([search, searchEvents]() -> QByteArray {
        return "# HELP pincart_search_items Items in this node's search index.\n"
               "# TYPE pincart_search_items gauge\n"
               "pincart_search_items "
               + QByteArray::number(search->facts()->count())
               + "\n"
                 "# HELP pincart_search_events_dropped_total search.performed events not "
                 "recorded.\n"
                 "# TYPE pincart_search_events_dropped_total counter\n"
                 "pincart_search_events_dropped_total "
               + QByteArray::number(searchEvents->dropped()) + "\n";
    });
    SharedState shared{
        *m_url,
        *m_tokens,
        *m_hasher,
        *m_catalog,
        *m_logistics,
        m_checkouts.get(),
        m_cartChanges.get(),
        *m_search,
        m_searchEvents.get(),
        *m_clock,
        *m_metrics,
        [tailers](const QList<QLatin1StringView> &topics) {
            for (const auto &t : tailers)
                t->wakeFor(topics);
        },
        [tailers]() -> Status {
            for (const auto &t : tailers) {
                if (!t->caughtUp())
                    return DomainError::unavailable(
                        QStringLiteral("Consumer %1 is catching up").arg(t->consumerName()));
            }
            return {};
        },
        openApiDoc,
        m_accessLogFd};
    // Up to this many requests wait for a handler thread; past it, 503 at once.
    m_pool = std::make_unique<HandlerPool>(shared, m_config.threads, 4 * m_config.maxConnections);
    m_pool->start();
    quint16 port = m_config.port;
    for (int i = 0; i < ioThreads; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("io-%1").arg(i));
        auto *worker = new Worker(shared, m_pool.get(), limits);
        worker->moveToThread(thread);
        thread->start();
        m_threads << thread;
        m_workers << worker;
        Status started;
        // The first worker may be given port 0; the others join the port it got (SO_REUSEPORT).
        QMetaObject::invokeMethod(
            worker, [&] { started = worker->start(m_config.address, port); },
            Qt::BlockingQueuedConnection);
        if (!started) {
            stop(0);
            return started;
        }
        if (i == 0)
            QMetaObject::invokeMethod(
                worker, [&] { port = worker->port(); }, Qt::BlockingQueuedConnection);
    }
    m_port = port;
    m_running = true;
    qCInfo(lcServer) << "listening on" << m_config.address.toString() << m_port << "with"
                     << ioThreads << "I/O threads and" << m_pool->threads()
                     << "handler threads; database" << m_url->redacted();
    return {};
}

void Server::stop(int graceMs)
{
    if (m_threads.isEmpty() && !m_pool && m_tailers.isEmpty() && !m_warmer && !m_searchEvents)
        return;
    for (Worker *w : std::as_const(m_workers))
        QMetaObject::invokeMethod(
            w, [w] { w->drain(); }, Qt::BlockingQueuedConnection);
    // Answers in flight finish on their threads; idle keep-alive connections are closed by drain.
    QDeadlineTimer deadline(graceMs);
    while (!deadline.hasExpired()) {
        int open = 0;
        for (Worker *w : std::as_const(m_workers))
            QMetaObject::invokeMethod(
                w, [&open, w] { open += w->openConnections(); }, Qt::BlockingQueuedConnection);
        if (open == 0)
            break;
        QThread::msleep(20);
    }
    // What is still queued runs now; its answers are posted to the I/O threads, which are still
    // there to drop them (their sockets closed) when they are deleted below.
    if (m_pool) {
        m_pool->stop();
        m_pool.reset();
    }
    for (int i = 0; i < m_workers.size(); ++i) {
        Worker *w = m_workers.at(i);
        // Its connection and sockets belong to its thread: destroy it there.
        QMetaObject::invokeMethod(
            w, [w] { delete w; }, Qt::BlockingQueuedConnection);
        m_threads.at(i)->quit();
        m_threads.at(i)->wait();
        delete m_threads.at(i);
    }
    m_workers.clear();
    m_threads.clear();
    if (m_warmer) {
        m_warmer->stop();
        m_warmer->wait();
        m_warmer.reset();
    }
    for (const auto &t : std::as_const(m_tailers)) {
        t->stop();
        t->wait();
    }
    m_tailers.clear();
    if (m_searchEvents) {
        m_searchEvents->stop();
        m_searchEvents->wait();
        m_searchEvents.reset();
    }
    m_running = false;
}

} // namespace pincart::server

// pincart-server: the REST server (serve), and its maintenance commands (migrate, seed).

#include "catalogservice.h"
#include "catalogstate.h"
#include "connection.h"
#include "demoseeder.h"
#include "migrations.h"
#include "passwordhasher.h"
#include "searchindex.h"
#include "searchstate.h"
#include "server.h"

#include <csignal>
#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>
#include <sys/socket.h>
#include <unistd.h>

using namespace pincart;
using namespace pincart::server;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    (void)!::write(signalPipe[1], &c, 1);
}

// An option's value: the command line wins, then the environment, then the default.
QString setting(const QCommandLineParser &parser, const QString &option, const char *env,
                const QString &fallback = {})
{
    if (parser.isSet(option))
        return parser.value(option);
    const QByteArray fromEnv = qgetenv(env);
    return fromEnv.isEmpty() ? fallback : QString::fromLocal8Bit(fromEnv);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "pincart-server: %s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own poll()-based event dispatcher instead of glib's: the I/O threads spend their time
    // turning socket notifiers on and off, which glib's bookkeeping makes about 12 % dearer per
    // request (bench/README.md, serviceability). Nothing here needs a glib main loop. Qt reads
    // the variable for every thread's dispatcher; an empty QT_NO_GLIB= in the environment keeps
    // glib's.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pincart-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PINCART_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Pincart REST server.\n\nCommands: serve (default), migrate, seed, reindex "
                       "(rebuilds the search index; server stopped).\n"
                       "Every option has an environment variable (in brackets)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("serve, migrate, seed or reindex"));
    const QList<QCommandLineOption> options{
        {QStringLiteral("database"),
         QStringLiteral("sqlite:///path.db or mysql://user:pass@host:port/db [PINCART_DATABASE]"),
         QStringLiteral("url")},
        {QStringLiteral("address"),
         QStringLiteral("Address to listen on [PINCART_ADDRESS], default 127.0.0.1"),
         QStringLiteral("address")},
        {QStringLiteral("port"), QStringLiteral("Port [PINCART_PORT], default 8080"),
         QStringLiteral("port")},
        {QStringLiteral("threads"),
         QStringLiteral("Handler threads, for routes that wait on the database [PINCART_THREADS], "
                        "default 4"),
         QStringLiteral("n")},
        {QStringLiteral("io-threads"),
         QStringLiteral("I/O threads, which parse and answer in-memory routes "
                        "[PINCART_IO_THREADS], default half the cores, at least 1"),
         QStringLiteral("n")},
        {QStringLiteral("batch"),
         QStringLiteral("Concurrent checkouts (and cart changes) written together, at most "
                        "[PINCART_BATCH], default 32; 0: each alone"),
         QStringLiteral("n")},
        {QStringLiteral("batch-leaders"),
         QStringLiteral("Batches of each kind written at once, at most [PINCART_BATCH_LEADERS], "
                        "default 2"),
         QStringLiteral("n")},
        {QStringLiteral("data-dir"),
         QStringLiteral("Data directory [PINCART_DATA_DIR], default ./var"), QStringLiteral("dir")},
        {QStringLiteral("max-connections"),
         QStringLiteral("Open connections at most [PINCART_MAX_CONNECTIONS], default 2048"),
         QStringLiteral("n")},
        {QStringLiteral("idle-timeout"),
         QStringLiteral(
             "Seconds before an idle connection is closed [PINCART_IDLE_TIMEOUT], default 30"),
         QStringLiteral("s")},
        {QStringLiteral("access-log"),
         QStringLiteral("File, - for stderr, or off [PINCART_ACCESS_LOG], default -"),
         QStringLiteral("path")},
        {QStringLiteral("items"), QStringLiteral("seed: number of demo items, default 2000"),
         QStringLiteral("n")},
        {QStringLiteral("seed"),
         QStringLiteral("seed: random seed of the demo catalogue, default 42"),
         QStringLiteral("n")},
    };
    parser.addOptions(options);
    parser.process(app);

    const QString command = parser.positionalArguments().value(0, QStringLiteral("serve"));
    const QString dataDir
        = setting(parser, QStringLiteral("data-dir"), "PINCART_DATA_DIR", QStringLiteral("var"));
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create data directory ") + dataDir);
    const QString database = setting(
        parser, QStringLiteral("database"), "PINCART_DATABASE",
        QStringLiteral("sqlite://") + QDir(dataDir).absoluteFilePath(QStringLiteral("pincart.db")));
    const auto url = DatabaseUrl::parse(database);
    if (!url)
        return fail(url.error().toString());

    if (command == QLatin1String("migrate") || command == QLatin1String("seed")) {
        Connection db(*url);
        if (Status s = migrate(db); !s)
            return fail(s.error().toString());
        if (command == QLatin1String("migrate")) {
            std::printf("database %s is at schema version %d\n", qPrintable(url->redacted()),
                        latestSchemaVersion(db.dialect()));
            return 0;
        }
        SeedOptions seed;
        seed.items = parser.value(QStringLiteral("items")).isEmpty()
                         ? 2000
                         : parser.value(QStringLiteral("items")).toInt();
        seed.seed = parser.value(QStringLiteral("seed")).isEmpty()
                        ? 42
                        : parser.value(QStringLiteral("seed")).toULongLong();
        if (seed.items < 0)
            return fail(QStringLiteral("--items must be zero or more"));
        PasswordHasher hasher;
        const auto report = seedDemoData(db, hasher, seed);
        if (!report)
            return fail(report.error().toString());
        std::printf("seeded %s: %d users, %d items, %d pincodes, %d warehouses, %d stock rows, %d "
                    "shipments "
                    "(existing data kept)\n",
                    qPrintable(url->redacted()), report->users, report->items, report->pincodes,
                    report->logistics.warehouses, report->logistics.stockRows,
                    report->logistics.shipments);
        return 0;
    }
    if (command == QLatin1String("reindex")) {
        Connection db(*url);
        if (Status s = migrate(db); !s)
            return fail(s.error().toString());
        CatalogState catalog;
        if (Status s = CatalogService(db, catalog).reloadCategories(); !s)
            return fail(s.error().toString());
        SearchState state(dataDir + QStringLiteral("/search"));
        SearchIndex index(state, catalog);
        SearchIndex::BuildReport report;
        if (const auto offset = index.rebuild(db, &report); !offset)
            return fail(offset.error().toString());
        std::printf(
            "indexed %lld items in %lld ms (%.0f items/s) into %s\n", report.items,
            report.milliseconds,
            report.milliseconds ? 1000.0 * double(report.items) / double(report.milliseconds) : 0.0,
            qPrintable(state.directory()));
        return 0;
    }
    if (command != QLatin1String("serve"))
        return fail(QStringLiteral("unknown command ") + command
                    + QStringLiteral(" (serve, migrate, seed or reindex)"));

    ServerConfig config;
    config.databaseUrl = database;
    config.dataDir = dataDir;
    const QString address = setting(parser, QStringLiteral("address"), "PINCART_ADDRESS",
                                    QStringLiteral("127.0.0.1"));
    if (!config.address.setAddress(address))
        return fail(QStringLiteral("bad --address ") + address);
    bool ok = true;
    const int port = setting(parser, QStringLiteral("port"), "PINCART_PORT", QStringLiteral("8080"))
                         .toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return fail(QStringLiteral("bad --port"));
    config.port = quint16(port);
    config.threads
        = setting(parser, QStringLiteral("threads"), "PINCART_THREADS", QStringLiteral("4"))
              .toInt(&ok);
    if (!ok || config.threads < 1 || config.threads > 256)
        return fail(QStringLiteral("--threads must be 1 to 256"));
    config.ioThreads
        = setting(parser, QStringLiteral("io-threads"), "PINCART_IO_THREADS", QStringLiteral("0"))
              .toInt(&ok);
    if (!ok || config.ioThreads < 0 || config.ioThreads > 64)
        return fail(QStringLiteral("--io-threads must be 1 to 64 (0: half the cores)"));
    config.batch = setting(parser, QStringLiteral("batch"), "PINCART_BATCH", QStringLiteral("32"))
                       .toInt(&ok);
    if (!ok || config.batch < 0 || config.batch > 256)
        return fail(QStringLiteral("--batch must be 0 to 256"));
    config.batchLeaders = setting(parser, QStringLiteral("batch-leaders"), "PINCART_BATCH_LEADERS",
                                  QStringLiteral("2"))
                              .toInt(&ok);
    if (!ok || config.batchLeaders < 1 || config.batchLeaders > 256)
        return fail(QStringLiteral("--batch-leaders must be 1 to 256"));
    config.maxConnections = setting(parser, QStringLiteral("max-connections"),
                                    "PINCART_MAX_CONNECTIONS", QStringLiteral("2048"))
                                .toInt(&ok);
    if (!ok || config.maxConnections < 1)
        return fail(QStringLiteral("bad --max-connections"));
    config.idleTimeoutMs = setting(parser, QStringLiteral("idle-timeout"), "PINCART_IDLE_TIMEOUT",
                                   QStringLiteral("30"))
                               .toInt(&ok)
                           * 1000;
    if (!ok || config.idleTimeoutMs < 1000)
        return fail(QStringLiteral("--idle-timeout must be at least 1 second"));
    config.accessLog
        = setting(parser, QStringLiteral("access-log"), "PINCART_ACCESS_LOG", QStringLiteral("-"));
    config.adminEmail = QString::fromLocal8Bit(qgetenv("PINCART_ADMIN_EMAIL"));
    config.adminPassword = QString::fromLocal8Bit(qgetenv("PINCART_ADMIN_PASSWORD"));
    config.tokenSecret = QString::fromLocal8Bit(qgetenv("PINCART_TOKEN_SECRET"));

    // SIGTERM/SIGINT through a pipe: a signal handler may do almost nothing, the event loop the
    // rest.
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0)
        return fail(QStringLiteral("socketpair failed"));
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char c;
        (void)!::read(signalPipe[0], &c, 1);
        std::fprintf(stderr, "pincart-server: stopping\n");
        QCoreApplication::quit();
    });
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGINT, &sa, nullptr);
    ::signal(SIGPIPE, SIG_IGN);

    Server server(config);
    if (Status s = server.start(); !s)
        return fail(s.error().toString());
    if (!server.generatedAdminPassword().isEmpty()) {
        std::fprintf(stderr,
                     "pincart-server: created the first admin account %s with the one-time "
                     "password %s (set PINCART_ADMIN_EMAIL and PINCART_ADMIN_PASSWORD to choose)\n",
                     qPrintable(config.adminEmail.isEmpty() ? QStringLiteral("admin@pincart.local")
                                                            : config.adminEmail),
                     qPrintable(server.generatedAdminPassword()));
    }
    std::fprintf(stderr, "pincart-server: listening on http://%s:%u\n",
                 qPrintable(config.address.toString()), unsigned(server.port()));
    const int rc = app.exec();
    server.stop();
    return rc;
}

#include "testserver.h"

#include "connection.h"
#include "demoseeder.h"
#include "mariadbinstance.h"
#include "migrations.h"
#include "passwordhasher.h"
#include "pincoderepository.h"
#include "server.h"

namespace pincart::test {

QString backendName(Backend backend)
{
    return backend == Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("mariadb");
}

TestServer::TestServer(Backend backend)
    : TestServer(backend, Options{})
{}

TestServer::TestServer(Backend backend, Options options)
    : m_backend(backend)
    , m_options(options)
{}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    if (m_backend == Backend::Sqlite) {
        m_databaseUrl = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("pincart.db"));
    } else {
        m_databaseUrl = MariaDbInstance::createDatabase(&m_error);
        if (m_databaseUrl.isEmpty())
            return false;
    }
    {
        const auto url = server::DatabaseUrl::parse(m_databaseUrl);
        server::Connection db(*url);
        if (Status s = server::migrate(db); !s) {
            m_error = s.error().toString();
            return false;
        }
        server::PasswordHasher hasher;
        server::SeedOptions seed;
        seed.items = m_options.items;
        seed.seed = m_options.seed;
        seed.pincodes = m_options.loadPincodes;
        const auto report = server::seedDemoData(db, hasher, seed);
        if (!report) {
            m_error = report.error().toString();
            return false;
        }
    }
    return listen();
}

bool TestServer::restart()
{
    stop();
    return listen();
}

bool TestServer::listen()
{
    server::ServerConfig config;
    config.databaseUrl = m_databaseUrl;
    config.address = QHostAddress::LocalHost;
    config.port = 0;
    config.threads = m_options.threads;
    config.batchLeaders = m_options.batchLeaders;
    config.dataDir = m_dir.path();
    config.maxConnections = m_options.maxConnections;
    config.idleTimeoutMs = m_options.idleTimeoutMs;
    config.accessLog = QStringLiteral("off");
    m_server = std::make_unique<server::Server>(config);
    if (Status s = m_server->start(); !s) {
        m_error = s.error().toString();
        m_server.reset();
        return false;
    }
    return true;
}

void TestServer::stop()
{
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
}

QUrl TestServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

quint16 TestServer::port() const
{
    return m_server ? m_server->port() : 0;
}

} // namespace pincart::test
